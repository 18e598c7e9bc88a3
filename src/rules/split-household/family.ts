/**
 * Family facts the policy rules share: who is registered (IDs and hukou households), who lives on in a
 * registered household, ages at the as-of date, and children found through the hukou parent-ID columns.
 */
import type { HukouRecord } from '../../sources/index.js';
import type { Dataset, Person, RegisteredHousehold } from '../../link/model.js';
import { birthOf, idOf, nameOf, prefix15Of, validId } from '../../link/records.js';
import { normalizeName } from '../../normalize/name.js';
import { ageAt } from '../../normalize/date.js';
import { departureOf, personIds } from '../shared/members.js';

/** One value per dataset, computed on first use. */
export function perDataset<T>(make: (ds: Dataset) => T): (ds: Dataset) => T {
  const cache = new WeakMap<Dataset, T>();
  return (ds) => {
    let v = cache.get(ds);
    if (v === undefined) {
      v = make(ds);
      cache.set(ds, v);
    }
    return v;
  };
}

/** Every hukou row the dataset kept, once each, in a stable order. */
export const keptHukou = perDataset((ds): HukouRecord[] => {
  const rows = new Set<HukouRecord>();
  for (const list of ds.hukou.byHouseholdNo.values()) for (const r of list) rows.add(r);
  for (const r of ds.hukou.byId.values()) rows.add(r);
  return [...rows];
});

/** Parent's valid ID → hukou rows naming that parent in 父亲/母亲公民身份号码. */
export const childrenByParent = perDataset((ds) => {
  const map = new Map<string, HukouRecord[]>();
  for (const r of keptHukou(ds)) {
    for (const parent of [r.fatherId?.id, r.motherId?.id]) {
      if (!parent) continue;
      const list = map.get(parent);
      if (list) list.push(r);
      else map.set(parent, [r]);
    }
  }
  return map;
});

/** Every valid ID held by a person of a registered household, in any source. */
export const registeredIds = perDataset((ds) => {
  const ids = new Set<string>();
  for (const h of ds.households) for (const p of h.people) for (const id of personIds(p)) ids.add(id);
  return ids;
});

/**
 * `first 15 digits|name` of every ID-bearing record of a registered household, valid or not: a person whose
 * ID was damaged in Excel (last digits lost) is still found by the digits that survive and the name.
 */
export const registeredPrefixNames = perDataset((ds) => {
  const keys = new Set<string>();
  for (const h of ds.households) {
    for (const p of h.people) {
      for (const r of Object.values(p.records)) {
        const prefix = r ? prefix15Of(idOf(r)) : null;
        const name = r ? nameOf(r) : null;
        if (prefix && name) keys.add(`${prefix}|${normalizeName(name)}`);
      }
    }
  }
  return keys;
});

/** True when a valid ID (with its name) belongs to a person of a registered household, even one whose ID there is damaged. */
export function registeredPerson(ds: Dataset, id: string, name: string | null): boolean {
  return registeredIds(ds).has(id) || (!!name && registeredPrefixNames(ds).has(`${id.slice(0, 15)}|${normalizeName(name)}`));
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

export function ageOn(birth: string | null, asOf: string): number | null {
  return birth ? ageAt(birth, asOf) : null;
}

/** Registered members who live on: on the national record, neither dead nor moved out by hukou or the deaths roster. */
export function livingMembers(ds: Dataset, h: RegisteredHousehold): Person[] {
  return h.people.filter((p) => p.records.national && !departureOf(ds, h, p));
}

/** Valid IDs on the deaths roster. */
export const deadIds = perDataset((ds) => new Set(ds.rosters.deaths.flatMap((d) => (d.idNumber?.id ? [d.idNumber.id] : []))));

export function inRange(age: number | null, range: { min: number; max: number }): boolean {
  return age !== null && age >= range.min && age <= range.max;
}
