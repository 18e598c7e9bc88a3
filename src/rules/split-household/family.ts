/**
 * Family facts the policy rules share: who is registered (IDs and hukou households), who lives on in a
 * registered household, ages at the as-of date, and children found through the hukou parent-ID columns.
 */
import type { HukouRecord } from '../../sources/index.js';
import type { Dataset, Person, PersonKind, RegisteredHousehold } from '../../link/model.js';
import { birthOf, idOf, nameOf, prefix15Of, type MemberRecord } from '../../link/records.js';
import { nameKey } from '../shared/memo.js';
import { perDataset } from '../shared/per-dataset.js';
import { rosterIdOf } from '../../link/rosters.js';
import { ageAt } from '../../normalize/date.js';
import { departureOf, keptHukouRows, personIds } from '../shared/members.js';

const PERSON_KINDS: readonly PersonKind[] = ['national', 'household-file', 'one-book', 'hukou'];

/**
 * Parent's valid ID → hukou rows naming that parent in 父亲/母亲公民身份号码, in a stable order (every kept row
 * once).
 */
export const childrenByParent = perDataset((ds) => {
  const map = new Map<string, HukouRecord[]>();
  const under = (parent: string | null | undefined, r: HukouRecord) => {
    if (!parent) return;
    const list = map.get(parent);
    if (list) list.push(r);
    else map.set(parent, [r]);
  };
  const add = (r: HukouRecord) => {
    under(r.fatherId?.id, r);
    under(r.motherId?.id, r);
  };
  for (const r of keptHukouRows(ds)) add(r);
  return map;
});

/** Every valid ID held by a person of a registered household, in any source. */
export const registeredIds = perDataset((ds) => {
  const ids = new Set<string>();
  for (const h of ds.households) for (const p of h.people) for (const id of personIds(p)) ids.add(id);
  return ids;
});

/**
 * First 15 digits → the ID-bearing records of a registered household with those digits, valid or not, one per
 * person and ID and name: a person whose ID was damaged in Excel (last digits lost) is still found by the
 * digits that survive and the name.
 */
export const registeredPrefixes = perDataset((ds) => {
  const map = new Map<string, MemberRecord[]>();
  for (const h of ds.households) {
    for (const p of h.people) {
      let last: MemberRecord | null = null;
      for (const kind of PERSON_KINDS) {
        const r = p.records[kind];
        // A person's sources mostly give one ID (one shared result) and one name: the first record stands for them.
        if (!r || (last !== null && idOf(r) === idOf(last) && nameOf(r) === nameOf(last))) continue;
        last = r;
        const prefix = prefix15Of(idOf(r));
        if (!prefix) continue;
        const list = map.get(prefix);
        if (list) list.push(r);
        else map.set(prefix, [r]);
      }
    }
  }
  return map;
});

/** True when a valid ID (with its name) belongs to a person of a registered household, even one whose ID there is damaged. */
export function registeredPerson(ds: Dataset, id: string, name: string | null): boolean {
  if (registeredIds(ds).has(id)) return true;
  if (!name) return false;
  const records = registeredPrefixes(ds).get(id.slice(0, 15));
  if (!records) return false;
  const key = nameKey(name);
  return records.some((r) => {
    const own = nameOf(r);
    return !!own && nameKey(own) === key;
  });
}

/** Hukou 户号 → the registered households holding people of it. */
export const registeredHukouNos = perDataset((ds) => {
  const map = new Map<string, RegisteredHousehold[]>();
  for (const h of ds.households) {
    for (const no of h.hukouNos) {
      const list = map.get(no);
      if (list) list.push(h);
      else map.set(no, [h]);
    }
  }
  return map;
});

/** True when a hukou resident is registered: a registered person, or living in a registered hukou household. */
export function isRegistered(ds: Dataset, r: HukouRecord): boolean {
  const id = r.idNumber?.id;
  return (!!id && registeredPerson(ds, id, r.name)) || (!!r.householdNo && registeredHukouNos(ds).has(r.householdNo));
}

/** Birth date of a person: hukou first (the basis for who people are), then the other sources. */
export function personBirth(p: Person): string | null {
  for (const r of [p.records.hukou, p.records.national, p.records['household-file'], p.records['one-book']]) {
    const b = r ? birthOf(r) : null;
    if (b) return b;
  }
  return null;
}

/** Ages by birth date at one as-of date, remembered (a county has a few tens of thousands of birth dates). */
const ages = { asOf: '', byBirth: new Map<string, number>() };

export function ageOn(birth: string | null, asOf: string): number | null {
  if (!birth) return null;
  if (ages.asOf !== asOf || ages.byBirth.size >= 100_000) {
    ages.asOf = asOf;
    ages.byBirth.clear();
  }
  let age = ages.byBirth.get(birth);
  if (age === undefined) {
    age = ageAt(birth, asOf);
    ages.byBirth.set(birth, age);
  }
  return age;
}

/** Registered members who live on: on the national record, neither dead nor moved out by hukou or the deaths roster. */
export function livingMembers(ds: Dataset, h: RegisteredHousehold): Person[] {
  return h.people.filter((p) => p.records.national && !departureOf(ds, h, p));
}

/** Valid IDs on the deaths roster. */
export const deadIds = perDataset((ds) => new Set(ds.rosters.deaths.flatMap((d) => rosterIdOf(ds.rosterLinks, d) ?? [])));

export function inRange(age: number | null, range: { min: number; max: number }): boolean {
  return age !== null && age >= range.min && age <= range.max;
}
