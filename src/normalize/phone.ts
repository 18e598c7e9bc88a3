/**
 * Phone numbers: mobiles (1[3-9] + 9 digits, optional +86/86 prefix) and landlines (area code 0 + 2–3 digits,
 * local number of 7–8 digits not starting with 0). Phone numbers stay strings, never a JS number.
 */
import type { PhoneResult } from './types.js';
import { type CellInput, cellText, isNumericCell, toHalfWidth } from './text.js';

const INVALID = '电话号码无效';

/** Splits a cell that holds several numbers (`138…/0797-…`, `138…，139…`). */
const SEPARATORS = /[,，;；/、|]+|\s{2,}|\s+(?=\+?\d{11,})/;

function parseOne(text: string): { phone: string; type: 'mobile' | 'landline' } | null {
  let s = text
    .replace(/[\u200B-\u200D\u2060\uFEFF']/g, '')
    .trim()
    .replace(/\s*([()-])\s*/g, '$1')
    .replace(/(?<=\d)[\s.]+(?=\d)/g, '-');
  s = s.replace(/^(?:\+86|\(\+86\)|0086|86(?=-?1[3-9]\d))-?/, '');
  const bare = s.replace(/[-()]/g, '');
  if (/^1[3-9]\d{9}$/.test(bare)) return { phone: bare, type: 'mobile' };
  // Area code set apart by the writer: (0797)1234567, 0797-1234567, 0797 1234567.
  const parts = /^(?:\((0\d{2,3})\)-?|(0\d{2,3})-)(\d{7,8})$/.exec(s);
  if (parts) {
    const local = parts[3];
    return /^[1-9]/.test(local) ? { phone: `${parts[1] ?? parts[2]}-${local}`, type: 'landline' } : null;
  }
  // Run of digits: 3-digit area codes are 010 and 020–029, all others have 4 digits.
  if (/^0\d{9,11}$/.test(bare)) {
    const areaLength = /^0[12]/.test(bare) ? 3 : 4;
    const local = bare.slice(areaLength);
    if (/^[1-9]\d{6,7}$/.test(local)) return { phone: `${bare.slice(0, areaLength)}-${local}`, type: 'landline' };
  }
  return null;
}

/** Normalises a phone cell; a cell with several numbers gives the first as `phone`, the rest in `others`. */
export function normalizePhone(c: CellInput): PhoneResult {
  const raw = cellText(c);
  if (raw === '') return { raw, phone: null, type: null, problem: null };
  // A country code set apart by a space is not a second number.
  const text = toHalfWidth(raw).replace(/^(?:\+86|0086|\(\+86\)|86)\s+(?=1[3-9])/, '+86');
  const pieces = text.split(SEPARATORS).filter((p) => p.trim() !== '');
  const found = pieces.map(parseOne);
  const first = found.find((f) => f !== null);
  if (!first) {
    const lostZero = isNumericCell(c) && /^[1-9]\d{8,10}$/.test(raw) && !/^1[3-9]/.test(raw);
    const hint = lostZero ? '（以数字格式保存，区号前的0可能已丢失）' : `（${raw}）`;
    return { raw, phone: null, type: null, problem: INVALID + hint };
  }
  const bad = pieces.filter((_, i) => found[i] === null);
  const others = found.filter((f): f is NonNullable<typeof f> => f !== null && f !== first).map((f) => f.phone);
  const result: PhoneResult = {
    raw,
    phone: first.phone,
    type: first.type,
    problem: bad.length > 0 ? `${INVALID}（${bad.map((b) => b.trim()).join('、')}）` : null,
  };
  if (others.length > 0) result.others = others;
  return result;
}

/** True when two phone cells share a valid number (any of the numbers each cell holds). */
export function samePhone(a: CellInput, b: CellInput): boolean {
  const pa = normalizePhone(a);
  const pb = normalizePhone(b);
  if (pa.phone === null || pb.phone === null) return false;
  const setB = new Set([pb.phone, ...(pb.others ?? [])]);
  return [pa.phone, ...(pa.others ?? [])].some((p) => setB.has(p));
}
