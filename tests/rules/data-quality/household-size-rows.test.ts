import { describe, expect, it } from 'vitest';
import { national } from '../../../src/sources/index.js';
import { householdSizeRows } from '../../../src/rules/data-quality/household-size-rows.js';
import { dataset, findingsOf, parsedRow, validIdFor } from './build.js';

const place = { township: '黄金镇', village: '黄金村' };
const ids = ['011', '022', '033'].map((seq) => validIdFor('19700101', seq));

function household(sizes: (string | undefined)[]) {
  return sizes.map((size, i) =>
    parsedRow(national, { ...place, householdNo: 'H1', name: `成员${i}`, idNumber: ids[i], relation: i === 0 ? '户主' : '之子', ...(size ? { householdSize: size } : {}) }),
  );
}

describe('data-quality/household-size-rows', () => {
  it('finds a size field that differs from the member rows, once per household', () => {
    const [f, ...rest] = findingsOf(householdSizeRows, dataset({ national: household(['4', '4', '4']) }));
    expect(rest).toEqual([]);
    expect(f.householdId).toBe('H1');
    expect(f.field).toBe('householdSize');
    expect(f.correct).toBe('national');
    expect(f.values).toEqual({ national: 4 });
    expect(f.evidence['成员行数']).toBe(3);
    expect(f.locations).toHaveLength(3);
  });

  it('finds rows that disagree among themselves even when one of them is right', () => {
    const [f] = findingsOf(householdSizeRows, dataset({ national: household(['3', '3', '2']) }));
    expect(f.values).toEqual({ national: [2, 3] });
    expect(f.message).toContain('不一致');
  });

  it('finds nothing when the size equals the rows, or no size is given', () => {
    expect(findingsOf(householdSizeRows, dataset({ national: household(['3', '3', '3']) }))).toEqual([]);
    expect(findingsOf(householdSizeRows, dataset({ national: household([undefined, undefined, undefined]) }))).toEqual([]);
  });
});
