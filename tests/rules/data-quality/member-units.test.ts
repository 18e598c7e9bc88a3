/**
 * Member records grouped by source and household (as the source holds it): the same groups, in the same order,
 * as grouping every member record by source and unit.
 */
import { describe, expect, it } from 'vitest';
import { national, householdFile, hukou } from '../../../src/sources/index.js';
import { everyRecord, memberUnits, type RecordRef } from '../../../src/rules/data-quality/records.js';
import { dataset, parsedRow, validIdFor } from './build.js';

const PLACE = { township: '黄金镇', village: '黄金村' };
const A = validIdFor('19600101', '011');
const B = validIdFor('19650202', '022');
const C = validIdFor('19700101', '051');
const D = validIdFor('19900303', '031');

function grouped(refs: readonly RecordRef[]): RecordRef[][] {
  const groups = new Map<string, RecordRef[]>();
  for (const ref of refs) {
    if (!ref.member || ref.unit === null) continue;
    const key = `${ref.kind}\u0001${ref.unit}`;
    const g = groups.get(key);
    if (g) g.push(ref);
    else groups.set(key, [ref]);
  }
  return [...groups.values()];
}

describe('memberUnits', () => {
  it('groups member records by source and unit, in the order of their first record', () => {
    const ds = dataset({
      national: [
        parsedRow(national, { ...PLACE, householdNo: 'H1', name: '刘福', idNumber: A, relation: '户主' }),
        parsedRow(national, { ...PLACE, householdNo: 'H1', name: '王秀英', idNumber: B, relation: '配偶' }),
        parsedRow(national, { ...PLACE, householdNo: 'H2', name: '陈二', idNumber: C, relation: '户主' }),
      ],
      'household-file': [
        parsedRow(householdFile, { ...PLACE, headName: '刘福', headId: A, name: '刘福', idNumber: A }),
        parsedRow(householdFile, { ...PLACE, headName: '刘福', headId: A, name: '刘明', idNumber: D }),
        parsedRow(householdFile, { ...PLACE, headName: '张三', name: '张三' }),
      ],
      hukou: [
        parsedRow(hukou, { householdNo: '220001', name: '刘福', idNumber: A, relation: '02' }),
        parsedRow(hukou, { householdNo: '220001', name: '刘明', idNumber: D, relation: '20' }),
        parsedRow(hukou, { householdNo: '220002', name: '陈二', idNumber: C, relation: '02' }),
      ],
    });
    const units = memberUnits(ds);
    expect(units.map((u) => u.refs)).toEqual(grouped(everyRecord(ds)));
    expect(units.map((u) => `${u.kind}:${u.unit}`)).toContain('household-file:H1');
    expect(units.find((u) => u.kind === 'hukou' && u.unit === '220001')?.refs.map((r) => r.name)).toEqual(['刘福', '刘明']);
    for (const u of units) for (const r of u.refs) expect([r.kind, r.unit]).toEqual([u.kind, u.unit]);
  });
});
