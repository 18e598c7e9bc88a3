import { describe, expect, it } from 'vitest';
import { national, householdFile } from '../../../src/sources/index.js';
import { relationSex } from '../../../src/rules/data-quality/relation-sex.js';
import { dataset, findingsOf, parsedRow, validIdFor } from './build.js';

const place = { township: '黄金镇', village: '黄金村' };
const HH = '3607211002010012';
const HEAD = validIdFor('19650101', '013');
const GIRL = validIdFor('19950505', '024');
const BOY = validIdFor('19950505', '035');

const head = () => parsedRow(national, { ...place, householdNo: HH, name: '王大', idNumber: HEAD, relation: '户主' });

describe('data-quality/relation-sex', () => {
  it('finds 之子 held by a woman (sex from the ID)', () => {
    const child = parsedRow(national, { ...place, householdNo: HH, name: '王芳', idNumber: GIRL, relation: '之子' });
    const [f, ...rest] = findingsOf(relationSex, dataset({ national: [head(), child] }));
    expect(rest).toEqual([]);
    expect(f.field).toBe('relation');
    expect(f.correct).toBe('national');
    expect(f.personId).toBe(GIRL);
    expect(f.values).toEqual({ national: '之子（女）' });
    expect(f.message).toContain('按身份证号');
  });

  it('uses the sex column when there is no valid ID (之女 held by a man, 儿媳 too)', () => {
    const rows = [
      parsedRow(householdFile, { ...place, headName: '王大', name: '王二', relation: '之女', gender: '男' }),
      parsedRow(householdFile, { ...place, headName: '王大', name: '李三', relation: '之儿媳', gender: '男' }),
    ];
    const found = findingsOf(relationSex, dataset({ 'household-file': rows }));
    expect(found.map((f) => f.name).sort()).toEqual(['李三', '王二']);
    expect(found.every((f) => f.message.includes('按性别列'))).toBe(true);
  });

  it('trusts a valid ID over a wrong sex column (that contradiction is id-contradiction)', () => {
    const child = parsedRow(national, { ...place, householdNo: HH, name: '王强', idNumber: BOY, relation: '之子', gender: '女' });
    expect(findingsOf(relationSex, dataset({ national: [head(), child] }))).toEqual([]);
  });

  it('finds nothing for consistent relations or relations that imply no sex', () => {
    const rows = [
      head(),
      parsedRow(national, { ...place, householdNo: HH, name: '王芳', idNumber: GIRL, relation: '之女' }),
      parsedRow(national, { ...place, householdNo: HH, name: '王强', idNumber: BOY, relation: '配偶' }),
    ];
    expect(findingsOf(relationSex, dataset({ national: rows }))).toEqual([]);
  });
});
