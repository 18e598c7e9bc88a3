import { describe, expect, it } from 'vitest';
import { national, householdFile } from '../../../src/sources/index.js';
import { idUpgrade } from '../../../src/rules/data-quality/id-upgrade.js';
import { dataset, findingsOf, parsedRow } from './build.js';

const place = { township: '黄金镇', village: '黄金村' };
const HH = '3607211002010012';

describe('data-quality/id-upgrade', () => {
  it('shows the 15-digit number and its 18-digit form, severity low', () => {
    const row = parsedRow(national, { ...place, householdNo: HH, name: '王小明', idNumber: '360426910101007', relation: '户主' });
    const [f, ...rest] = findingsOf(idUpgrade, dataset({ national: [row] }));
    expect(rest).toEqual([]);
    expect(f.severity).toBe('low');
    expect(f.field).toBe('idNumber');
    expect(f.correct).toBe('national');
    expect(f.personId).toBe('360426199101010071');
    expect(f.values).toEqual({ national: '360426910101007' });
    expect(f.message).toContain('360426910101007');
    expect(f.message).toContain('360426199101010071');
    expect(f.evidence).toEqual({ '15位号码': '360426910101007', '18位号码': '360426199101010071' });
    expect(f.locations[0].column).toBe('身份证号');
  });

  it('reports a 15-digit head ID repeated on every archive row once', () => {
    const rows = ['王小明', '王大宝'].map((name) =>
      parsedRow(householdFile, { ...place, headName: '王小明', headId: '110105491231002', name, relation: name === '王小明' ? '户主' : '之子' }),
    );
    const found = findingsOf(idUpgrade, dataset({ 'household-file': rows }));
    expect(found).toHaveLength(1);
    expect(found[0].evidence['18位号码']).toBe('11010519491231002X');
    expect(found[0].locations).toHaveLength(2);
    expect(found[0].locations[0].column).toBe('户主身份证号');
  });

  it('finds nothing for 18-digit numbers', () => {
    const row = parsedRow(national, { ...place, householdNo: HH, name: '王小明', idNumber: '360426199101010071', relation: '户主' });
    expect(findingsOf(idUpgrade, dataset({ national: [row] }))).toEqual([]);
  });
});
