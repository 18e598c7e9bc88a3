import type { Cell } from '../io/types.js';

/** Input accepted by every normaliser: a reader cell, its text, or nothing. */
export type CellInput = Cell | string | null | undefined;

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const NBSP = /[\u00A0\u202F\u2007]/g;

const isFullWidth = (code: number) => (code >= 0xff01 && code <= 0xff5e) || code === 0x3000;

/** Full-width ASCII (U+FF01..U+FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  let i = 0;
  while (i < s.length && !isFullWidth(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/**
 * Writes a number in plain decimal notation: no exponent, no grouping. Integers are written exactly as
 * JavaScript's shortest round-trip form gives their digits (what a spreadsheet shows); fractions are
 * rounded to 15 significant digits like a spreadsheet does.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return expandExponent(String(n));
  const text = expandExponent(n.toPrecision(15));
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** `3.60426E+17` → `360426000000000000`, `1.5e-7` → `0.00000015`; other text is returned unchanged. */
export function expandExponent(text: string): string {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, intPart, fracPart = '', expText] = m;
  const digits = intPart + fracPart;
  const exp = digitsToInt(expText.replace(/^[+-]/, '')) * (expText.startsWith('-') ? -1 : 1);
  const point = intPart.length + exp;
  let body: string;
  if (point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length);
  else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  body = body.replace(/^0+(?=\d)/, '');
  if (body.includes('.')) body = body.replace(/\.?0+$/, '');
  return sign === '-' ? `-${body}` : body;
}

/** Value of a string of ASCII digits (used for date parts and small counts, never for ID numbers). */
export function digitsToInt(digits: string): number {
  let n = 0;
  for (const ch of digits) {
    const d = ch.charCodeAt(0) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return digits.length === 0 ? Number.NaN : n;
}

/**
 * Characters `cleanText` may remove or change: controls and spaces, no-break and zero-width ones (U+2000–U+2060
 * holds them all), the byte-order mark, apostrophes.
 */
function mayClean(code: number): boolean {
  return (
    code <= 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0x27 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x2060) ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0xff07
  );
}

/** True when `cleanText` leaves `s` as it is: nothing to trim or remove at the ends, no zero-width or no-break character inside. */
function isClean(s: string): boolean {
  const last = s.length - 1;
  if (last < 0 || mayClean(s.charCodeAt(0)) || mayClean(s.charCodeAt(last))) return false;
  for (let i = 1; i < last; i++) {
    const code = s.charCodeAt(i);
    if (code !== 0x20 && code !== 0x27 && mayClean(code)) return false;
  }
  return true;
}

/** Removes zero-width characters, turns no-break spaces into spaces, trims, drops a leading `'`. */
export function cleanText(s: string): string {
  if (isClean(s)) return s;
  let t = s.replace(ZERO_WIDTH, '').replace(NBSP, ' ').trim();
  if (t.startsWith("'") || t.startsWith('＇')) t = t.slice(1).trim();
  return t;
}

/** The cell's text for display and parsing: trimmed, numbers in plain notation, booleans as TRUE/FALSE. */
export function cellText(c: CellInput): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return cleanText(c);
  const v = c.v;
  if (v === null) return '';
  if (typeof v === 'number') return plainNumber(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return cleanText(v);
}

/** True when the cell holds nothing but spaces, zero-width characters or a lone `'`. */
export function isBlank(c: CellInput): boolean {
  return cellText(c) === '';
}

/** True when the value came from a numeric spreadsheet cell (not typed text). */
export function isNumericCell(c: CellInput): c is Cell {
  return typeof c === 'object' && c !== null && (typeof c.v === 'number' || c.numeric === true);
}

/** The number held by a numeric cell, or null. */
export function cellNumber(c: CellInput): number | null {
  return typeof c === 'object' && c !== null && typeof c.v === 'number' ? c.v : null;
}

/** Text with every kind of space removed, half-width, for matching coded values (`已 脱 贫` → `已脱贫`). */
export function compactText(c: CellInput): string {
  return toHalfWidth(cellText(c)).replace(/\s+/g, '');
}
