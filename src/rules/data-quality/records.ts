/**
 * Every record the dataset holds, once each, with what a finding needs to name it: the registered household
 * and person it belongs to (where linked), and a stable key for the household as its own source groups it.
 */
import type { SourceKind } from '../../model/kinds.js';
import type { FieldMap, SourceRecord, SourceSpec } from '../../sources/define.js';
import {
  national,
  householdFile,
  oneBook,
  oneBookLedger,
  hukou,
  noticeBoard,
  civilAffairs,
  vehicles,
  business,
  property,
  payroll,
  deaths,
  payouts,
  type LedgerRecord,
  type HukouRecord,
} from '../../sources/index.js';
import type { Dataset, Person, PersonKind, RegisteredHousehold, Rosters, SourceHousehold } from '../../link/model.js';
import { idOf, nameOf, validId, type MemberRecord } from '../../link/records.js';
import type { IdResult } from '../../normalize/types.js';
import { isPersonField } from './fields.js';
import { perDataset } from '../shared/per-dataset.js';
import { keptHukouRows } from '../shared/members.js';

export interface RecordRef {
  kind: SourceKind;
  spec: SourceSpec;
  /** The record, for reading any field by its key. */
  record: SourceRecord<FieldMap>;
  /** The same record where it holds a person (national, archive, handbook and hukou members). */
  member: MemberRecord | null;
  memberKind: PersonKind | null;
  household: RegisteredHousehold | null;
  person: Person | null;
  /**
   * The household as this source holds it, stable from month to month: 户编号 for registered households,
   * the hukou 户号, or the source's own grouping key (head ID, else place and head name). Null for rosters.
   */
  unit: string | null;
  township: string | null;
  village: string | null;
  /** Name of the person (members, rosters) or of the head (boards, ledger lines). */
  name: string | null;
  /** Head name of the household the record belongs to, where known. */
  headName: string | null;
}

const ROSTER_SPECS: { [K in keyof Rosters]: SourceSpec } = {
  'civil-affairs': civilAffairs,
  vehicles,
  business,
  property,
  payroll,
  deaths,
  payouts,
};

const MEMBER_SPECS: Record<PersonKind, SourceSpec> = {
  national,
  'household-file': householdFile,
  'one-book': oneBook,
  hukou,
};

export function specOf(kind: PersonKind): SourceSpec {
  return MEMBER_SPECS[kind];
}

/** A record of any source, as a map of field key → value (values are read by key, then narrowed). */
function asFields(r: object): SourceRecord<FieldMap> {
  return r as SourceRecord<FieldMap>;
}

interface Owner {
  household: RegisteredHousehold;
  person: Person | null;
}

const PERSON_KINDS: readonly PersonKind[] = ['national', 'household-file', 'one-book', 'hukou'];

/** record → the registered household and person it belongs to. */
function owners(ds: Dataset): Map<object, Owner> {
  const map = new Map<object, Owner>();
  for (const h of ds.households) {
    for (const p of h.people) {
      const owner: Owner = { household: h, person: p };
      for (const kind of PERSON_KINDS) {
        const r = p.records[kind];
        if (r) map.set(r, owner);
      }
    }
    if (h.hukouOthers.length === 0) continue;
    const nobody: Owner = { household: h, person: null };
    for (const r of h.hukouOthers) if (!map.has(r)) map.set(r, nobody);
  }
  return map;
}

/** Stable key of a person for finding fingerprints: linked person's key, else valid or cleaned ID, else unit + name. */
export function personSubject(ref: RecordRef): string {
  if (ref.person) return ref.person.personId ?? ref.person.key;
  const id = ref.member ? idOf(ref.member) : null;
  return id?.id ?? (id?.cleaned || `${ref.unit ?? ''}|${ref.name ?? ''}`);
}

/** Whether a field of a record holds one value for the whole household (repeated on each member row). */
export function householdLevel(ref: RecordRef, key: string): boolean {
  return ref.member !== null && !isPersonField(key);
}

/**
 * Stable subject of one cell for finding fingerprints (never file or row): the person and field, the household
 * and field for household fields, the line's own content for ledger lines and roster entries.
 */
export function cellSubject(ref: RecordRef, key: string, value: string): string {
  if (ref.member) return householdLevel(ref, key) ? `${ref.unit ?? ''}|${key}` : `${personSubject(ref)}|${key}`;
  if (ref.spec.role === 'board') return `${ref.unit ?? ''}|${key}`;
  const r = ref.record;
  const id = r.idNumber as IdResult | null | undefined;
  const headId = r.headId as IdResult | null | undefined;
  // A person or household has several ledger lines or roster entries: the line's content tells them apart.
  const who = id?.id ?? id?.cleaned ?? headId?.id ?? headId?.cleaned ?? ref.name ?? '';
  const line = ['year', 'category', 'item', 'date'].map((k) => String(r[k] ?? '')).join('/');
  return `${who}|${line}|${key}|${value}`;
}

/** The member records of one household as one source holds it (source + unit), in dataset order. */
export interface MemberUnit {
  kind: PersonKind;
  unit: string;
  refs: RecordRef[];
}

interface Walked {
  refs: readonly RecordRef[];
  units: readonly MemberUnit[];
}

const walkedOf = perDataset(walk);

/** Every record of every source in the dataset, each once, in dataset order (walked once per dataset). */
export function everyRecord(ds: Dataset): readonly RecordRef[] {
  return walkedOf(ds).refs;
}

/**
 * Member records (with a unit) grouped by source and unit, in the order of each group's first record: the
 * walk lists a unit's records together, so grouping costs no look-up per record.
 */
export function memberUnits(ds: Dataset): readonly MemberUnit[] {
  return walkedOf(ds).units;
}

function walk(ds: Dataset): Walked {
  const own = owners(ds);
  const out: RecordRef[] = [];
  // Each record is reached once: every source record sits in one place of the dataset (hukou rows, in two
  // maps, through keptHukouRows).
  const add = (ref: RecordRef) => {
    out.push(ref);
  };
  const units: MemberUnit[] = [];
  const unitsByKind = new Map<PersonKind, Map<string, MemberUnit>>();
  let current: MemberUnit | null = null;
  const inUnit = (ref: RecordRef, kind: PersonKind, unit: string) => {
    if (current && current.kind === kind && current.unit === unit) {
      current.refs.push(ref);
      return;
    }
    let byUnit = unitsByKind.get(kind);
    if (!byUnit) unitsByKind.set(kind, (byUnit = new Map()));
    current = byUnit.get(unit) ?? null;
    if (current) current.refs.push(ref);
    else {
      current = { kind, unit, refs: [ref] };
      byUnit.set(unit, current);
      units.push(current);
    }
  };
  const member = (kind: PersonKind, r: MemberRecord, unit: string | null, fallback: RegisteredHousehold | null, headName: string | null) => {
    const o = own.get(r);
    const household = o?.household ?? fallback;
    const ref: RecordRef = {
      kind,
      spec: MEMBER_SPECS[kind],
      record: asFields(r),
      member: r,
      memberKind: kind,
      household,
      person: o?.person ?? null,
      unit,
      township: r.township ?? household?.township ?? null,
      village: r.village ?? household?.village ?? null,
      name: nameOf(r),
      headName: headName ?? household?.headName ?? null,
    };
    add(ref);
    if (unit !== null) inUnit(ref, kind, unit);
  };
  const ledgerLine = (r: LedgerRecord, h: RegisteredHousehold | null) =>
    add({
      kind: 'one-book',
      spec: oneBookLedger,
      record: asFields(r),
      member: null,
      memberKind: null,
      household: h,
      person: null,
      unit: h?.householdId ?? r.headId?.id ?? r.headId?.cleaned ?? `${r.village ?? ''}|${r.headName ?? ''}`,
      township: r.township ?? h?.township ?? null,
      village: r.village ?? h?.village ?? null,
      name: r.headName ?? h?.headName ?? null,
      headName: r.headName ?? h?.headName ?? null,
    });
  const group = (kind: 'household-file' | 'one-book', g: SourceHousehold<MemberRecord>, h: RegisteredHousehold | null) => {
    for (const r of g.rows) member(kind, r, h?.householdId ?? g.key, h, h?.headName ?? g.headName);
  };

  for (const h of ds.households) {
    for (const r of h.national) member('national', r, h.householdId, h, h.headName);
    if (h.archive) group('household-file', h.archive, h);
    if (h.oneBook) group('one-book', h.oneBook, h);
    for (const r of h.ledger) ledgerLine(r, h);
    if (h.board) board(h.board.record, h);
  }
  for (const r of ds.unattached.ledger) ledgerLine(r, null);
  for (const g of ds.unattached.archive) group('household-file', g, null);
  for (const g of ds.unattached.oneBook) group('one-book', g, null);
  for (const b of ds.unattached.boards) board(b, null);

  // Hukou rows only where they concern a registered household: the rest of the county's residents are
  // not this audit's business (and how many of them are kept is a memory decision, not a finding).
  const byHukouNo = hukouOwners(ds);
  const heads = new Map<string, HukouRecord | undefined>();
  for (const r of keptHukouRows(ds)) {
    if (!own.has(r)) continue;
    const h = r.householdNo ? (byHukouNo.get(r.householdNo) ?? null) : null;
    let head: HukouRecord | undefined;
    if (r.householdNo) {
      if (heads.has(r.householdNo)) head = heads.get(r.householdNo);
      else {
        head = ds.hukou.byHouseholdNo.get(r.householdNo)?.find((x) => x.relation === 'head');
        heads.set(r.householdNo, head);
      }
    }
    member('hukou', r, r.householdNo ?? validId(r), h, head?.name ?? null);
  }

  for (const kind of Object.keys(ROSTER_SPECS) as (keyof Rosters)[]) {
    for (const r of ds.rosters[kind]) {
      const place = r as { township?: string | null; village?: string | null };
      add({
        kind,
        spec: ROSTER_SPECS[kind],
        record: asFields(r),
        member: null,
        memberKind: null,
        household: null,
        person: null,
        unit: null,
        township: place.township ?? null,
        village: place.village ?? null,
        name: r.name,
        headName: null,
      });
    }
  }
  return { refs: out, units };

  function board(b: Dataset['unattached']['boards'][number], h: RegisteredHousehold | null): void {
    add({
      kind: 'notice-board',
      spec: noticeBoard,
      record: asFields(b),
      member: null,
      memberKind: null,
      household: h,
      person: null,
      unit: h?.householdId ?? `${b.township ?? ''}/${b.village ?? ''}/${b.headName ?? ''}`,
      township: b.township ?? h?.township ?? null,
      village: b.village ?? h?.village ?? null,
      name: b.headName,
      headName: b.headName,
    });
  }
}

/** Hukou 户号 → the one registered household holding people of it (absent when none or several). */
function hukouOwners(ds: Dataset): Map<string, RegisteredHousehold> {
  const map = new Map<string, RegisteredHousehold | null>();
  for (const h of ds.households) {
    for (const no of h.hukouNos) map.set(no, map.has(no) && map.get(no) !== h ? null : h);
  }
  const out = new Map<string, RegisteredHousehold>();
  for (const [no, h] of map) if (h) out.set(no, h);
  return out;
}
