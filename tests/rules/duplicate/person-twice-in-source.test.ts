import { describe, expect, it } from 'vitest';
import { national, householdFile } from '../../../src/sources/index.js';
import { personTwiceInSource } from '../../../src/rules/duplicate/person-twice-in-source.js';
import { dataset, findingsOf, parsedRow, validIdFor } from '../data-quality/build.js';

const place = { township: '黄金镇', village: '黄金村' };
const HEAD = validIdFor('19650101', '013');
const SON = validIdFor('19900101', '035');

const nat = (file: string, name: string, idNumber: string, relation: string) =>
  parsedRow(national, { ...place, householdNo: 'H1', name, idNumber, relation }, { file });

describe('duplicate/person-twice-in-source', () => {
  it('finds the same ID twice in one household of one national file', () => {
    const rows = [nat('a.xlsx', '王大', HEAD, '户主'), nat('a.xlsx', '王强', SON, '之子'), nat('a.xlsx', '王强', SON, '之子')];
    const [f, ...rest] = findingsOf(personTwiceInSource, dataset({ national: rows }));
    expect(rest).toEqual([]);
    expect(f.personId).toBe(SON);
    expect(f.householdId).toBe('H1');
    expect(f.correct).toBe('national');
    expect(f.evidence['重复次数']).toBe(2);
    expect(f.locations).toHaveLength(2);
  });

  it('finds the same ID twice in one archive household', () => {
    const arch = ['王强', '王 强'].map((name) => parsedRow(householdFile, { ...place, headName: '王大', headId: HEAD, name, idNumber: SON }));
    const [f, ...rest] = findingsOf(personTwiceInSource, dataset({ national: [nat('a.xlsx', '王大', HEAD, '户主')], 'household-file': arch }));
    expect(rest).toEqual([]);
    expect(f.correct).toBe('household-file');
    expect(f.values).toEqual({ 'household-file': '王强' });
  });

  it('finds nothing for distinct IDs or the same household in two files', () => {
    expect(findingsOf(personTwiceInSource, dataset({ national: [nat('a.xlsx', '王大', HEAD, '户主'), nat('a.xlsx', '王强', SON, '之子')] }))).toEqual([]);
    expect(findingsOf(personTwiceInSource, dataset({ national: [nat('a.xlsx', '王强', SON, '之子'), nat('b.xlsx', '王强', SON, '之子')] }))).toEqual([]);
  });
});
