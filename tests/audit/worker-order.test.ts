/** The order the worker thread tries the inputs in (side-reader.ts): the large ones first, then from the end back. */
import { describe, expect, it } from 'vitest';
import { workerOrder } from '../../src/audit/side-reader.js';

describe('workerOrder', () => {
  it('takes the files of at least a quarter of the largest size first, largest first, then the rest from the last back', () => {
    // A county folder in name order: archive, handbook, property, board, national, business, payouts, hukou, deaths.
    const sizes = [12_900, 23_900, 1_000, 4_700, 21_300, 3_300, 4_300, 174_000, 300];
    expect(workerOrder(sizes)).toEqual([7, 8, 6, 5, 4, 3, 2, 1, 0]);
  });

  it('takes several large files (a prefecture: one hukou file per county) largest first, equal sizes in list order', () => {
    expect(workerOrder([5, 100, 30, 100, 80, 10, 25])).toEqual([1, 3, 4, 2, 6, 5, 0]);
  });

  it('keeps every input once, also for empty or unreadable files (size 0) and an empty list', () => {
    expect(workerOrder([0, 0, 0])).toEqual([0, 1, 2]);
    expect(workerOrder([])).toEqual([]);
    const sizes = [3, 0, 9, 1, 40, 2, 17];
    expect([...workerOrder(sizes)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
