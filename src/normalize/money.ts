/**
 * Amounts of money (元) and small counts (household sizes). Money may be a JS number; ID numbers never are.
 */
import type { MoneyResult, ValueResult } from './types.js';
import { type CellInput, cellNumber, cellText, digitsToInt, toHalfWidth } from './text.js';

const UNIT_FACTORS: Record<string, number> = { '': 1, 百: 100, 千: 1000, 万: 10000, 亿: 100000000 };

/** Rounds to the cent, so that `1.2万` is 12000 and not 12000.000000000002. */
function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Unit stated in a unit row or a header: `单位：元` → 1, `单位：万元` → 10000, `单位:千元` → 1000,
 * `人均纯收入（元）` → 1, `金额(万元)` → 10000. Null when the text states no money unit.
 */
export function unitMultiplier(text: string): number | null {
  const s = toHalfWidth(text).replace(/\s+/g, '');
  const m =
    /单位[:：]?(?:人民币)?([百千万亿]?)元/.exec(s) ??
    /\((?:人民币)?([百千万亿]?)元(?:\/[人户年]|\/人·年|\/人\.年)?\)/.exec(s) ??
    /^(?:人民币)?([百千万亿]?)元$/.exec(s);
  return m ? UNIT_FACTORS[m[1]] : null;
}

/**
 * Parses an amount: `1,234.50`, `¥1234`, `￥1234`, `1234元`, `1.2万`, `1.2万元`, full-width digits, negatives
 * (`-5`, `(5)`). A unit written in the cell wins; otherwise `multiplier` (from the sheet's unit row) applies.
 */
export function parseMoney(c: CellInput, opts: { multiplier?: number } = {}): MoneyResult {
  const multiplier = opts.multiplier ?? 1;
  const n = cellNumber(c);
  if (n !== null) return Number.isFinite(n) ? { value: cents(n * multiplier), problem: null } : bad(cellText(c));
  const raw = cellText(c);
  if (raw === '') return { value: null, problem: null };
  let s = toHalfWidth(raw).replace(/\s+/g, '').replace(/[¥￥]|RMB|CNY|人民币/gi, '').replace(/[−–—]/g, '-');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) [negative, s] = [true, paren[1]];
  if (s.startsWith('-')) [negative, s] = [!negative, s.slice(1)];
  const unit = /([百千万亿]?)元?$/.exec(s);
  const factor = unit && unit[0] !== '' ? UNIT_FACTORS[unit[1]] : multiplier;
  if (unit) s = s.slice(0, s.length - unit[0].length);
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(s)) return bad(raw);
  const value = Number(s.replace(/,/g, '')) * factor;
  return { value: cents(negative ? -value : value), problem: null };
}

function bad(raw: string): MoneyResult {
  return { value: null, problem: `无法识别的金额：${raw}` };
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Chinese numerals up to 99: 五, 十, 十二, 二十, 二十三. Null when not one. */
export function chineseNumber(s: string): number | null {
  if (s.length === 1 && s in CHINESE_DIGITS) return CHINESE_DIGITS[s];
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return null;
  return (m[1] ? CHINESE_DIGITS[m[1]] : 1) * 10 + (m[2] ? CHINESE_DIGITS[m[2]] : 0);
}

/** A count of people: `5`, `5人`, `5口`, `五`, `五人`, a numeric 5. Must be a whole number ≥ 0. */
export function parseCount(c: CellInput): ValueResult<number> {
  const raw = cellText(c);
  if (raw === '') return { value: null, problem: null };
  const n = cellNumber(c);
  if (n !== null) {
    return Number.isInteger(n) && n >= 0 ? { value: n, problem: null } : { value: null, problem: `人数应为整数：${raw}` };
  }
  const s = toHalfWidth(raw).replace(/\s+/g, '').replace(/(人|口|口人|个)$/, '');
  if (/^\d+$/.test(s)) return { value: digitsToInt(s), problem: null };
  if (/^\d+\.0+$/.test(s)) return { value: digitsToInt(s.slice(0, s.indexOf('.'))), problem: null };
  const chinese = chineseNumber(s);
  if (chinese !== null) return { value: chinese, problem: null };
  return { value: null, problem: `无法识别的人数：${raw}` };
}
