/**
 * Unrelated residents added to a sample county without changing it: townships and villages of their own,
 * people with IDs of an address code no county person has (`County.extraCode`), all drawn from an RNG stream
 * of their own and written after the county's own population. Used by the scale tests (same registered
 * households, more residents).
 */
import { villageHouseholds, type StreamedHousehold, type Truth } from './county.js';
import type { FamilyContext } from './family.js';
import type { Township, Village } from './model.js';
import { hamletNames, placeStem } from './names.js';

const PEOPLE_PER_TOWNSHIP = 200_000;
const PEOPLE_PER_VILLAGE = 2_500;
export const MAX_EXTRA_RESIDENTS = 5_000_000;

function extraTownships(truth: Truth, people: number, rng: FamilyContext['rng']): { village: Village; quota: number }[] {
  const taken = new Set(truth.county.townships.map((t) => t.name.slice(0, -1)));
  const count = Math.ceil(people / PEOPLE_PER_TOWNSHIP);
  const out: { village: Village; quota: number }[] = [];
  let left = people;
  for (let t = 0; t < count; t++) {
    let stem = placeStem(rng);
    while (taken.has(stem)) stem = placeStem(rng);
    taken.add(stem);
    const index = truth.county.townships.length + t;
    const township: Township = { code: String(301 + t), name: `${stem}乡`, index, villages: [] };
    const here = Math.min(left, PEOPLE_PER_TOWNSHIP);
    left -= here;
    const villages = Math.max(1, Math.ceil(here / PEOPLE_PER_VILLAGE));
    const villageStems = new Set<string>();
    for (let v = 0; v < villages; v++) {
      let vs = placeStem(rng);
      while (villageStems.has(vs)) vs = placeStem(rng);
      villageStems.add(vs);
      const village: Village = { code: String(201 + v), name: `${vs}村`, index: v, township, hamlets: hamletNames(rng, rng.int(3, 6)), weight: 1 };
      township.villages.push(village);
      const quota = Math.floor(here / villages) + (v < here % villages ? 1 : 0);
      out.push({ village, quota });
    }
  }
  return out;
}

/** `people` residents unrelated to anyone in the county, household by household. */
export function* extraHouseholds(truth: Truth, people: number): Generator<StreamedHousehold> {
  if (people <= 0) return;
  const rng = truth.rng.fork('extra-residents');
  const code = truth.county.extraCode;
  const county = { ...truth.county, code, neighbourCodes: [code] };
  for (const { village, quota } of extraTownships(truth, people, rng.fork('places'))) {
    const ctx: FamilyContext = { rng: rng.fork(`hukou/${village.township.index}/${village.index}`), ids: truth.ids, county, asOf: truth.asOf };
    yield* villageHouseholds(ctx, village, quota, new Map());
  }
}
