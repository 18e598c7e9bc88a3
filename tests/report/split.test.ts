import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/model/audit.js';
import { loadPolicy } from '../../src/model/policy.js';
import { safeFileName, writeSplitWorkbooks } from '../../src/report/split.js';
import { FINDINGS, sampleResult } from './sample-result.js';

let result: AuditResult;

beforeAll(async () => {
  result = sampleResult(await loadPolicy());
});

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** 问题编号 (last column) of each row of a finding list. */
function ids(wb: ExcelJS.Workbook): unknown[] {
  const ws = wb.getWorksheet('问题清单');
  if (ws === undefined) throw new Error('no 问题清单');
  const last = ws.getRow(1).cellCount;
  const out: unknown[] = [];
  for (let r = 2; r <= ws.rowCount; r++) out.push(ws.getRow(r).getCell(last).value);
  return out;
}

describe('writeSplitWorkbooks', () => {
  it('writes one workbook per township with only its findings and households', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jz-split-'));
    const files = await writeSplitWorkbooks(result, dir, 'township');
    expect(files.map((f) => [f.unit, basename(f.file), f.findings, f.households])).toEqual([
      ['湖江镇', '湖江镇.xlsx', 6, 2],
      ['王母渡镇', '王母渡镇.xlsx', 1, 1],
      ['未注明乡镇', '未注明乡镇.xlsx', 1, 0],
    ]);
    expect((await readdir(dir)).sort()).toEqual(['未注明乡镇.xlsx', '湖江镇.xlsx', '王母渡镇.xlsx'].sort());
    const hujiang = await open(join(dir, '湖江镇.xlsx'));
    expect(ids(hujiang)).toEqual(['f-name', 'f-exit', 'f-size', 'f-split', 'f-id', 'f-near']);
    expect(hujiang.getWorksheet('来源覆盖')?.rowCount).toBe(3);
    expect(hujiang.getWorksheet('人员重复')).toBeUndefined();
    const intro = hujiang.getWorksheet('说明');
    expect(intro?.getRow(2).getCell(1).value).toBe('本工作簿只含 湖江镇 的问题和在册户。');
    const none = await open(join(dir, '未注明乡镇.xlsx'));
    expect(ids(none)).toEqual(['f-helper']);
    // Every finding is in exactly one unit workbook.
    expect(files.reduce((n, f) => n + f.findings, 0)).toBe(FINDINGS.length);
  });

  it('writes one workbook per village, named township-village', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jz-split-'));
    const files = await writeSplitWorkbooks(result, dir, 'village', { title: '比对' });
    expect(files.map((f) => basename(f.file))).toEqual([
      '湖江镇-夏府村.xlsx',
      '湖江镇-大坪村.xlsx',
      '王母渡镇-韩坊村.xlsx',
      '未注明乡镇-未注明村.xlsx',
    ]);
    expect(files.map((f) => f.findings)).toEqual([5, 1, 1, 1]);
    const wb = await open(join(dir, '湖江镇-大坪村.xlsx'));
    expect(ids(wb)).toEqual(['f-near']);
    expect(wb.title).toBe('比对（湖江镇/大坪村）');
  });

  it('keeps units whose names clean to the same file name apart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jz-split-'));
    const twins = [
      { ...FINDINGS[0], id: 'a', township: '甲/乙镇' },
      { ...FINDINGS[1], id: 'b', township: '甲:乙镇' },
    ];
    const files = await writeSplitWorkbooks({ ...result, findings: twins, households: [] }, dir, 'township');
    expect(files.map((f) => [f.unit, basename(f.file)])).toEqual([
      ['甲/乙镇', '甲_乙镇.xlsx'],
      ['甲:乙镇', '甲_乙镇（2）.xlsx'],
    ]);
  });
});

describe('safeFileName', () => {
  it('removes what file systems refuse', () => {
    expect(safeFileName('湖江镇')).toBe('湖江镇');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeFileName('  ..夏府村..  ')).toBe('夏府村');
    expect(safeFileName('\u0001')).toBe('_');
    expect(safeFileName('   ')).toBe('未命名');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('长'.repeat(100))).toHaveLength(60);
  });
});
