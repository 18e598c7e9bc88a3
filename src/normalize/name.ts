/**
 * Person names (DOMAIN §3.2): normalisation, surname, pinyin, fuzzy pinyin, and a comparison that weights
 * the surname so that 张伟/张玮 (homophone) scores high and 张伟/李伟 stays below any linking threshold.
 */
import levenshtein from 'fast-levenshtein';
import { pinyin } from 'pinyin-pro';
import type { NameComparison } from './types.js';
import { type CellInput, cellText, toHalfWidth } from './text.js';
import { COMPOUND_SURNAMES, looksAlike } from './name-data.js';

const DOTS = /[·•.‧∙⋅･・\u0387]+/g;
const HAN = /\p{Script=Han}/u;

/** Trim, remove inner spaces (ASCII, ideographic, NBSP), one middle dot `·`, full-width letters → half-width. */
export function normalizeName(s: CellInput): string {
  const text = cellText(s);
  if (isPlainHan(text)) return text;
  return toHalfWidth(text)
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(DOTS, '·');
}

/** Only characters of the CJK Unified Ideographs blocks (U+3400–U+9FFF): nothing for `normalizeName` to change. */
export function isPlainHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x3400 || code > 0x9fff) return false;
  }
  return true;
}

/** Two-character surname when the name starts with a known one and is longer than it, else the first character. */
function surnameOfNormalised(chars: string[]): string {
  if (chars.length > 2 && COMPOUND_SURNAMES.has(chars[0] + chars[1])) return chars[0] + chars[1];
  return chars[0] ?? '';
}

const charCache = new Map<string, string>();
const surnameCache = new Map<string, string[]>();
const fuzzyCache = new Map<string, string>();

function charPinyin(ch: string): string {
  let p = charCache.get(ch);
  if (p === undefined) {
    p = HAN.test(ch) ? pinyin(ch, { toneType: 'none', type: 'array', v: true })[0] ?? ch : ch.toLowerCase();
    charCache.set(ch, p);
  }
  return p;
}

function surnamePinyin(surname: string): string[] {
  let p = surnameCache.get(surname);
  if (p === undefined) {
    const chars = [...surname];
    p = chars.every((ch) => HAN.test(ch))
      ? pinyin(surname, { toneType: 'none', type: 'array', v: true, surname: 'head' })
      : chars.map(charPinyin);
    if (p.length !== chars.length) p = chars.map(charPinyin);
    surnameCache.set(surname, p);
  }
  return p;
}

/** What comparisons need of one name, computed once. */
interface NameInfo {
  norm: string;
  chars: string[];
  surname: string;
  /** One entry per character (the middle dot stays `·`). */
  syllables: string[];
  /** Toneless pinyin without the dot. */
  pinyin: string[];
  /** Blocking keys, computed on first use. */
  keys?: string[];
}

const infoCache = new Map<string, NameInfo>();
/** Bound on the cache of analysed names (a county's names fit; beyond that it starts over). */
const INFO_CACHE_LIMIT = 200_000;

/**
 * The analysis of a name, cached (keyed by the text as given and by its normalised form: most names arrive
 * already clean). With `keep` false a name not yet cached is analysed without being stored: for scanning every
 * resident of a hukou file, where caching each name would make memory follow residents.
 */
function analyse(name: CellInput, keep = true): NameInfo {
  const given = typeof name === 'string' ? infoCache.get(name) : undefined;
  if (given !== undefined) return given;
  const norm = normalizeName(name);
  let info = infoCache.get(norm);
  if (info === undefined) {
    const chars = [...norm];
    const surname = surnameOfNormalised(chars);
    const head = surname === '·' ? [] : surnamePinyin(surname);
    const syllables = [...head, ...chars.slice(head.length).map((ch) => (ch === '·' ? '·' : charPinyin(ch)))];
    info = { norm, chars, surname, syllables, pinyin: syllables.filter((x) => x !== '·') };
    if (!keep) return info;
    if (infoCache.size >= INFO_CACHE_LIMIT) infoCache.clear();
    infoCache.set(norm, info);
  }
  if (keep && typeof name === 'string') infoCache.set(name, info);
  return info;
}

/** Surname: the first character, or the first two for a known two-character surname (欧阳, 司马 …). */
export function surnameOf(name: string): string {
  return analyse(name).surname;
}

/** Toneless pinyin, one syllable per character (ü as v), surname read as a surname (单 shan, 曾 zeng, 区 ou). */
export function pinyinOf(name: string): string[] {
  return [...analyse(name).pinyin];
}

/**
 * Folds a syllable so that regional confusions compare equal: zh/z, ch/c, sh/s, n/l, r/l, f/h, an/ang,
 * en/eng, in/ing, and huang/wang (Gannan Hakka).
 */
export function fuzzyPinyin(syllable: string): string {
  const cached = fuzzyCache.get(syllable);
  if (cached !== undefined) return cached;
  let s = syllable.toLowerCase().replace(/ü/g, 'v');
  if (s === 'huang') s = 'wang';
  s = s.replace(/^([zcs])h/, '$1');
  s = s.replace(/^n(?=[aeiouv])/, 'l').replace(/^r/, 'l').replace(/^h/, 'f');
  s = s.replace(/ang$/, 'an').replace(/eng$/, 'en').replace(/ing$/, 'in');
  fuzzyCache.set(syllable, s);
  return s;
}

/** Blocking keys for linking without comparing all pairs: the normalised name and its fuzzy-pinyin string. */
export function nameKeys(name: string): string[] {
  return [...sharedNameKeys(name)];
}

/**
 * The keys of `nameKeys`, not copied: for hot loops that only read them. `keep: false` does not cache a name
 * seen for the first time (see `analyse`).
 */
export function sharedNameKeys(name: string, keep = true): readonly string[] {
  if (!keep && !infoCache.has(name) && isPlainHan(name)) return plainHanKeys(name);
  const info = analyse(name, keep);
  if (info.keys === undefined) {
    const fuzzy = info.pinyin.map(fuzzyPinyin).join(' ');
    info.keys = info.norm === '' ? [] : fuzzy === info.norm || fuzzy === '' ? [info.norm] : [info.norm, fuzzy];
  }
  return info.keys;
}

/**
 * `sharedNameKeys` of a name of Han characters only (the usual resident of a hukou file), worked out without
 * the analysis that is cached for registered people: the same keys, a fraction of the work.
 */
function plainHanKeys(name: string): readonly string[] {
  if (name === '') return [];
  const surname = name.length > 2 && COMPOUND_SURNAMES.has(name.slice(0, 2)) ? name.slice(0, 2) : name[0];
  const head = surnamePinyin(surname);
  let fuzzy = '';
  for (let i = 0; i < name.length; i++) {
    const syllable = fuzzyPinyin(i < head.length ? head[i] : charPinyin(name[i]));
    fuzzy = i === 0 ? syllable : `${fuzzy} ${syllable}`;
  }
  return fuzzy === name || fuzzy === '' ? [name] : [name, fuzzy];
}

type Match = 'same' | 'homophone' | 'fuzzy' | 'lookalike' | 'none';
/** Score of one given-name character by how it matches. */
const GIVEN_SCORE: Record<Match, number> = { same: 1, homophone: 0.9, fuzzy: 0.75, lookalike: 0.6, none: 0 };
/** The surname weighs more: a surname that only sounds alike is a bigger step than a given name that does. */
const SURNAME_SCORE: Record<Match, number> = { same: 1, homophone: 0.8, fuzzy: 0.6, lookalike: 0.5, none: 0 };
const SURNAME_WEIGHT = 0.35;
/** A surname that matches in no way (not even by sound) caps the score below 0.4. */
const SURNAME_MISMATCH_FACTOR = 0.6;

function matchChar(ca: string, cb: string, pa: string, pb: string): Match {
  if (ca === cb) return 'same';
  if (pa === pb && ca !== '·' && cb !== '·') return 'homophone';
  if (fuzzyPinyin(pa) === fuzzyPinyin(pb) && HAN.test(ca) && HAN.test(cb)) return 'fuzzy';
  return looksAlike(ca, cb) ? 'lookalike' : 'none';
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Pinyin-aware edit similarity of two syllable lists: each distinct fuzzy syllable becomes one character. */
function syllableSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const codes = new Map<string, string>();
  const encode = (xs: string[]) =>
    xs
      .map((x) => {
        const key = fuzzyPinyin(x);
        if (!codes.has(key)) codes.set(key, String.fromCharCode(0xe000 + codes.size));
        return codes.get(key) as string;
      })
      .join('');
  return 1 - levenshtein.get(encode(a), encode(b)) / Math.max(a.length, b.length);
}

function combine(surnameScore: number, givenScore: number): number {
  const score = SURNAME_WEIGHT * surnameScore + (1 - SURNAME_WEIGHT) * givenScore;
  return Math.round((surnameScore === 0 ? score * SURNAME_MISMATCH_FACTOR : score) * 1000) / 1000;
}

function similarOrDifferent(score: number, a: string, b: string, surnameScore: number, lookalikes: string[]): NameComparison {
  if (score < 0.5) {
    return { score, kind: 'different', explanation: `${surnameScore === 0 ? '姓氏不同' : '姓名不同'}（${a} / ${b}）` };
  }
  const extra = lookalikes.length > 0 ? `，形近字 ${lookalikes.join('、')}` : '';
  return { score, kind: 'similar', explanation: `姓名相近（${a} / ${b}，相差${levenshtein.get(a, b)}个字${extra}）` };
}

/** Same number of characters: position by position, surname positions scored apart. */
function compareAligned(a: NameInfo, b: NameInfo): NameComparison {
  const surnameLength = Math.max([...a.surname].length, [...b.surname].length);
  const matches = a.chars.map((ch, i) => matchChar(ch, b.chars[i], a.syllables[i], b.syllables[i]));
  const surnameScore = mean(matches.slice(0, surnameLength).map((m) => SURNAME_SCORE[m]));
  const given = matches.slice(surnameLength).map((m) => GIVEN_SCORE[m]);
  const score = combine(surnameScore, given.length > 0 ? mean(given) : surnameScore);
  if (matches.every((m) => m === 'same' || m === 'homophone')) {
    return { score, kind: 'homophone', explanation: `同音（${a.pinyin.join(' ')}）` };
  }
  if (matches.every((m) => m !== 'lookalike' && m !== 'none')) {
    return { score, kind: 'fuzzyPinyin', explanation: `近音（${a.pinyin.join(' ')} / ${b.pinyin.join(' ')}）` };
  }
  const lookalikes = matches.flatMap((m, i) => (m === 'lookalike' ? [`${a.chars[i]}/${b.chars[i]}`] : []));
  return similarOrDifferent(score, a.norm, b.norm, surnameScore, lookalikes);
}

/** Different lengths (a character dropped or added): surname as far as both agree, then pinyin edit distance. */
function compareUnaligned(a: NameInfo, b: NameInfo): NameComparison {
  // Surnames of different lengths (欧阳 / 欧): compare their first characters only.
  const cut = a.surname === b.surname ? [...a.surname].length : 1;
  const surnameScore = mean(
    a.chars.slice(0, cut).map((ch, i) => SURNAME_SCORE[matchChar(ch, b.chars[i], a.syllables[i], b.syllables[i])]),
  );
  const rest = (p: string[]) => p.slice(cut).filter((x) => x !== '·');
  const score = combine(surnameScore, syllableSimilarity(rest(a.syllables), rest(b.syllables)));
  return similarOrDifferent(score, a.norm, b.norm, surnameScore, []);
}

/**
 * Compares two names. Kinds: exact; homophone (same pinyin, 王小明/王晓明); fuzzyPinyin (same after regional
 * folding, 黄小明/王小明); similar (score ≥ 0.5); different. The surname weighs more than any one given-name
 * character, and a surname that differs in every way keeps the score below 0.5.
 */
export function compareNames(a: string, b: string): NameComparison {
  const ia = analyse(a);
  const ib = analyse(b);
  if (ia.norm === '' || ib.norm === '') return { score: 0, kind: 'different', explanation: '姓名为空，无法比较' };
  if (ia.norm === ib.norm) return { score: 1, kind: 'exact', explanation: '姓名相同' };
  if (ia.norm.replace(/·/g, '') === ib.norm.replace(/·/g, '')) {
    return { score: 1, kind: 'exact', explanation: '姓名相同（间隔号不同）' };
  }
  return ia.chars.length === ib.chars.length ? compareAligned(ia, ib) : compareUnaligned(ia, ib);
}
