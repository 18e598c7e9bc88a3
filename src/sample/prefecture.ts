/**
 * A prefecture as one sample county per county-level division: 赣州市's 18. The counties of a run are generated
 * independently (one process each), so whatever must be unique across the prefecture is derived from the
 * county itself and never drawn from anything another county of the run also uses:
 *   - ID numbers: local people get the county's code, people who married in get one of the county's former
 *     codes (赣州地区's 3621xx before 1999, or a code given up when the county became a city or a district:
 *     IDs issued under them stay valid), extra residents (extra.ts) 3690xx with the county's last two digits,
 *     a code of no real county. No two counties share any of these.
 *   - 户号: the county code's last two digits in front instead of the single `0` of the default county.
 *   - township names: stems from the county's own share of the stem list, so that township + village name one
 *     place in the whole prefecture (notice boards carry no ID and are linked by place and head name; helper
 *     cadres are told apart by name and unit, `XX镇人民政府`).
 * 户编号 and 人编号 start with the county code already; helper IDs are allocated from the county's code.
 */
import { apportion } from './apportion.js';
import { PLACE_STEMS } from './names.js';
import { Rng } from './rng.js';

export interface CountySpec {
  /** Current 6-digit code, e.g. 360733. */
  code: string;
  name: string;
}

interface PrefectureCounty extends CountySpec {
  formerCodes: readonly string[];
}

export const PREFECTURE = { name: '赣州市', province: '江西省' } as const;

export const PREFECTURE_COUNTIES: readonly PrefectureCounty[] = [
  { code: '360702', name: '章贡区', formerCodes: ['362101'] },
  { code: '360703', name: '南康区', formerCodes: ['360782', '362122'] },
  { code: '360704', name: '赣县区', formerCodes: ['360721', '362121'] },
  { code: '360722', name: '信丰县', formerCodes: ['362123'] },
  { code: '360723', name: '大余县', formerCodes: ['362124'] },
  { code: '360724', name: '上犹县', formerCodes: ['362125'] },
  { code: '360725', name: '崇义县', formerCodes: ['362126'] },
  { code: '360726', name: '安远县', formerCodes: ['362127'] },
  { code: '360728', name: '定南县', formerCodes: ['362129'] },
  { code: '360729', name: '全南县', formerCodes: ['362130'] },
  { code: '360730', name: '宁都县', formerCodes: ['362131'] },
  { code: '360731', name: '于都县', formerCodes: ['362132'] },
  { code: '360732', name: '兴国县', formerCodes: ['362133'] },
  { code: '360733', name: '会昌县', formerCodes: ['362135'] },
  { code: '360734', name: '寻乌县', formerCodes: ['362136'] },
  { code: '360735', name: '石城县', formerCodes: ['362137'] },
  { code: '360781', name: '瑞金市', formerCodes: ['362102', '362134'] },
  { code: '360783', name: '龙南市', formerCodes: ['360727', '362128'] },
];

/** What a county of the prefecture draws from alone (see the top of this file). */
export interface CountyIdentity {
  code: string;
  name: string;
  /** Address codes of people who married in. */
  neighbourCodes: string[];
  /** Address code of the extra residents. */
  extraCode: string;
  /** Digits in front of township, village and sequence in the 户号. */
  householdPrefix: string;
  /**
   * Township name stems only this county uses, in a fixed order: 34 of them, enough for a county of 1.3 million
   * residents (one township per 40,000); a bigger county takes further townships from the common stems.
   */
  townshipStems: string[];
}

/** Every place stem in a fixed shuffled order, dealt out to the counties like cards: a mix of heads and tails each. */
const STEMS_DEALT: readonly string[] = new Rng('prefecture-stems').shuffle([...PLACE_STEMS]);

/** The county's identity, or null when the code and name are not one of the prefecture's counties. */
export function countyIdentity(spec: CountySpec): CountyIdentity | null {
  const index = PREFECTURE_COUNTIES.findIndex((c) => c.code === spec.code && c.name === spec.name);
  if (index < 0) return null;
  const c = PREFECTURE_COUNTIES[index];
  const last2 = c.code.slice(4);
  return {
    code: c.code,
    name: c.name,
    neighbourCodes: [...c.formerCodes],
    extraCode: `3690${last2}`,
    householdPrefix: last2,
    townshipStems: STEMS_DEALT.filter((_, i) => i % PREFECTURE_COUNTIES.length === index),
  };
}

export interface CountyShare extends CountySpec {
  /** Position in PREFECTURE_COUNTIES. */
  index: number;
  households: number;
  hukouPeople: number;
}

/**
 * Registered households and hukou residents of the prefecture split over its counties: each county's share
 * is a fixed weight between 0.9 and 1.1 (from its code), both totals split by the same weights and summing
 * exactly.
 */
export function splitPrefecture(households: number, hukouPeople: number): CountyShare[] {
  const weights = PREFECTURE_COUNTIES.map((c) => 0.9 + 0.2 * new Rng(`prefecture-share:${c.code}`).next());
  const h = apportion(households, weights);
  const p = apportion(hukouPeople, weights);
  return PREFECTURE_COUNTIES.map((c, index) => ({ code: c.code, name: c.name, index, households: h[index], hukouPeople: p[index] }));
}
