/**
 * Dates: Excel serial numbers (1900 system with its 1900-02-29 bug, and 1904) when the cell is numeric,
 * and the text forms seen in real files. Pure arithmetic only, so the time zone never changes a result.
 */
import type { DateResult, ValueResult } from './types.js';
import { type CellInput, cellNumber, cellText, digitsToInt, isNumericCell, toHalfWidth } from './text.js';
import { civilFromDays, daysFromCivil, formatIso, isoDay, isRealDate, parseIso } from './calendar.js';

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Serial of 9999-12-31 in the 1900 system, the largest Excel accepts. */
const MAX_SERIAL = 2958465;

const EPOCH_1900 = daysFromCivil({ y: 1899, m: 12, d: 30 });
const EPOCH_1904 = daysFromCivil({ y: 1904, m: 1, d: 1 });

const none = (): DateResult => ({ date: null, precision: null, problem: null });
const fail = (problem: string): DateResult => ({ date: null, precision: null, problem });

/** True for a number format that shows a date (`yyyy-mm-dd`, `m/d/yy`, `yyyy"年"m"月"d"日"`, …). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  // Years or days make it a date; months alone too, unless hours or seconds say the m is minutes.
  return /[yd]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

/** Calendar date of an Excel serial number (the fraction, a time of day, is dropped). */
export function excelSerialToDate(serial: number, date1904 = false): DateResult {
  const whole = Math.floor(serial);
  if (!Number.isFinite(serial) || whole < (date1904 ? 0 : 1) || whole > MAX_SERIAL) {
    return fail(`日期无效（Excel日期序号${serial}超出范围）`);
  }
  if (date1904) return day(civilFromDays(EPOCH_1904 + whole));
  if (whole === 60) return fail('日期无效（Excel日期序号60对应不存在的1900-02-29）');
  // Excel counts a 1900-02-29 that never was: serials before it are one day later than plain counting.
  return day(civilFromDays(EPOCH_1900 + whole + (whole < 60 ? 1 : 0)));
}

function day(d: { y: number; m: number; d: number }): DateResult {
  return { date: formatIso(d), precision: 'day', problem: null };
}

function make(y: number, m: number, d: number, precision: 'day' | 'month' | 'year', shown: string): DateResult {
  if (!isRealDate(y, m, d)) return fail(`日期无效（${shown}）`);
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`日期超出合理范围（${shown}）`);
  return { date: isoDay(y, m, d), precision, problem: null };
}

/** Digit patterns a number or text may hold: yyyymmdd, yyyymm, yyyy. Null when none fits. */
function fromDigits(s: string): DateResult | null {
  const n = (a: number, b: number) => digitsToInt(s.slice(a, b));
  if (/^(19|20|21)\d{6}$/.test(s) && isRealDate(n(0, 4), n(4, 6), n(6, 8))) return make(n(0, 4), n(4, 6), n(6, 8), 'day', s);
  if (/^(19|20|21)\d{2}(0[1-9]|1[0-2])$/.test(s)) return make(n(0, 4), n(4, 6), 1, 'month', s);
  if (/^\d{4}$/.test(s) && n(0, 4) >= MIN_YEAR && n(0, 4) <= MAX_YEAR) return make(n(0, 4), 1, 1, 'year', s);
  return null;
}

const TEXT_PATTERNS: [RegExp, 'day' | 'month' | 'year'][] = [
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, 'day'],
  [/^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/, 'day'],
  [/^(\d{4})(\d{2})(\d{2})$/, 'day'],
  [/^(\d{4})[-/.](\d{1,2})$/, 'month'],
  [/^(\d{4})年(\d{1,2})月?$/, 'month'],
  [/^(\d{4})(\d{2})$/, 'month'],
  [/^(\d{4})年?度?$/, 'year'],
];

/** Time of day after a date (`T08:00:00`, ` 8:00`, `Z`, `+08:00`): dropped, the written date is kept. */
const TIME_SUFFIX = /(?:[T\s]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)$/;

/** `YYYY-MM-DD` or `YYYYMMDD` written with ASCII digits, the common forms: read without the patterns below. */
function plainDay(text: string): DateResult | null {
  const dashed = text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45;
  if (!dashed && text.length !== 8) return null;
  const at = dashed ? [0, 1, 2, 3, 5, 6, 8, 9] : [0, 1, 2, 3, 4, 5, 6, 7];
  const n: number[] = [];
  for (const i of at) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n.push(d);
  }
  const y = n[0] * 1000 + n[1] * 100 + n[2] * 10 + n[3];
  return make(y, n[4] * 10 + n[5], n[6] * 10 + n[7], 'day', text);
}

function parseText(text: string): DateResult {
  const fast = plainDay(text);
  if (fast) return fast;
  const s = toHalfWidth(text).trim().replace(TIME_SUFFIX, '').replace(/\s+/g, '');
  for (const [re, precision] of TEXT_PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const y = digitsToInt(m[1]);
    const mo = m[2] === undefined ? 1 : digitsToInt(m[2]);
    const d = m[3] === undefined ? 1 : digitsToInt(m[3]);
    return make(y, mo, d, precision, text);
  }
  return fail(`无法识别的日期：${text}`);
}

/**
 * Parses a date cell. Numbers are Excel serial numbers when the cell is numeric — except integers that
 * read as yyyymmdd, yyyymm or yyyy in a cell without a date format (`20160503` typed as a number).
 */
export function parseDate(c: CellInput, opts: { date1904?: boolean } = {}): DateResult {
  const text = cellText(c);
  if (text === '') return none();
  const n = cellNumber(c);
  if (n !== null) {
    const fmt = typeof c === 'object' && c !== null ? c.fmt : undefined;
    if (!isDateFormat(fmt) && Number.isInteger(n)) {
      const r = fromDigits(text);
      if (r) return r;
    }
    return excelSerialToDate(n, opts.date1904 ?? false);
  }
  if (isNumericCell(c) && /^\d+(\.\d+)?$/.test(text)) {
    const r = fromDigits(text);
    if (r) return r;
  }
  return parseText(text);
}

/** Whole years from `birth` to `asOf` (both YYYY-MM-DD); the birthday counts on the day itself. */
export function ageAt(birth: string, asOf: string): number {
  const b = parseIso(birth);
  const a = parseIso(asOf);
  if (!b || !a) throw new Error(`日期格式应为YYYY-MM-DD：${b ? asOf : birth}`);
  const before = a.m < b.m || (a.m === b.m && a.d < b.d);
  return a.y - b.y - (before ? 1 : 0);
}

/** A year cell: `2017`, `2017年`, `2017年度`, a numeric 2017, or a date (its year). */
export function parseYear(c: CellInput): ValueResult<number> {
  const text = cellText(c);
  if (text === '') return { value: null, problem: null };
  const s = toHalfWidth(text).replace(/\s+/g, '');
  const m = /^(\d{4})(?:年度?)?$/.exec(s);
  if (m) {
    const y = digitsToInt(m[1]);
    if (y >= MIN_YEAR && y <= MAX_YEAR) return { value: y, problem: null };
    return { value: null, problem: `年度超出合理范围（${text}）` };
  }
  const numericSerial = cellNumber(c) !== null && isDateFormat(typeof c === 'object' && c !== null ? c.fmt : undefined);
  if (numericSerial || (cellNumber(c) === null && /[-/.年]/.test(s))) {
    const d = parseDate(c);
    if (d.date) return { value: digitsToInt(d.date.slice(0, 4)), problem: null };
  }
  return { value: null, problem: `无法识别的年度：${text}` };
}
