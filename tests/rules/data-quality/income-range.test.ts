import { describe, expect, it } from 'vitest';
import { national, householdFile } from '../../../src/sources/index.js';
import { incomeRange } from '../../../src/rules/data-quality/income-range.js';
import { dataset, findingsOf, parsedRow, validIdFor } from './build.js';

const place = { township: '黄金镇', village: '黄金村' };
const HEAD = validIdFor('19700101', '011');
const SON = validIdFor('20000101', '031');

function household(income: string) {
  return [
    parsedRow(national, { ...place, householdNo: 'H1', name: '王大', idNumber: HEAD, relation: '户主', income }),
    parsedRow(national, { ...place, householdNo: 'H1', name: '王二', idNumber: SON, relation: '之子', income }),
  ];
}
const count = (income: string) => findingsOf(incomeRange, dataset({ national: household(income) })).length;

describe('data-quality/income-range', () => {
  it('flags income at or below the minimum and above the maximum (policy: 0 < x ≤ 100000)', () => {
    expect(count('0')).toBe(1);
    expect(count('-5')).toBe(1);
    expect(count('100000.01')).toBe(1);
    expect(count('0.01')).toBe(0);
    expect(count('100000')).toBe(0);
    expect(count('5200')).toBe(0);
  });

  it('reports a household once per source, with every row', () => {
    const archive = [parsedRow(householdFile, { ...place, headName: '王大', name: '王大', idNumber: HEAD, income: '250000' })];
    const found = findingsOf(incomeRange, dataset({ national: household('0'), 'household-file': archive }));
    expect(found.map((f) => f.correct).sort()).toEqual(['household-file', 'national']);
    const nat = found.find((f) => f.correct === 'national')!;
    expect(nat.householdId).toBe('H1');
    expect(nat.values).toEqual({ national: 0 });
    expect(nat.locations).toHaveLength(2);
    expect(nat.message).toContain('不大于0元');
    const arch = found.find((f) => f.correct === 'household-file')!;
    expect(arch.message).toContain('超过100000元');
    expect(arch.householdId).toBe('H1');
  });
});
