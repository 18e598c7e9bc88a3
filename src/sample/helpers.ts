/** Mobile numbers and the helper cadres (帮扶责任人): each helps 1–6 households of one township. */
import { addYears, yearOf, type Day } from './dates.js';
import type { IdAllocator } from './ids.js';
import type { County, Helper, Township } from './model.js';
import { givenName, surname } from './names.js';
import type { Rng } from './rng.js';

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '177', '180', '181', '182', '183', '186', '187', '188', '189', '199'];

/** Hands out unique, valid 11-digit mobile numbers. */
export class PhoneBook {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  mobile(): string {
    for (;;) {
      let n = this.rng.pick(MOBILE_PREFIXES);
      for (let i = 0; i < 8; i++) n += String(this.rng.int(0, 9));
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
  }
}

/** County offices, after the county's full name (会昌县财政局, 瑞金市财政局, 章贡区财政局). */
const COUNTY_UNITS = ['财政局', '教育局', '人力资源和社会保障局', '农业农村局', '卫生健康委员会', '水利局', '住房和城乡建设局', '林业局', '交通运输局', '供电公司', '人民医院', '自然资源局'];

function unitFor(rng: Rng, county: County, township: Township): string {
  return rng.chance(0.45) ? `${township.name}人民政府` : `${county.name}${rng.pick(COUNTY_UNITS)}`;
}

export interface HelperContext {
  rng: Rng;
  ids: IdAllocator;
  phones: PhoneBook;
  county: County;
  asOf: Day;
  /** Names that a helper must not carry (registered people), so a helper is never mistaken for one of them. */
  reservedNames: Set<string>;
}

export function newHelper(ctx: HelperContext, township: Township): Helper {
  const { rng } = ctx;
  const male = rng.chance(0.6);
  const birth = addYears(ctx.asOf, -rng.int(26, 58)) - rng.int(1, 364);
  let name = '';
  let tries = 0;
  // A large county can use up the two-character given names of an age and sex: then a third character.
  do name = surname(rng) + givenName(rng, yearOf(birth), male) + (++tries > 200 ? givenName(rng, yearOf(birth), male).slice(-1) : '');
  while (ctx.reservedNames.has(name));
  ctx.reservedNames.add(name);
  return { name, id: ctx.ids.allocate(ctx.county.code, birth, male), phone: ctx.phones.mobile(), unit: unitFor(rng, ctx.county, township), birth, male };
}

/** Splits a township's households into groups of 1–6, one helper per group. */
export function helperGroupSizes(rng: Rng, count: number): number[] {
  const sizes: number[] = [];
  let left = count;
  while (left > 0) {
    const n = Math.min(left, rng.weighted([[1, 1], [2, 2], [3, 4], [4, 4], [5, 3], [6, 2]]));
    sizes.push(n);
    left -= n;
  }
  return sizes;
}
