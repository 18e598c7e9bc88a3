import { describe, expect, it } from 'vitest';
import { national, householdFile } from '../../../src/sources/index.js';
import { ambiguousLink } from '../../../src/rules/data-quality/ambiguous-link.js';
import { dataset, findingsOf, parsedRow, validIdFor } from './build.js';

const place = { township: '黄金镇', village: '黄金村' };
const FANG1 = validIdFor('19900505', '024');
const FANG2 = validIdFor('19900505', '046');

const households = () => [
  parsedRow(national, { ...place, householdNo: 'H1', name: '王大', idNumber: validIdFor('19650101', '013'), relation: '户主' }),
  parsedRow(national, { ...place, householdNo: 'H1', name: '王芳', idNumber: FANG1, relation: '之女' }),
  parsedRow(national, { ...place, householdNo: 'H2', name: '张三', idNumber: validIdFor('19660101', '015'), relation: '户主' }),
  parsedRow(national, { ...place, householdNo: 'H2', name: '王芳', idNumber: FANG2, relation: '配偶' }),
];

describe('data-quality/ambiguous-link', () => {
  it('reports a record that could join two households, with the candidates', () => {
    const arch = parsedRow(householdFile, { ...place, headName: '李四', name: '王芳', birthDate: '1990-05-05' });
    const ds = dataset({ national: households(), 'household-file': [arch] });
    expect(ds.ambiguous).toHaveLength(1);
    const [f, ...rest] = findingsOf(ambiguousLink, ds);
    expect(rest).toEqual([]);
    expect(f.severity).toBe('medium');
    expect(f.householdId).toBeNull();
    expect(f.correct).toBeNull();
    expect(f.name).toBe('王芳');
    expect(f.values).toEqual({ national: ['H1', 'H2'] });
    expect(f.evidence['候选户编号']).toBe('H1、H2');
    expect(f.evidence['候选户主']).toBe('王大、张三');
    expect(f.locations[0]).toEqual({ kind: 'household-file', file: arch.loc.file, sheet: 'Sheet1', row: arch.loc.row, column: null });
    expect(f.locations).toHaveLength(3);
  });

  it('leaves an ID repeated in the national data to the duplicate rules', () => {
    const rows = households();
    rows.push(parsedRow(national, { ...place, householdNo: 'H2', name: '王芳', idNumber: FANG1, relation: '之女' }));
    const arch = parsedRow(householdFile, { ...place, headName: '李四', name: '王芳', idNumber: FANG1 });
    const ds = dataset({ national: rows, 'household-file': [arch] });
    expect(ds.ambiguous.length).toBeGreaterThan(0);
    expect(findingsOf(ambiguousLink, ds)).toEqual([]);
  });

  it('finds nothing when every record links one way', () => {
    const arch = parsedRow(householdFile, { ...place, headName: '王大', name: '王芳', idNumber: FANG1 });
    expect(findingsOf(ambiguousLink, dataset({ national: households(), 'household-file': [arch] }))).toEqual([]);
  });
});
