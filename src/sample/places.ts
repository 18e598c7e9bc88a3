/** The county's places: townships (镇/乡), villages (村), natural villages (组). */
import type { County, Township, Village } from './model.js';
import { hamletNames, placeStem } from './names.js';
import { PREFECTURE, type CountyIdentity } from './prefecture.js';
import type { Rng } from './rng.js';

/**
 * The default county, 会昌县 (360733) of Ganzhou, made on its own: married-in people carry the codes of its real
 * neighbours (瑞金市, 于都县, 安远县, 寻乌县, and 武平县 across the Fujian border), extra residents 360790.
 */
const DEFAULT_COUNTY: CountyIdentity = {
  code: '360733',
  name: '会昌县',
  neighbourCodes: ['360781', '360731', '360726', '360734', '350824'],
  extraCode: '360790',
  householdPrefix: '0',
  townshipStems: [],
};

function uniqueStem(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const stem = placeStem(rng);
    if (!taken.has(stem)) {
      taken.add(stem);
      return stem;
    }
  }
}

/** A stem of the county's own list not yet taken (any free stem once the list is used up). */
function ownStem(rng: Rng, own: readonly string[], taken: Set<string>): string {
  const free = own.filter((s) => !taken.has(s));
  if (free.length === 0) return uniqueStem(rng, taken);
  const stem = rng.pick(free);
  taken.add(stem);
  return stem;
}

/**
 * Townships and villages; a bigger population gets more of them (about 2,500 residents a village),
 * so that a county of a million people looks like one. Townships and villages are invented; the county is
 * the default one or, in a prefecture run, `identity` (township names then come from its own stems).
 */
export function buildPlaces(rng: Rng, hukouPeople: number, identity: CountyIdentity = DEFAULT_COUNTY): County {
  const townshipCount = Math.min(60, Math.max(rng.int(3, 5), Math.round(hukouPeople / 40_000)));
  const townshipStems = new Set<string>();
  let nextTown = 101;
  let nextXiang = 201;
  const townships: Township[] = [];
  for (let t = 0; t < townshipCount; t++) {
    const isTown = t === 0 || rng.chance(0.6);
    const code = String(isTown ? nextTown++ : nextXiang++);
    const township: Township = {
      code,
      name: `${identity.townshipStems.length > 0 ? ownStem(rng, identity.townshipStems, townshipStems) : uniqueStem(rng, townshipStems)}${isTown ? '镇' : '乡'}`,
      index: t,
      villages: [],
    };
    const villageStems = new Set<string>();
    const villageCount = Math.min(90, Math.max(rng.int(3, 5), Math.round(hukouPeople / townshipCount / 2_500)));
    for (let v = 0; v < villageCount; v++) {
      const village: Village = {
        code: String(201 + v),
        name: `${uniqueStem(rng, villageStems)}村`,
        index: v,
        township,
        hamlets: hamletNames(rng, rng.int(3, 6)),
        weight: 0.7 + rng.next() * 0.6,
      };
      township.villages.push(village);
    }
    townships.push(township);
  }
  // Village names repeat across townships in real counties: a village is always township + village.
  const first = townships[0].villages[0];
  const second = townships[1].villages[townships[1].villages.length - 1];
  if (!townships[1].villages.some((v) => v.name === first.name)) second.name = first.name;
  const { code, name, neighbourCodes, extraCode, householdPrefix } = identity;
  return { code, name, prefecture: PREFECTURE.name, province: PREFECTURE.province, neighbourCodes, extraCode, householdPrefix, townships };
}

export function allVillages(county: County): Village[] {
  return county.townships.flatMap((t) => t.villages);
}

/** `江西省会昌县石坪镇龙溪村上屋组12号`. */
export function address(county: County, village: Village, hamlet: string, houseNumber: number): string {
  return `${county.province}${county.name}${village.township.name}${village.name}${hamlet}${houseNumber}号`;
}
