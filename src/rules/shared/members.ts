/** Who belongs to a registered household in each member source, and who has left it (hukou, deaths roster). */
import type { HukouRecord, DeathRecord } from '../../sources/index.js';
import type { Dataset, Person, PersonKind, RegisteredHousehold } from '../../link/model.js';
import { holds } from '../../link/coverage.js';
import { validId } from '../../link/records.js';
import { PERSON_STATUS_LABELS } from '../../normalize/person-status.js';
import { perDataset } from './per-dataset.js';
import { rosterIdOf } from '../../link/rosters.js';

/**
 * Every kept hukou row once, in a stable order: `byHouseholdNo` lists each kept row that has a 户号, `byId` adds
 * those without one.
 */
export function* keptHukouRows(ds: Dataset): Generator<HukouRecord> {
  for (const list of ds.hukou.byHouseholdNo.values()) yield* list;
  for (const r of ds.hukou.byId.values()) if (!r.householdNo) yield r;
}

/** The national export's household-level variant (户主姓名 / 户主证件号码, no member rows) lists no members. */
export function nationalListsMembers(h: RegisteredHousehold): boolean {
  return h.national.some((r) => r.name !== null || r.idNumber !== null);
}

/** Member sources that hold the household (its absence from a source is household-absent's, not a member's). */
export function memberKinds(h: RegisteredHousehold): PersonKind[] {
  const kinds: PersonKind[] = [];
  if (nationalListsMembers(h)) kinds.push('national');
  if (h.archive) kinds.push('household-file');
  if (h.oneBook) kinds.push('one-book');
  if (holds(h, 'hukou')) kinds.push('hukou');
  return kinds;
}

/**
 * The person's hukou row: the linked one, or — for a member only the archive or handbook lists (the linker
 * matches hukou to national people only) — the hukou row with the person's ID in one of the household's
 * hukou households.
 */
export function hukouOf(ds: Dataset, h: RegisteredHousehold, p: Person): HukouRecord | null {
  if (p.records.hukou) return p.records.hukou;
  if (p.records.national || !p.personId) return null;
  const r = ds.hukou.byId.get(p.personId);
  return r?.householdNo && h.hukouNos.includes(r.householdNo) ? r : null;
}

/** The hukou row of one member (a group of membersOf): the first of its person records that has one. */
export function hukouOfGroup(ds: Dataset, h: RegisteredHousehold, group: readonly Person[]): HukouRecord | null {
  for (const p of group) {
    const r = hukouOf(ds, h, p);
    if (r) return r;
  }
  return null;
}

/**
 * The household's people grouped by identity (valid ID, else key). The linker joins archive and handbook rows
 * to national people only, so a member the national record lacks may appear once per source that lists them.
 */
export function membersOf(h: RegisteredHousehold): Person[][] {
  const groups = new Map<string, Person[]>();
  for (const p of h.people) {
    const k = p.personId ?? p.key;
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  return [...groups.values()];
}

/** Why a person should no longer be counted: hukou status 死亡 / 迁出 / 注销, or the deaths roster. */
export interface Departure {
  /** Chinese status: 死亡, 迁出, 注销. */
  status: string;
  date: string | null;
  hukou: HukouRecord | null;
  death: DeathRecord | null;
}

const GONE = new Set(['dead', 'movedOut', 'cancelled']);

const deathsById = perDataset((ds): Map<string, DeathRecord> => {
  const m = new Map<string, DeathRecord>();
  for (const r of ds.rosters.deaths) {
    const id = rosterIdOf(ds.rosterLinks, r);
    if (id && !m.has(id)) m.set(id, r);
  }
  return m;
});

/** Every valid ID a person's records hold (the settled one first, then in the order the records joined). */
export function personIds(p: Person): string[] {
  const ids: string[] = p.personId ? [p.personId] : [];
  const records = p.records;
  for (const kind in records) {
    const r = records[kind as PersonKind];
    const id = r ? validId(r) : null;
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Departures worked out once per dataset: several rules ask for every member's. */
const departures = perDataset(() => new Map<Person, Departure | null>());

export function departureOf(ds: Dataset, h: RegisteredHousehold, p: Person): Departure | null {
  const known = departures(ds);
  let d = known.get(p);
  if (d === undefined) {
    d = departureOfPerson(ds, h, p);
    known.set(p, d);
  }
  return d;
}

function departureOfPerson(ds: Dataset, h: RegisteredHousehold, p: Person): Departure | null {
  const hk = hukouOf(ds, h, p);
  const deaths = deathsById(ds);
  let death: DeathRecord | null = null;
  for (const id of personIds(p)) {
    death = deaths.get(id) ?? null;
    if (death) break;
  }
  const gone = hk?.personStatus && GONE.has(hk.personStatus) ? hk : null;
  if (!gone && !death) return null;
  const status = gone?.personStatus ? PERSON_STATUS_LABELS[gone.personStatus] : '死亡';
  return { status, date: gone?.changeDate ?? death?.deathDate ?? null, hukou: gone, death };
}

/** True when the person lives on in hukou: a row with status 正常 (or no status column). */
export function aliveInHukou(r: HukouRecord): boolean {
  return r.personStatus === null || r.personStatus === 'normal';
}

const nationalHouseholdOf = perDataset((ds): Map<string, string> => {
  const m = new Map<string, string>();
  for (const h of ds.households) {
    for (const p of h.people) {
      const nid = p.records.national ? validId(p.records.national) : null;
      if (nid && !m.has(nid)) m.set(nid, h.householdId);
    }
  }
  return m;
});

/** Registered household (户编号) holding a valid ID as a national member. */
export function registeredHouseholdOf(ds: Dataset, id: string): string | null {
  return nationalHouseholdOf(ds).get(id) ?? null;
}

/** The registered head as a person: the national row marked head, else the person holding the head's ID. */
export function headPerson(h: RegisteredHousehold): Person | null {
  return (
    h.people.find((p) => p.records.national?.relation === 'head') ??
    (h.headId ? h.people.find((p) => p.personId === h.headId) : undefined) ??
    null
  );
}

/** The head row of a hukou household. */
export function hukouHeadRow(ds: Dataset, householdNo: string | null): HukouRecord | null {
  if (!householdNo) return null;
  return ds.hukou.byHouseholdNo.get(householdNo)?.find((r) => r.relation === 'head') ?? null;
}

/** True when the hukou household's head is the registered head (relations in hukou are then to the same person). */
export function hukouHeadIsRegisteredHead(ds: Dataset, h: RegisteredHousehold, householdNo: string | null): boolean {
  const row = hukouHeadRow(ds, householdNo);
  if (!row) return false;
  const head = headPerson(h);
  if (head?.records.hukou === row) return true;
  const id = row.idNumber?.id;
  return !!id && (id === h.headId || id === head?.personId);
}
