import { describe, expect, it } from 'vitest';
import { national, hukou } from '../../../src/sources/index.js';
import { headSpouseSex } from '../../../src/rules/data-quality/head-spouse-sex.js';
import { dataset, findingsOf, parsedRow, validIdFor } from './build.js';

const place = { township: '黄金镇', village: '黄金村' };
const HH = '3607211002010012';
const MAN = validIdFor('19650101', '013');
const MAN2 = validIdFor('19670101', '015');
const WOMAN = validIdFor('19670101', '024');

describe('data-quality/head-spouse-sex', () => {
  it('finds a head and spouse of the same sex, in each source that has them', () => {
    const nat = [
      parsedRow(national, { ...place, householdNo: HH, name: '王大', idNumber: MAN, relation: '户主' }),
      parsedRow(national, { ...place, householdNo: HH, name: '李二', idNumber: MAN2, relation: '配偶' }),
    ];
    const hk = [
      parsedRow(hukou, { householdNo: 'K1', name: '王大', idNumber: MAN, relation: '户主' }),
      parsedRow(hukou, { householdNo: 'K1', name: '李二', idNumber: MAN2, relation: '配偶' }),
    ];
    const found = findingsOf(headSpouseSex, dataset({ national: nat, hukou: hk }));
    expect(found.map((f) => f.correct).sort()).toEqual(['hukou', 'national']);
    const f = found.find((x) => x.correct === 'national')!;
    expect(f.name).toBe('李二');
    expect(f.field).toBe('gender');
    expect(f.householdId).toBe(HH);
    expect(f.message).toContain('性别相同');
    expect(f.locations).toHaveLength(2);
  });

  it('uses the sex column where there is no valid ID', () => {
    const nat = [
      parsedRow(national, { ...place, householdNo: HH, name: '王大', relation: '户主', gender: '女' }),
      parsedRow(national, { ...place, householdNo: HH, name: '李二', relation: '配偶', gender: '女' }),
    ];
    expect(findingsOf(headSpouseSex, dataset({ national: nat }))).toHaveLength(1);
  });

  it('finds nothing for a man and a woman, or when a sex is unknown', () => {
    const nat = [
      parsedRow(national, { ...place, householdNo: HH, name: '王大', idNumber: MAN, relation: '户主' }),
      parsedRow(national, { ...place, householdNo: HH, name: '李二', idNumber: WOMAN, relation: '配偶' }),
      parsedRow(national, { ...place, householdNo: 'H2', name: '张三', idNumber: MAN2, relation: '户主' }),
      parsedRow(national, { ...place, householdNo: 'H2', name: '赵四', relation: '配偶' }),
    ];
    expect(findingsOf(headSpouseSex, dataset({ national: nat }))).toEqual([]);
  });
});
