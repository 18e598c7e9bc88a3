import { describe, expect, it } from 'vitest';
import { national, hukou } from '../../../src/sources/index.js';
import { headCount } from '../../../src/rules/data-quality/head-count.js';
import { dataset, findingsOf, parsedRow, validIdFor } from './build.js';

const place = { township: '黄金镇', village: '黄金村' };
const A = validIdFor('19650101', '013');
const B = validIdFor('19670101', '024');

const member = (hh: string, name: string, idNumber: string, relation?: string) =>
  parsedRow(national, { ...place, householdNo: hh, name, idNumber, ...(relation ? { relation } : {}) });

describe('data-quality/head-count', () => {
  it('finds a household with no head, naming the hukou head', () => {
    const rows = [member('H1', '王大', A, '配偶'), member('H1', '李二', B, '之女')];
    const hk = parsedRow(hukou, { householdNo: '9', name: '王大', idNumber: A, relation: '户主' });
    const [f, ...rest] = findingsOf(headCount, dataset({ national: rows, hukou: [hk] }));
    expect(rest).toEqual([]);
    expect(f.householdId).toBe('H1');
    expect(f.field).toBe('head');
    expect(f.correct).toBe('national');
    expect(f.evidence['户籍中的户主']).toBe('王大');
    expect(f.locations).toHaveLength(2);
  });

  it('finds a household with two heads', () => {
    const [f, ...rest] = findingsOf(headCount, dataset({ national: [member('H1', '王大', A, '户主'), member('H1', '李二', B, '01')] }));
    expect(rest).toEqual([]);
    expect(f.values).toEqual({ national: ['王大', '李二'] });
    expect(f.message).toContain('2 人');
  });

  it('finds nothing with exactly one head', () => {
    expect(findingsOf(headCount, dataset({ national: [member('H1', '王大', A, '户主'), member('H1', '李二', B, '配偶')] }))).toEqual([]);
  });

  it('says nothing when the file has no relations at all, or a relation cell was unreadable', () => {
    expect(findingsOf(headCount, dataset({ national: [member('H1', '王大', A), member('H1', '李二', B)] }))).toEqual([]);
    const unreadable = [member('H1', '王大', A, '户主的人'), member('H1', '李二', B, '配偶')];
    expect(unreadable[0].problems.map((p) => p.field)).toEqual(['relation']);
    expect(findingsOf(headCount, dataset({ national: unreadable }))).toEqual([]);
  });
});
