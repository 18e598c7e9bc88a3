/**
 * The truth of the sample county: people, hukou households, registered poor households, helpers.
 * Sources are renderings of this model; nothing here knows about file layouts.
 */
import type { Day } from './dates.js';

export interface County {
  code: string;
  name: string;
  prefecture: string;
  province: string;
  /**
   * Address codes of people who married in: the neighbouring counties' codes, or in a prefecture run the
   * county's own former codes, which no other county of the run allocates from (prefecture.ts).
   */
  neighbourCodes: string[];
  /** Address code of the extra residents (extra.ts): no person of the county, nor of another county, has it. */
  extraCode: string;
  /** Digits in front of township, village and sequence in the 户号: `0` for the default county. */
  householdPrefix: string;
  townships: Township[];
}

export interface Township {
  /** Three digits: 100–199 镇, 200–399 乡 (DOMAIN §3.3). */
  code: string;
  name: string;
  index: number;
  villages: Village[];
}

export interface Village {
  /** Three digits, 200–399 (村委会). */
  code: string;
  name: string;
  index: number;
  township: Township;
  hamlets: string[];
  /** Relative population of the village. */
  weight: number;
}

/** Relation to the hukou head; rendered per source into GB/T 4761 codes or the national list. */
export type Relation =
  | 'head'
  | 'wife'
  | 'husband'
  | 'son'
  | 'daughter'
  | 'daughterInLaw'
  | 'sonInLaw'
  | 'grandson'
  | 'granddaughter'
  | 'father'
  | 'mother';

export type PersonStatus = 'normal' | 'dead' | 'movedOut';

export interface Person {
  /** Truth ID: 18 characters, valid. */
  id: string;
  name: string;
  male: boolean;
  birth: Day;
  ethnicity: string;
  relation: Relation;
  /** 1-based rank among the head's sons or daughters (长子 = 1); 0 when not a child; -1 for an only child. */
  childRank: number;
  status: PersonStatus;
  /** Day of death or of moving out. */
  statusDate: Day | null;
  /** Day the person moved in from another county (married in). */
  movedIn: Day | null;
  /** Related IDs as the hukou export has them; '' where unknown. */
  fatherId: string;
  motherId: string;
  spouseId: string;
}

export interface HukouHousehold {
  /** 户号: a digit string with a leading zero, never a number. */
  no: string;
  village: Village;
  hamlet: string;
  houseNumber: number;
  created: Day;
  /** Set when the household was created by 分户 from another one. */
  split: { from: string; date: Day } | null;
  members: Person[];
}

export interface Helper {
  name: string;
  id: string;
  phone: string;
  unit: string;
  birth: Day;
  male: boolean;
}

export interface RegisteredMember {
  person: Person;
  /** Relation to the registered household's head (may differ from the hukou one for partial households). */
  relation: Relation;
  education: string;
  schooling: string;
  health: string;
  labour: string;
  work: string;
  workMonths: number;
  seriousIllnessInsurance: boolean;
  medicalInsurance: boolean;
}

export interface LedgerLine {
  year: number;
  category: string;
  item: string;
  /** Amount in fen (1/100 元). */
  cents: number;
  date: Day;
}

export type PovertyBase = '一般' | '低保' | '特困供养';

export interface RegisteredHousehold {
  /** 户编号: 16 digits, a string. */
  code: string;
  village: Village;
  hamlet: string;
  hukou: HukouHousehold;
  head: Person;
  members: RegisteredMember[];
  base: PovertyBase;
  exited: boolean;
  /** 贫困户属性, e.g. 一般脱贫户. */
  attribute: string;
  /** 脱贫属性, e.g. 已脱贫(享受政策). */
  status: string;
  exitYear: number | null;
  firstIdentified: Day;
  cause: string;
  /** 人均纯收入 in fen, for the ledger year. */
  incomeCents: number;
  housing: '安全' | 'C级危房' | 'D级危房';
  waterSafe: boolean;
  phone: string;
  helper: Helper;
  measures: string;
  board: { state: '完好' | '破损' | '未悬挂'; location: '门口' | '村委会' };
  ledger: LedgerLine[];
  /** How the household sits in hukou: the whole hukou household, part of it, or a household split off long ago. */
  shape: 'whole' | 'partial' | 'split';
}
