/**
 * Result types of the normalisers. Every normaliser is pure, takes a raw cell (or its text) and returns
 * the meaning plus, where the input is not clean, a Chinese `problem` text for the data-quality report.
 */

/** Status of a resident ID number after normalisation (DOMAIN §3.1). */
export type IdStatus =
  | 'valid' // 18 characters, date and check character right
  | 'upgraded' // 15-digit number, upgraded to 18 (valid)
  | 'badCheck' // 18 characters, date plausible, check character wrong (probably a typo)
  | 'badDate' // birth date part is not a real date
  | 'badLength' // not 15 or 18 characters after cleaning
  | 'badChars' // characters other than digits and a final X
  | 'damaged' // came through a JS/Excel number (numeric cell or E-notation): last digits lost
  | 'empty';

export interface IdResult {
  /** Cell text as received (trimmed), for display. */
  raw: string;
  status: IdStatus;
  /** Normalised 18-character ID (upper-case X): set only for 'valid' and 'upgraded'. */
  id: string | null;
  /** Cleaned characters (full-width → half-width, spaces/`'`/zero-width removed, x → X), whatever the status. */
  cleaned: string;
  /**
   * For 'damaged': the surviving first 15 digits (address code + birth date + first sequence digit);
   * never an ID. Null when fewer survive (E-notation text such as `3.60426E+17` keeps only 6).
   * For 'badCheck': null (use `cleaned` to compare with a same-named person's valid ID).
   */
  prefix15: string | null;
  /** Birth date encoded in the number (YYYY-MM-DD) where the date part is real; also for 'damaged' and 'badCheck'. */
  birthDate: string | null;
  /** Sex encoded in the number (odd 17th digit = male) where it survives. */
  gender: Gender | null;
  /** Chinese explanation when status is not 'valid' and not 'empty'. */
  problem: string | null;
}

export type Gender = 'M' | 'F';

export interface DateResult {
  /** YYYY-MM-DD; month-only inputs (`201605`) give the first day and precision 'month'. */
  date: string | null;
  precision: 'day' | 'month' | 'year' | null;
  problem: string | null;
}

export interface MoneyResult {
  /** Amount in 元 (yuan). Money may be a JS number; IDs never are. */
  value: number | null;
  problem: string | null;
}

export interface PhoneResult {
  raw: string;
  /** Digits only, landlines as `0797-1234567` (area code, dash, number); mobiles 11 digits. */
  phone: string | null;
  type: 'mobile' | 'landline' | null;
  problem: string | null;
  /** Further valid numbers when the cell holds several (`138…/0797-…`); the first one is `phone`. */
  others?: string[];
}

/**
 * Canonical relation to the household head, one vocabulary for both code lists (national list of DOMAIN §2.1
 * and GB/T 4761-2008 of §2.4): sources map their codes per list before anything compares them.
 */
export type Relation =
  | 'head'
  | 'spouse'
  | 'son'
  | 'daughter'
  | 'daughterInLaw'
  | 'sonInLaw'
  | 'grandson'
  | 'granddaughter'
  | 'grandchild'
  | 'father'
  | 'mother'
  | 'parent' // GB/T 4761 code 50 父母: father or mother, not said which
  | 'parentInLaw'
  | 'grandparent'
  | 'sibling'
  | 'otherRelative'
  | 'nonRelative'
  | 'other';

export type RelationCodeList = 'national' | 'gbt4761';

export interface RelationResult {
  relation: Relation | null;
  /** Sex implied by the relation (之子 → M, 之女 → F, 儿媳 → F …) where it is implied. */
  impliedGender: Gender | null;
  problem: string | null;
}

/** 贫困户属性 split into base and stage (DOMAIN §2.1). */
export type PovertyBase = 'general' | 'lowIncome' | 'extremePoor' | 'lowIncomeExtreme';
export type PovertyStage = 'poor' | 'exited' | 'monitored' | 'ordinary';

export interface PovertyAttributeResult {
  base: PovertyBase | null;
  stage: PovertyStage | null;
  problem: string | null;
}

/** 脱贫属性 / 脱贫状态 / 风险 status. */
export type PovertyStatus =
  | 'notExited'
  | 'exitedWithPolicy' // 已脱贫(享受政策)
  | 'exitedNoPolicy' // 已脱贫(不再享受政策)
  | 'exited' // 已脱贫, no detail
  | 'returned' // 返贫
  | 'riskEliminated'
  | 'riskNotEliminated';

export interface StatusResult {
  status: PovertyStatus | null;
  problem: string | null;
}

/** A parsed scalar (yes/no, year, count, housing …) with its problem text. */
export interface ValueResult<T> {
  value: T | null;
  problem: string | null;
}

/** 主要致贫原因, canonical value = the Chinese short label of DOMAIN §2.1. */
export type PovertyCause =
  | '因病'
  | '因残'
  | '因学'
  | '因灾'
  | '缺土地'
  | '缺水'
  | '缺技术'
  | '缺劳力'
  | '缺资金'
  | '交通条件落后'
  | '自身发展动力不足'
  | '因婚'
  | '其他';

export interface CauseResult {
  cause: PovertyCause | null;
  problem: string | null;
}

/** 住房情况 / 危房等级: safe, C- or D-grade dangerous, or dangerous without a grade. */
export type Housing = 'safe' | 'C' | 'D' | 'dangerous';

/** 健康状况, possibly combined (`长期慢性病,残疾`). `healthy` only when no illness or disability is named. */
export interface HealthResult {
  healthy: boolean;
  chronic: boolean;
  seriousIllness: boolean;
  disabled: boolean;
}

/**
 * 在校生状况. `level` is the stage: 学前教育 小学 初中 高中 中职 高职 大专及以上 (null when not in school or unknown).
 * `problem` is set when the text is not recognised (then `inSchool` is null).
 */
export interface SchoolingResult {
  inSchool: boolean | null;
  level: string | null;
  problem: string | null;
}

export interface GenderResult {
  gender: Gender | null;
  problem: string | null;
}

export type NameMatchKind = 'exact' | 'homophone' | 'fuzzyPinyin' | 'similar' | 'different';

export interface NameComparison {
  /** 0..1; a different surname with different pinyin stays below 0.5. */
  score: number;
  kind: NameMatchKind;
  /** Chinese, e.g. `同音（wang xiao ming）`. */
  explanation: string;
}
