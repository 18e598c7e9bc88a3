/** 性别: 男/女, 男性/女性, M/F, 1/2 (GB/T 2261.1: 1 男 2 女; the national export that codes 女=1 男=2 flips). */
import type { GenderResult } from './types.js';
import { type CellInput, cellText, toHalfWidth } from './text.js';

export function parseGender(c: CellInput, opts: { femaleIsOne?: boolean } = {}): GenderResult {
  const raw = cellText(c);
  if (raw === '') return { gender: null, problem: null };
  const s = toHalfWidth(raw).replace(/\s+/g, '').toLowerCase();
  const [one, two] = opts.femaleIsOne ? (['F', 'M'] as const) : (['M', 'F'] as const);
  if (/^(男|男性|m|male|男的)$/.test(s) || /^\d?[-.、]?男性?$/.test(s)) return { gender: 'M', problem: null };
  if (/^(女|女性|f|female|女的)$/.test(s) || /^\d?[-.、]?女性?$/.test(s)) return { gender: 'F', problem: null };
  if (s === '1') return { gender: one, problem: null };
  if (s === '2') return { gender: two, problem: null };
  if (/^(0|9|未知|未说明|未知的性别|未说明的性别)$/.test(s)) return { gender: null, problem: `性别未填写清楚（${raw}）` };
  return { gender: null, problem: `无法识别的性别：${raw}` };
}
