import { describe, expect, it } from 'vitest';
import { national } from '../../../src/sources/index.js';
import { rejectedRow } from '../../../src/rules/data-quality/rejected-row.js';
import { dataset, findingsOf, parsedRow, validIdFor } from './build.js';

describe('data-quality/rejected-row', () => {
  it('lists each rejected row with file, sheet, row and reason; national rows without 户编号 high', () => {
    const orphan = parsedRow(national, { name: '王大', idNumber: validIdFor('19700101', '011') }, { file: '国办.xlsx' });
    const readerRejected = {
      kind: 'hukou' as const,
      loc: { file: '户籍.xls', sheet: '户籍', row: 17 },
      reason: '该行没有姓名和身份证号，无法使用，已跳过',
      text: '男 | 汉族',
    };
    const found = findingsOf(rejectedRow, dataset({ national: [orphan], rejected: [readerRejected] }));
    expect(found).toHaveLength(2);
    const nat = found.find((f) => f.correct === 'national')!;
    expect(nat.severity).toBe('high');
    expect(nat.message).toContain('国办.xlsx');
    expect(nat.message).toContain(`第${orphan.loc.row}行`);
    expect(nat.message).toContain('户编号');
    const hk = found.find((f) => f.correct === 'hukou')!;
    expect(hk.severity).toBe('medium');
    expect(hk.message).toContain('户籍.xls（工作表“户籍”）第17行');
    expect(hk.evidence).toEqual({ 文件: '户籍.xls', 工作表: '户籍', 行号: 17, 原因: readerRejected.reason });
    expect(hk.locations).toEqual([{ kind: 'hukou', file: '户籍.xls', sheet: '户籍', row: 17, column: null }]);
  });

  it('rows alike in reason and content on several sheets are each listed, with ids of their own', () => {
    const footer = (sheet: string, row: number) => ({
      kind: 'notice-board' as const,
      loc: { file: '公示牌.xlsx', sheet, row },
      reason: '该行没有户主姓名，无法使用，已跳过',
      text: '调查人：王五 | 调查日期：2026年11月',
    });
    const rows = [footer('连湖村', 30), footer('石上村', 28), footer('坪上村', 31)];
    const found = findingsOf(rejectedRow, dataset({ rejected: rows }));
    expect(found.map((f) => f.evidence['工作表'])).toEqual(['连湖村', '石上村', '坪上村']);
    // The first keeps the id it had alone; the same three rows read again give the same ids.
    expect(found[0].id).toBe(findingsOf(rejectedRow, dataset({ rejected: rows.slice(0, 1) }))[0].id);
    expect(findingsOf(rejectedRow, dataset({ rejected: rows })).map((f) => f.id)).toEqual(found.map((f) => f.id));
  });

  it('finds nothing when no row was rejected', () => {
    const row = parsedRow(national, { householdNo: 'H1', name: '王大', idNumber: validIdFor('19700101', '011') });
    expect(findingsOf(rejectedRow, dataset({ national: [row] }))).toEqual([]);
  });
});
