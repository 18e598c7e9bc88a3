import { describe, expect, it } from 'vitest';
import { national, householdFile, hukou, noticeBoard, payouts } from '../../../src/sources/index.js';
import { fieldProblem } from '../../../src/rules/data-quality/field-problem.js';
import { dataset, findingsOf, parsedRow, validIdFor } from './build.js';

const HH = '3607211002010012';
const place = { township: '黄金镇', village: '黄金村' };
const HEAD = '360426199101010071'; // DOMAIN §3.1 test vector
const SON = validIdFor('20150203', '011');

function household(over: { headIdCell?: string; sonIdCell?: string; incomeCell?: string; file?: string } = {}) {
  const file = over.file ?? 'national.xlsx';
  return [
    parsedRow(
      national,
      { ...place, householdNo: HH, name: '王小明', idNumber: over.headIdCell ?? HEAD, relation: '户主', gender: '男', householdSize: '2', income: over.incomeCell ?? '5200' },
      { file },
    ),
    parsedRow(
      national,
      { ...place, householdNo: HH, name: '王大宝', idNumber: over.sonIdCell ?? SON, relation: '之子', gender: '男', householdSize: '2', income: over.incomeCell ?? '5200' },
      { file },
    ),
  ];
}

describe('data-quality/field-problem', () => {
  it('finds nothing in a clean household', () => {
    expect(findingsOf(fieldProblem, dataset({ national: household() }))).toEqual([]);
  });

  it('reports an Excel-damaged ID: digits lost, first 15 shown, re-entry from the original, never repaired', () => {
    const archive = [
      parsedRow(householdFile, { ...place, headName: '王小明', name: '王小明', idNumber: '3.60426199101010E+17', relation: '户主' }, { headers: { idNumber: '成员身份证号' } }),
    ];
    const [f, ...rest] = findingsOf(fieldProblem, dataset({ national: household(), 'household-file': archive }));
    expect(rest).toEqual([]);
    expect(f.severity).toBe('high');
    expect(f.field).toBe('idNumber');
    expect(f.correct).toBe('household-file');
    expect(f.householdId).toBe(HH);
    expect(f.personId).toBe(HEAD);
    expect(f.message).toContain('末尾数字已丢失');
    expect(f.message).toContain('360426199101010');
    expect(f.message).toContain('重新录入');
    expect(f.message + f.suggestion).not.toMatch(/修复|修正为/);
    expect(f.suggestion).toContain('原件');
    expect(f.values).toEqual({ 'household-file': '3.60426199101010E+17' });
    expect(f.evidence['国办系统中此人的身份证号（供核对）']).toBe(HEAD);
    expect(f.locations).toEqual([{ kind: 'household-file', file: archive[0].loc.file, sheet: 'Sheet1', row: archive[0].loc.row, column: '成员身份证号' }]);
  });

  it('says how few digits survive when only a short mantissa is left', () => {
    const ds = dataset({ national: household({ sonIdCell: '3.60426E+17' }) });
    const [f] = findingsOf(fieldProblem, ds);
    expect(f.message).toContain('只保留了前6位有效数字“360426”');
    expect(f.severity).toBe('high');
  });

  it('rates a bad check character high and an unrecognised relation code low', () => {
    const rows = household({ sonIdCell: '36042619910102009X' });
    rows.push(parsedRow(national, { ...place, householdNo: HH, name: '李四', idNumber: validIdFor('19600101', '022'), relation: '77' }));
    const found = findingsOf(fieldProblem, dataset({ national: rows }));
    const byField = Object.fromEntries(found.map((f) => [f.field, f]));
    expect(Object.keys(byField).sort()).toEqual(['idNumber', 'relation']);
    expect(byField.idNumber.severity).toBe('high');
    expect(byField.idNumber.message).toContain('校验位错误');
    expect(byField.relation.severity).toBe('low');
    expect(byField.relation.name).toBe('李四');
    expect(byField.relation.values).toEqual({ national: '77' });
  });

  it('on a national ID typo, says which side is valid and shows the valid number to check against', () => {
    const bad = SON.slice(0, 17) + (SON[17] === '1' ? '2' : '1');
    const hk = parsedRow(hukou, { householdNo: 'K1', name: '王大宝', idNumber: SON, relation: '之子' });
    const found = findingsOf(fieldProblem, dataset({ national: household({ sonIdCell: bad }), hukou: [hk] }));
    expect(found).toHaveLength(1);
    expect(found[0].correct).toBe('national');
    expect(found[0].personId).toBe(SON);
    expect(found[0].evidence['与户籍的关联']).toContain('户籍一侧的号码校验正确');
    expect(found[0].evidence['户籍中此人的身份证号（供核对）']).toBe(SON);
  });

  it('reports a household field repeated on every member row once, listing every row', () => {
    const rows = household({ incomeCell: '五千' });
    const found = findingsOf(fieldProblem, dataset({ national: rows }));
    expect(found).toHaveLength(1);
    expect(found[0].field).toBe('income');
    expect(found[0].severity).toBe('medium');
    expect(found[0].personId).toBeNull();
    expect(found[0].locations.map((l) => l.row)).toEqual(rows.map((r) => r.loc.row));
    expect(found[0].evidence['涉及行数']).toBe(2);
  });

  it('leaves 15-digit IDs to data-quality/id-upgrade', () => {
    expect(findingsOf(fieldProblem, dataset({ national: household({ headIdCell: '360426910101007' }) }))).toEqual([]);
  });

  it('keeps two people without a valid ID apart, and ids survive a new file with other row numbers', () => {
    const build = (file: string) => [
      parsedRow(national, { ...place, householdNo: HH, name: '甲', idNumber: '1234', personPhone: '12345' }, { file }),
      parsedRow(national, { ...place, householdNo: HH, name: '乙', idNumber: '5678', personPhone: '12345' }, { file }),
    ];
    const march = findingsOf(fieldProblem, dataset({ national: build('三月.xlsx') }));
    expect(march).toHaveLength(4);
    const april = findingsOf(fieldProblem, dataset({ national: [parsedRow(national, { name: '空行' }), ...build('四月.xlsx')] }));
    expect(april.map((f) => f.id).sort()).toEqual(march.map((f) => f.id).sort());
  });

  it('covers boards, unattached archive households and rosters', () => {
    const board = parsedRow(noticeBoard, { ...place, headName: '王小明', boardStatus: '看不清楚' });
    const stray = parsedRow(householdFile, { township: '黄金镇', village: '别村', headName: '赵六', name: '赵六', idNumber: '99' });
    const payout = parsedRow(payouts, { name: '王小明', idNumber: HEAD, item: '生态补偿', amount: '一百' });
    const ds = dataset({ national: household(), 'notice-board': [board], 'household-file': [stray], rosters: { ...dataset({}).rosters, payouts: [payout] } });
    const found = findingsOf(fieldProblem, ds);
    const byKind = Object.fromEntries(found.map((f) => [f.correct, f]));
    expect(Object.keys(byKind).sort()).toEqual(['household-file', 'notice-board', 'payouts']);
    expect(byKind['notice-board'].householdId).toBe(HH);
    expect(byKind['notice-board'].field).toBe('boardStatus');
    expect(byKind['household-file'].householdId).toBeNull();
    expect(byKind['household-file'].village).toBe('别村');
    expect(byKind.payouts.field).toBe('benefitAmount');
  });
});
