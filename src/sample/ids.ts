/**
 * Resident ID numbers for the sample county (GB 11643-1999): address code, birth date, sequence whose last
 * digit is odd for men, check character. Kept here on purpose (not imported from src/normalize) so that the
 * generator checks the normaliser instead of sharing its mistakes.
 */
import { compactDate, type Day } from './dates.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`样例生成内部错误：身份证号前17位应为数字：${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** The 15-digit form issued before 1999 (two-digit year, no check character). */
export function toOldId(id: string): string {
  return id.slice(0, 6) + id.slice(8, 17);
}

/** Days from 1900-01-01 to 2099-12-31: the range of birth dates the allocator accepts. */
const FIRST_DAY = -25567; // 1900-01-01
const DAY_SPAN = 73049;
const PER_SEX = 500;

/**
 * Hands out unique ID numbers. Counters are kept per address code as one small typed array over all
 * birth days, so a county of a million people costs a few hundred kilobytes, not a set of strings.
 */
export class IdAllocator {
  private readonly counters = new Map<string, Uint16Array>();

  allocate(addressCode: string, birth: Day, male: boolean): string {
    const offset = birth - FIRST_DAY;
    if (offset < 0 || offset >= DAY_SPAN) throw new Error('样例生成内部错误：出生日期超出1900—2099年');
    let table = this.counters.get(addressCode);
    if (!table) {
      table = new Uint16Array(DAY_SPAN * 2);
      this.counters.set(addressCode, table);
    }
    const slot = offset * 2 + (male ? 1 : 0);
    const k = table[slot];
    if (k >= PER_SEX) throw new Error(`样例生成内部错误：${addressCode} 同日出生人数超过顺序码容量`);
    table[slot] = k + 1;
    // Scatter the sequence numbers (37 is prime to 500) so that they do not all start at 000/001.
    const s = 2 * ((k * 37 + offset * 13) % PER_SEX) + (male ? 1 : 0);
    const first17 = `${addressCode}${compactDate(birth)}${String(s).padStart(3, '0')}`;
    return first17 + idCheckChar(first17);
  }
}
