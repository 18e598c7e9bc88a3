/** Registered households from the national export, and other sources' households grouped by head. */
import type { NationalRecord, HouseholdFileRecord, OneBookRecord } from '../sources/index.js';
import type { MainKind } from '../model/kinds.js';
import type { Person, RegisteredHousehold, SourceHousehold } from './model.js';
import { nameOf, validId } from './records.js';
import { placeKeyOf } from './places.js';

/** Stable person key: valid ID, else household + name. */
export function personKey(p: Person, householdId: string): string {
  return p.personId ?? `${householdId}|${p.name ?? ''}`;
}

/** Groups national rows by 户编号. Rows without one cannot be placed and are returned apart. */
export function registeredHouseholds(rows: readonly NationalRecord[]): {
  households: RegisteredHousehold[];
  withoutNumber: NationalRecord[];
} {
  const groups = new Map<string, NationalRecord[]>();
  const withoutNumber: NationalRecord[] = [];
  // The same export given twice (a county file and a township file): a person's row in another file of the
  // same household is the same row again, not a second member.
  const seen = new Map<string, string>();
  // With one file there is nothing to recognise again.
  const severalFiles = rows.some((r) => r.loc.file !== rows[0].loc.file);
  for (const r of rows) {
    if (!r.householdNo) {
      withoutNumber.push(r);
      continue;
    }
    const who = severalFiles ? (r.idNumber?.id ?? r.idNumber?.cleaned ?? r.headId?.id ?? null) : null;
    if (who) {
      const key = `${r.householdNo}|${who}`;
      const file = seen.get(key);
      if (file !== undefined && file !== r.loc.file) continue;
      seen.set(key, r.loc.file);
    }
    const g = groups.get(r.householdNo);
    if (g) g.push(r);
    else groups.set(r.householdNo, [r]);
  }
  const households = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([householdId, national]) => {
      const head = national.find((r) => r.relation === 'head') ?? null;
      const first = national[0];
      // A row repeating a member's valid ID within the household (pasted twice, a backup sheet) is that member
      // again: one person, so the other sources link to them as to anyone; the rows stay for the duplicate rules.
      const ids = new Set<string>();
      const people: Person[] = [];
      for (const r of national) {
        if (!nameOf(r) && !r.idNumber && !r.headId) continue;
        const personId = validId(r);
        if (personId) {
          if (ids.has(personId)) continue;
          ids.add(personId);
        }
        const p: Person = { key: '', personId, name: nameOf(r), records: { national: r }, links: {} };
        p.key = personKey(p, householdId);
        people.push(p);
      }
      return {
        householdId,
        township: first.township,
        village: first.village,
        headName: head ? nameOf(head) : (first.headName ?? null),
        headId: head ? validId(head) : (first.headId?.id ?? null),
        national,
        people,
        archive: null,
        oneBook: null,
        ledger: [],
        board: null,
        hukouNos: [],
        hukouOthers: [],
      } satisfies RegisteredHousehold;
    });
  return { households, withoutNumber };
}

type GroupedRecord = HouseholdFileRecord | OneBookRecord;

/**
 * Groups archive or handbook member rows into households by head: head ID, else township + village + head name.
 * Rows that leave the head columns blank (merged cells in the original) belong to the household above them.
 */
export function groupByHead<R extends GroupedRecord>(kind: MainKind, rows: readonly R[]): SourceHousehold<R>[] {
  const groups = new Map<string, SourceHousehold<R>>();
  let current: SourceHousehold<R> | null = null;
  let currentLoc: R['loc'] | null = null;
  for (const r of rows) {
    const headKey = r.headId?.id ?? r.headId?.cleaned ?? null;
    const headName = r.headName ?? (r.relation === 'head' ? r.name : null);
    let key: string | null = null;
    if (headKey) key = `id:${headKey}`;
    else if (headName) key = `name:${placeKeyOf(r.township ?? '')}/${placeKeyOf(r.village ?? '')}/${headName}`;
    else if (r.relation === 'head' && r.idNumber?.cleaned) key = `id:${r.idNumber.id ?? r.idNumber.cleaned}`;
    if (!key) {
      // Head columns blank: the row continues the household above it (same sheet), else it stands alone.
      if (current && currentLoc && currentLoc.file === r.loc.file && String(currentLoc.sheet) === String(r.loc.sheet)) {
        current.rows.push(r);
        continue;
      }
      key = `row:${r.loc.file}#${r.loc.sheet}#${r.loc.row}`;
    }
    let g = groups.get(key);
    if (!g) {
      g = { kind, key, township: r.township, village: r.village, headName: headName ?? null, rows: [] };
      groups.set(key, g);
    }
    if (!g.headName && headName) g.headName = headName;
    g.rows.push(r);
    current = g;
    currentLoc = r.loc;
  }
  return [...groups.values()];
}
