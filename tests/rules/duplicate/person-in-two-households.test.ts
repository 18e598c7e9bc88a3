import { describe, expect, it } from 'vitest';
import { national, hukou } from '../../../src/sources/index.js';
import { personInTwoHouseholds } from '../../../src/rules/duplicate/person-in-two-households.js';
import { dataset, findingsOf, parsedRow, validIdFor } from '../data-quality/build.js';

const place = { township: '黄金镇', village: '黄金村' };
const MOTHER = validIdFor('19400101', '024');

function twoHouseholds() {
  return [
    parsedRow(national, { ...place, householdNo: 'H1', name: '王大', idNumber: validIdFor('19650101', '013'), relation: '户主' }, { file: '一月.xlsx' }),
    parsedRow(national, { ...place, householdNo: 'H1', name: '刘婆', idNumber: MOTHER, relation: '之母' }, { file: '一月.xlsx' }),
    parsedRow(national, { ...place, householdNo: 'H2', name: '刘婆', idNumber: MOTHER, relation: '户主' }, { file: '二月.xlsx' }),
  ];
}

describe('duplicate/person-in-two-households', () => {
  it('reports one person in two registered households once, across national files', () => {
    const [f, ...rest] = findingsOf(personInTwoHouseholds, dataset({ national: twoHouseholds() }));
    expect(rest).toEqual([]);
    expect(f.category).toBe('duplicate');
    expect(f.severity).toBe('high');
    expect(f.personId).toBe(MOTHER);
    expect(f.householdId).toBe('H1');
    expect(f.correct).toBe('national');
    expect(f.field).toBe('member');
    const shown = f.values.national as string[];
    expect(shown).toHaveLength(2);
    expect(shown[0]).toContain('户编号 H1');
    expect(shown[0]).toContain('之母');
    expect(shown[1]).toContain('户编号 H2');
    expect(f.locations.map((l) => l.file)).toEqual(['一月.xlsx', '二月.xlsx']);
    expect(f.suggestion).toContain('只保留在一户');
  });

  it('names the household whose hukou household holds the person', () => {
    const GRANDSON = validIdFor('20100101', '017');
    const rows = twoHouseholds();
    rows.push(parsedRow(national, { ...place, householdNo: 'H2', name: '刘小', idNumber: GRANDSON, relation: '之孙子' }, { file: '二月.xlsx' }));
    const hk = [
      parsedRow(hukou, { householdNo: 'K2', name: '刘婆', idNumber: MOTHER, relation: '户主' }),
      parsedRow(hukou, { householdNo: 'K2', name: '刘小', idNumber: GRANDSON, relation: '孙子' }),
    ];
    const [f] = findingsOf(personInTwoHouseholds, dataset({ national: rows, hukou: hk }));
    expect(f.values.hukou).toBe('户号 K2');
    expect(f.suggestion).toContain('户编号 H2');
  });

  it('finds nothing for distinct people or one person listed twice in one household', () => {
    const rows = twoHouseholds();
    rows[2] = parsedRow(national, { ...place, householdNo: 'H2', name: '刘婆', idNumber: validIdFor('19400101', '046'), relation: '户主' });
    expect(findingsOf(personInTwoHouseholds, dataset({ national: rows }))).toEqual([]);
    const twice = twoHouseholds().slice(0, 2);
    twice.push(parsedRow(national, { ...place, householdNo: 'H1', name: '刘婆', idNumber: MOTHER, relation: '之母' }));
    expect(findingsOf(personInTwoHouseholds, dataset({ national: twice }))).toEqual([]);
  });
});
