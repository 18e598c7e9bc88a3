/** Yes/no cells (是否…): blank is unknown (null), never "no". */
import type { ValueResult } from './types.js';
import { type CellInput, cellText, toHalfWidth } from './text.js';

const YES = new Set(['是', '有', '1', 'y', 'yes', 'true', '√', '✓', '✔', '☑', '对', '是的', '已', '参加', '已参加', '参保', '已参保']);
const NO = new Set(['否', '无', '0', 'n', 'no', 'false', '×', '✗', '✘', 'x', '☒', '不是', '没有', '未', '不', '未参加', '未参保', '非']);

/** Said to be unknown: the same as blank. */
const UNKNOWN = new Set(['不详', '不清楚', '不知道', '未知', '待核实', '待定']);

/**
 * 是/否, 有/无, 1/0, Y/N, yes/no, √/×, ✓/✗, TRUE/FALSE, and 已…/未… (已解决 / 未解决, 已签字 / 未签字).
 * Blank gives null with no problem; anything else unrecognised gives a problem.
 */
export function parseYesNo(c: CellInput): ValueResult<boolean> {
  if (typeof c === 'object' && c !== null && typeof c.v === 'boolean') return { value: c.v, problem: null };
  const raw = cellText(c);
  if (raw === '') return { value: null, problem: null };
  const s = toHalfWidth(raw).replace(/\s+/g, '').toLowerCase();
  if (UNKNOWN.has(s)) return { value: null, problem: null };
  if (YES.has(s)) return { value: true, problem: null };
  if (NO.has(s)) return { value: false, problem: null };
  if (/^已[\u4e00-\u9fff]{1,4}$/.test(s)) return { value: true, problem: null };
  if (/^(未|没|没有|不)[\u4e00-\u9fff]{1,4}$/.test(s)) return { value: false, problem: null };
  return { value: null, problem: `无法识别的是否值：${raw}（应为“是”或“否”）` };
}
