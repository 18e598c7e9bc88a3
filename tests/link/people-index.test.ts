/**
 * The people index: extended after members join their households, it answers exactly as an index built
 * afresh (same people, same order), its look-ups built on first use included.
 */
import { describe, expect, it } from 'vitest';
import { national, householdFile } from '../../src/sources/index.js';
import { linkDataset } from '../../src/link/index.js';
import { PeopleIndex, type Candidate } from '../../src/link/people-index.js';
import type { Person, RegisteredHousehold } from '../../src/link/model.js';
import { personKey } from '../../src/link/households.js';
import { sharedNameKeys } from '../../src/normalize/name.js';
import { parsedRow, policy, sources, validIdFor } from '../rules/data-quality/build.js';

const PLACE = { township: '黄金镇', village: '黄金村' };

function nat(no: string, name: string, id: string, relation: string) {
  return parsedRow(national, { ...PLACE, householdNo: no, name, idNumber: id, relation });
}

/** Three households with namesakes (刘明 / 刘敏 sound alike) born in the same decade, so that lists hold several people. */
function households(): RegisteredHousehold[] {
  const rows = [
    nat('H1', '刘福', validIdFor('19600101', '011'), '户主'),
    nat('H1', '刘明', validIdFor('19900303', '031'), '之子'),
    nat('H2', '刘敏', validIdFor('19900304', '041'), '户主'),
    nat('H2', '刘明', validIdFor('19920303', '051'), '之子'),
    nat('H3', '刘明', validIdFor('19900303', '071'), '户主'),
  ];
  return linkDataset(sources({ national: rows }), policy, '2026-11-27').households;
}

/** A member only the archive lists, appended to the household as the linker does. */
function join(h: RegisteredHousehold, name: string, id: string, birthDate: string): void {
  const record = parsedRow(householdFile, { ...PLACE, headName: h.headName ?? '', name, idNumber: id, birthDate });
  const p: Person = { key: '', personId: id, name, records: { 'household-file': record }, links: {} };
  p.key = personKey(p, h.householdId);
  h.people.push(p);
}

const people = (list: readonly Candidate[] | undefined) => (list ?? []).map((c) => c.person);

function answers(index: PeopleIndex, hs: readonly RegisteredHousehold[]) {
  const out: Person[][] = [];
  for (const h of hs) {
    for (const p of h.people) {
      const r = p.records.national ?? p.records['household-file'];
      const id = r?.idNumber;
      if (!r || !id || !r.name) continue;
      const keys = sharedNameKeys(r.name);
      out.push(people(index.withId(id.cleaned)));
      out.push(people(index.withPrefix(id.cleaned.slice(0, 15), false)));
      out.push(people(index.typoCandidates(keys, id.cleaned, false)));
      out.push(people(index.typoCandidates(keys, id.cleaned, true)));
      out.push(people(index.byNameAndBirth(keys, id.birthDate ?? '')));
    }
  }
  return out;
}

describe('people index', () => {
  it('extended after members join, answers as a fresh index would, in the same order', () => {
    const hs = households();
    const extended = new PeopleIndex(hs);
    // Ask first, so that the look-ups built on first use exist before the new members come.
    const before = answers(extended, hs);
    expect(before.some((a) => a.length > 1)).toBe(true);

    join(hs[0], '刘明', validIdFor('19900303', '091'), '1990-03-03');
    join(hs[1], '刘敏', validIdFor('19900304', '093'), '1990-03-04');
    extended.extend();

    const fresh = new PeopleIndex(hs);
    const a = answers(extended, hs);
    const b = answers(fresh, hs);
    expect(a).toEqual(b);
    // The newcomers are found, in household order: H1's newcomer before H2's people, after H1's own.
    const newcomer = hs[0].people[hs[0].people.length - 1];
    const namesakes = people(fresh.byNameAndBirth(sharedNameKeys('刘明'), '1990-03-03'));
    expect(namesakes.indexOf(newcomer)).toBeGreaterThan(namesakes.indexOf(hs[0].people[1]));
    expect(namesakes.indexOf(newcomer)).toBeLessThan(namesakes.indexOf(hs[2].people[0]));
  });

  it('lists typo candidates by name key, then in index order', () => {
    const hs = households();
    const index = new PeopleIndex(hs);
    const id = validIdFor('19900303', '031');
    const found = people(index.typoCandidates(sharedNameKeys('刘明'), id, false));
    // Same name (first key) before the sound-alike 刘敏 (fuzzy key), each in household order.
    const order = found.map((p) => `${p.name}@${hs.findIndex((h) => h.people.includes(p))}`);
    expect(order.indexOf('刘明@0')).toBeLessThan(order.indexOf('刘明@2'));
    expect(order.filter((x) => x.startsWith('刘明')).length).toBeGreaterThan(1);
    expect(order[order.length - 1]).toBe('刘敏@1');
    for (const p of found) expect(found.indexOf(p)).toBe(found.lastIndexOf(p));
  });

  it('for a valid ID, passes over namesakes whose IDs are all valid, and still finds one with an invalid ID', () => {
    const hs = households();
    const index = new PeopleIndex(hs);
    const id = validIdFor('19900303', '031');
    expect(people(index.typoCandidates(sharedNameKeys('刘明'), id, true))).toEqual([]);
    // An archive-only 刘明 whose ID has a wrong check character: one typo away from `id`.
    const typo = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    join(hs[1], '刘明', typo, '1990-03-03');
    index.extend();
    const found = people(index.typoCandidates(sharedNameKeys('刘明'), id, true));
    expect(found).toContain(hs[1].people[hs[1].people.length - 1]);
    expect(found).toEqual(people(index.typoCandidates(sharedNameKeys('刘明'), id, false)));
  });

  it('asks the damaged-ID index only for IDs that are damaged', () => {
    const hs = households();
    const index = new PeopleIndex(hs);
    // 刘明 of H1 (…0303031) and of H3 (…0303071) share their first 15 digits.
    const prefix = validIdFor('19900303', '031').slice(0, 15);
    expect(people(index.withPrefix(prefix, false)).map((p) => p.name)).toEqual(['刘明', '刘明']);
    expect(index.withPrefix(prefix, true)).toBeUndefined();
    expect(index.noDamagedIds).toBe(true);
  });
});
