import { describe, expect, it } from 'vitest';
import { national, householdFile, hukou } from '../../../src/sources/index.js';
import { idContradiction, birthAgrees } from '../../../src/rules/data-quality/id-contradiction.js';
import { dataset, findingsOf, parsedRow, validIdFor } from './build.js';

const place = { township: '黄金镇', village: '黄金村' };
const HH = '3607211002010012';
const MAN = validIdFor('19910315', '011');

function withArchive(cells: { birthDate?: string; gender?: string; idNumber?: string }) {
  const nat = parsedRow(national, { ...place, householdNo: HH, name: '王小明', idNumber: MAN, relation: '户主', gender: '男' });
  const arch = parsedRow(householdFile, { ...place, headName: '王小明', name: '王小明', idNumber: MAN, relation: '户主', ...cells });
  return dataset({ national: [nat], 'household-file': [arch] });
}

describe('data-quality/id-contradiction', () => {
  it('finds a birth date column that contradicts the ID, with the hukou value beside it', () => {
    const nat = parsedRow(national, { ...place, householdNo: HH, name: '王小明', idNumber: MAN, relation: '户主' });
    const arch = parsedRow(householdFile, { ...place, headName: '王小明', name: '王小明', idNumber: MAN, birthDate: '1991-04-15' });
    const hk = parsedRow(hukou, { householdNo: 'H1', name: '王小明', idNumber: MAN, birthDate: '1991-03-15', relation: '02' });
    const [f, ...rest] = findingsOf(idContradiction, dataset({ national: [nat], 'household-file': [arch], hukou: [hk] }));
    expect(rest).toEqual([]);
    expect(f.field).toBe('birthDate');
    expect(f.correct).toBe('household-file');
    expect(f.values).toEqual({ 'household-file': '1991-04-15', hukou: '1991-03-15' });
    expect(f.message).toContain('1991-03-15');
    expect(f.personId).toBe(MAN);
    expect(f.locations.map((l) => l.column)).toEqual(['出生日期', '身份证号']);
  });

  it('reads a year-only or month-only birth date as agreeing with any day of it', () => {
    expect(findingsOf(idContradiction, withArchive({ birthDate: '1991' }))).toEqual([]);
    expect(findingsOf(idContradiction, withArchive({ birthDate: '199103' }))).toEqual([]);
    expect(findingsOf(idContradiction, withArchive({ birthDate: '1991-03-15' }))).toEqual([]);
    expect(findingsOf(idContradiction, withArchive({ birthDate: '1991-04' }))).toHaveLength(1);
    expect(findingsOf(idContradiction, withArchive({ birthDate: '1990' }))).toHaveLength(1);
    expect(birthAgrees('1991-03-02', '1991-03-15')).toBe(false);
  });

  it('finds a sex column that contradicts the ID', () => {
    const [f, ...rest] = findingsOf(idContradiction, withArchive({ gender: '女' }));
    expect(rest).toEqual([]);
    expect(f.field).toBe('gender');
    expect(f.values).toEqual({ 'household-file': '女' });
    expect(f.evidence['身份证号表示的性别']).toBe('男');
  });

  it('uses the surviving birth date of an Excel-damaged ID but not a number with a bad check character', () => {
    const damaged = withArchive({ idNumber: '3.60721199103150E+17', birthDate: '1991-05-01' });
    expect(findingsOf(idContradiction, damaged).map((f) => f.field)).toEqual(['birthDate']);
    const badCheck = MAN.slice(0, 17) + (MAN[17] === '0' ? '1' : '0');
    expect(findingsOf(idContradiction, withArchive({ idNumber: badCheck, birthDate: '1980-01-02', gender: '女' }))).toEqual([]);
  });

  it('finds nothing when columns agree with the ID', () => {
    expect(findingsOf(idContradiction, withArchive({ birthDate: '1991-03-15', gender: '男' }))).toEqual([]);
  });
});
