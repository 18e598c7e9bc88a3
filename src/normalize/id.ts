/**
 * Resident ID numbers (公民身份号码, GB 11643-1999), DOMAIN §3.1.
 * ID numbers stay strings from end to end: digits are only ever read one character at a time.
 */
import type { Gender, IdResult, IdStatus } from './types.js';
import { type CellInput, cellNumber, cellText, expandExponent, isNumericCell, plainNumber, toHalfWidth } from './text.js';
import { isoDay, isRealDate, latestToday, parseIso } from './calendar.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH = '1900-01-01';

/** Check character for the first 17 digits of an 18-character ID. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`身份证号前17位应为17位数字：${first17}`);
  return checkChar(first17);
}

/** Check character of a string whose first 17 characters are known to be digits. */
function checkChar(digits: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (digits.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Upgrades a 15-digit ID to 18 characters: `19` before the 2-digit year, check character appended. */
export function upgrade15(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new Error(`15位身份证号应为15位数字：${id15}`);
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckChar(first17);
}

/** `YYYYMMDD` → `YYYY-MM-DD` when it is a real calendar date, else null. */
function birthFrom(yyyymmdd: string): string | null {
  return /^\d{8}$/.test(yyyymmdd) ? birthFromDigits(yyyymmdd) : null;
}

/** `birthFrom` for 8 characters known to be digits. */
function birthFromDigits(yyyymmdd: string): string | null {
  const y = twoDigits(yyyymmdd, 0) * 100 + twoDigits(yyyymmdd, 2);
  const m = twoDigits(yyyymmdd, 4);
  const d = twoDigits(yyyymmdd, 6);
  return isRealDate(y, m, d) ? isoDay(y, m, d) : null;
}

function twoDigits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);
}

function genderFrom(digit: string): Gender {
  return (digit.charCodeAt(0) - 48) % 2 === 1 ? 'M' : 'F';
}

/**
 * True for a well-formed 18-character ID: birth date real and in range, check character right (x = X). Asked of
 * every resident's ID (hukou-keys.ts), so it reads the characters once and makes no strings.
 */
export function isValidId(s: string, opts?: { today?: string }): boolean {
  if (s.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    sum += digit * WEIGHTS[i];
  }
  let last = s.charCodeAt(17);
  if (last === 0x78) last = 0x58; // x = X
  if ((last < 48 || last > 57) && last !== 0x58) return false;
  const y = twoDigits(s, 6) * 100 + twoDigits(s, 8);
  const m = twoDigits(s, 10);
  const d = twoDigits(s, 12);
  if (!isRealDate(y, m, d)) return false;
  const birth = y * 10_000 + m * 100 + d;
  if (birth < EARLIEST_BIRTH_NUMBER || birth > dayNumber(opts?.today ?? latestToday())) return false;
  return CHECK_CHARS.charCodeAt(sum % 11) === last;
}

/** EARLIEST_BIRTH as the number YYYYMMDD. */
const EARLIEST_BIRTH_NUMBER = Number(EARLIEST_BIRTH.replaceAll('-', ''));
const lastDay = { iso: '', number: 0 };

/** `YYYY-MM-DD` as the number YYYYMMDD, 0 when it is no date (remembered: asked with the same day for every ID). */
function dayNumber(iso: string): number {
  if (iso !== lastDay.iso) {
    const day = parseIso(iso);
    lastDay.iso = iso;
    lastDay.number = day ? day.y * 10_000 + day.m * 100 + day.d : 0;
  }
  return lastDay.number;
}

/**
 * How two 18-character strings differ when one is probably a typo of the other: in exactly one position
 * (`oneDigit`), or by one swap of two adjacent characters (`adjacentSwap`). Null otherwise or when equal.
 */
export function idTypo(a: string, b: string): 'oneDigit' | 'adjacentSwap' | null {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  if (x.length !== 18 || y.length !== 18 || x === y) return null;
  const diff: number[] = [];
  for (let i = 0; i < 18; i++) if (x[i] !== y[i]) diff.push(i);
  if (diff.length === 1) return 'oneDigit';
  if (diff.length === 2 && diff[1] === diff[0] + 1 && x[diff[0]] === y[diff[1]] && x[diff[1]] === y[diff[0]]) {
    return 'adjacentSwap';
  }
  return null;
}

/** Code of `a`: characters from here on may change when upper-cased (lower case, beyond ASCII). */
const CASED_FROM = 0x61;

/**
 * Whether `idTypo(a, b)` finds a typo, without building upper-cased copies when both are plain (digits, `X`):
 * for scanning many IDs against one.
 */
export function isIdTypo(a: string, b: string): boolean {
  if (a.length !== 18 || b.length !== 18) return idTypo(a, b) !== null;
  let first = -1;
  let second = -1;
  for (let i = 0; i < 18; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x >= CASED_FROM || y >= CASED_FROM) return idTypo(a, b) !== null;
    if (x === y) continue;
    if (first < 0) first = i;
    else if (second < 0) second = i;
    else return false;
  }
  if (first < 0) return false;
  if (second < 0) return true;
  return second === first + 1 && a[first] === b[second] && a[second] === b[first];
}

function result(raw: string, status: IdStatus, cleaned: string, rest: Partial<IdResult> = {}): IdResult {
  return {
    raw,
    status,
    id: rest.id ?? null,
    cleaned,
    prefix15: rest.prefix15 ?? null,
    birthDate: rest.birthDate ?? null,
    gender: rest.gender ?? null,
    problem: rest.problem ?? null,
  };
}

/**
 * The cell's text when it is typed text of exactly 17 digits and a digit, X or x: what most cells hold. Such text
 * needs no cleaning and, not being a number, cannot be damaged: `normalizeId` goes straight to `judge18`.
 */
function plainText18(c: CellInput): string | null {
  const v = typeof c === 'string' ? c : c !== null && c !== undefined && c.numeric !== true ? c.v : null;
  if (typeof v !== 'string' || v.length !== 18) return null;
  for (let i = 0; i < 17; i++) {
    const code = v.charCodeAt(i);
    if (code < 48 || code > 57) return null;
  }
  const last = v.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 0x58 || last === 0x78 ? v : null;
}

/** Removes what people and programs add around an ID: spaces, tabs, NBSP, zero-width chars, `'`; x → X. */
function cleanIdText(raw: string): string {
  let s = toHalfWidth(raw)
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/['‘’]/g, '');
  if (/^\d{17}[x×]$/.test(s)) s = `${s.slice(0, 17)}X`;
  return s;
}

/** Digits of a number that passed through a spreadsheet number (E-notation text or numeric cell). */
function numericDigits(c: CellInput, cleaned: string): string | null {
  const n = cellNumber(c);
  if (n !== null) return Number.isInteger(n) && n >= 0 ? plainNumber(n) : null;
  if (/^\d+(\.\d+)?E\+?\d+$/i.test(cleaned)) return expandExponent(cleaned);
  if (isNumericCell(c) && /^\d+$/.test(cleaned)) return cleaned;
  return null;
}

/**
 * Leading digits that really survive (at most 15, what a spreadsheet number keeps). E-notation text is either
 * a display that kept about 6 significant digits (`3.60426E+17`, Excel's General format: the rest is lost) or a
 * full-precision write with trailing zeros trimmed (`3.6042619910101E+017`, LibreOffice): a mantissa of 12 or
 * more digits is taken as the latter.
 */
function survivingDigits(c: CellInput, cleaned: string, digits: string): string {
  const m = /^(\d+)(?:\.(\d+))?E/i.exec(cleaned);
  if (cellNumber(c) === null && m) {
    const mantissa = (m[1] + (m[2] ?? '')).replace(/^0+/, '');
    if (mantissa.length < 12) return mantissa;
  }
  return digits.slice(0, 15);
}

function damaged(raw: string, c: CellInput, cleaned: string, digits: string): IdResult {
  const kept = survivingDigits(c, cleaned, digits);
  const birthDate = kept.length >= 14 ? birthFrom(kept.slice(6, 14)) : null;
  const lost = digits.length === 18 ? '后三位已丢失' : '末尾数字已丢失';
  return result(raw, 'damaged', digits.length > 0 && cellNumber(c) !== null ? digits : cleaned, {
    prefix15: kept.length >= 15 ? kept.slice(0, 15) : null,
    birthDate,
    problem: `身份证号以数字格式保存，${lost}（${raw}），须按原件重新录入`,
  });
}

function judge15(raw: string, cleaned: string, today: string): IdResult {
  const birthDate = birthFrom(`19${cleaned.slice(6, 12)}`);
  if (birthDate === null || birthDate > today) {
    return result(raw, 'badDate', cleaned, { problem: `身份证号中的出生日期无效（19${cleaned.slice(6, 12)}）` });
  }
  const id = upgrade15(cleaned);
  return result(raw, 'upgraded', cleaned, {
    id,
    birthDate,
    gender: genderFrom(cleaned[14]),
    problem: `身份证号为15位旧号码，应升级为18位（${id}）`,
  });
}

/** `cleaned`: 17 digits, then a digit or X. */
function judge18(raw: string, cleaned: string, today: string): IdResult {
  const datePart = cleaned.slice(6, 14);
  const birthDate = birthFromDigits(datePart);
  if (birthDate === null) return result(raw, 'badDate', cleaned, { problem: `身份证号中的出生日期无效（${datePart}）` });
  if (birthDate < EARLIEST_BIRTH) {
    return result(raw, 'badDate', cleaned, { problem: `身份证号中的出生日期早于1900年（${datePart}）` });
  }
  if (birthDate > today) return result(raw, 'badDate', cleaned, { problem: `身份证号中的出生日期晚于今天（${datePart}）` });
  const gender = genderFrom(cleaned[16]);
  const expected = checkChar(cleaned);
  if (expected !== cleaned[17]) {
    // Ending in 000 and failing the check: a number Excel kept to 15 digits, saved as text since (DOMAIN §3.1).
    if (cleaned.endsWith('000')) {
      return result(raw, 'damaged', cleaned, {
        prefix15: cleaned.slice(0, 15),
        birthDate,
        problem: `身份证号末三位为000且校验位不符，应是曾以数字格式保存、后三位已丢失（${raw}），须按原件重新录入`,
      });
    }
    return result(raw, 'badCheck', cleaned, { birthDate, gender, problem: `身份证号校验位错误（应为${expected}）` });
  }
  return result(raw, 'valid', cleaned, { id: cleaned, birthDate, gender });
}

/**
 * Normalises a resident ID number cell. An 18-digit number that went through a spreadsheet number is
 * 'damaged' even when its check character happens to validate: only `prefix15` is kept, never an ID.
 * `today` (YYYY-MM-DD) bounds birth dates; by default the current date.
 */
export function normalizeId(c: CellInput, opts: { today?: string } = {}): IdResult {
  const plain = plainText18(c);
  if (plain !== null) return judge18(plain, plain.charCodeAt(17) === 0x78 ? `${plain.slice(0, 17)}X` : plain, opts.today ?? latestToday());
  const raw = cellText(c);
  if (raw === '') return result('', 'empty', '');
  const today = opts.today ?? latestToday();
  const cleaned = cleanIdText(raw);
  const digits = numericDigits(c, cleaned);
  if (digits !== null) {
    if (digits.length > 15) return damaged(raw, c, cleaned, digits);
    const exact = survivingDigits(c, cleaned, digits).length >= digits.length;
    if (digits.length === 15 && exact) return judge15(raw, digits, today);
    if (digits.length === 15) return damaged(raw, c, cleaned, digits);
    return result(raw, 'badLength', digits, { problem: `身份证号位数错误（${digits.length}位，应为18位）` });
  }
  if (!/^[\dX]+$/.test(cleaned) || /X./.test(cleaned)) {
    return result(raw, 'badChars', cleaned, { problem: `身份证号含有非法字符（${raw}）` });
  }
  if (cleaned.length === 15 && /^\d{15}$/.test(cleaned)) return judge15(raw, cleaned, today);
  if (cleaned.length === 18) return judge18(raw, cleaned, today);
  return result(raw, 'badLength', cleaned, { problem: `身份证号位数错误（${cleaned.length}位，应为18位）` });
}

/** Whether a value (a record's field) is an IdResult. */
export function isIdResult(v: object): v is IdResult {
  return 'cleaned' in v && 'status' in v && 'prefix15' in v;
}

/**
 * One IdResult per ID written as text, while a run reads its files: a person's ID is in several sources and in
 * relatives' hukou rows, and records share the one result (results are never changed after parsing). Number
 * cells are judged each time (their text depends on the cell). Let go once the files are read.
 */
export class IdPool {
  private readonly byText = new Map<string, IdResult>();

  /**
   * `limit`: texts pooled at most; past it (far beyond a prefecture's IDs) results are judged alone again. A V8
   * Map holds at most 2^24 entries.
   */
  constructor(private readonly limit = 1 << 23) {}

  /** `normalizeId(c)`, shared with earlier cells of the same text. */
  normalize(c: CellInput): IdResult {
    const v = typeof c === 'string' ? c : c !== null && c !== undefined && c.numeric !== true ? c.v : null;
    if (typeof v !== 'string') return normalizeId(c);
    let r = this.byText.get(v);
    if (r === undefined) {
      r = normalizeId(c);
      if (this.byText.size < this.limit) this.byText.set(v, r);
    }
    return r;
  }

  /**
   * The pool's result equal to `r` (judged elsewhere, e.g. by a worker thread), else `r`; `r` joins the pool
   * where it is what its text, read as text, gives (a number cell's result stays its own).
   */
  share(r: IdResult): IdResult {
    const own = this.byText.get(r.raw);
    if (own !== undefined) return sameId(own, r) ? own : r;
    if (this.byText.size < this.limit && sameId(normalizeId(r.raw), r)) this.byText.set(r.raw, r);
    return r;
  }
}

function sameId(a: IdResult, b: IdResult): boolean {
  return (
    a.raw === b.raw &&
    a.status === b.status &&
    a.id === b.id &&
    a.cleaned === b.cleaned &&
    a.prefix15 === b.prefix15 &&
    a.birthDate === b.birthDate &&
    a.gender === b.gender &&
    a.problem === b.problem
  );
}
