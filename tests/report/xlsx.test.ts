import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/model/audit.js';
import { loadPolicy } from '../../src/model/policy.js';
import { writeAuditWorkbook } from '../../src/report/xlsx.js';
import { sheetsAsCsv } from './libreoffice.js';
import { CHILD_ID, HOUSEHOLD, ID, sampleResult } from './sample-result.js';

const run = promisify(execFile);

const SHEETS = ['说明', '汇总', '问题清单', '数据质量问题', '信息不吻合', '人员重复', '疑似分户造贫', '疑似错退', '帮扶与公示问题', '数据质量', '来源覆盖'];
const BASE = ['乡镇', '村', '户编号', '户主/姓名', '身份证号', '规则', '类别', '严重程度', '字段'];
const TAIL = ['应更正来源', '问题说明', '整改建议', '位置', '问题编号'];
// Kinds used by the sample findings, in the product's kind order.
const LIST_HEADER = [...BASE, '国办系统', '一户一档', '《一本通》', '户籍', '公示牌', ...TAIL];
const MARK = 'FFFFEB9C';

let result: AuditResult;
let dir: string;
let file: string;
let wb: ExcelJS.Workbook;
let csv: Map<string, string[][]>;

beforeAll(async () => {
  result = sampleResult(await loadPolicy());
  dir = await mkdtemp(join(tmpdir(), 'jz-xlsx-'));
  file = join(dir, 'audit.xlsx');
  await writeAuditWorkbook(result, file, { title: '赣县区2024年6月比对' });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  csv = await sheetsAsCsv(file);
});

function sheet(name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

function header(ws: ExcelJS.Worksheet): unknown[] {
  return (ws.getRow(1).values as unknown[]).slice(1);
}

/** The row of a finding list whose 问题编号 (last column) is `id`. */
function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  const last = header(ws).length;
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(last).value === id) return ws.getRow(r);
  throw new Error(`no row ${id}`);
}

function cellUnder(ws: ExcelJS.Worksheet, row: ExcelJS.Row, title: string): ExcelJS.Cell {
  const col = header(ws).indexOf(title);
  if (col < 0) throw new Error(`no column ${title}`);
  return row.getCell(col + 1);
}

describe('audit workbook read back with exceljs', () => {
  it('has the sheets in order and fixed document properties', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
    expect(wb.creator).toBe('jingzhun');
    expect(wb.title).toBe('赣县区2024年6月比对');
    expect(wb.created.toISOString()).toBe('2024-06-30T00:00:00.000Z');
    expect(wb.modified.toISOString()).toBe('2024-06-30T00:00:00.000Z');
  });

  it('lists every finding with one column per source kind present', () => {
    const ws = sheet('问题清单');
    expect(header(ws)).toEqual(LIST_HEADER);
    expect(ws.rowCount).toBe(1 + result.findings.length);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:S9');
  });

  it('writes IDs and household numbers as text cells', () => {
    const ws = sheet('问题清单');
    const row = rowOf(ws, 'f-name');
    for (const [title, value] of [
      ['身份证号', ID],
      ['户编号', HOUSEHOLD],
    ]) {
      const cell = cellUnder(ws, row, title);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(value);
      expect(cell.numFmt).toBe('@');
    }
    expect(ws.getColumn(5).width ?? 0).toBeGreaterThanOrEqual(18);
  });

  it('keeps formula-looking values as text, never as formulas', () => {
    const ws = sheet('问题清单');
    expect(cellUnder(ws, rowOf(ws, 'f-size'), '公示牌').value).toBe('=1+1');
    expect(cellUnder(ws, rowOf(ws, 'f-exit'), '《一本通》').value).toBe('-5');
    expect(cellUnder(ws, rowOf(ws, 'f-helper'), '公示牌').value).toBe('\t=1+1');
    for (const w of wb.worksheets) {
      w.eachRow((r) => {
        r.eachCell((c) => {
          expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof c.value === 'string') expect(c.numFmt).toBe('@');
        });
      });
    }
  });

  it('highlights the value of the source to correct, and only that one', () => {
    const ws = sheet('问题清单');
    const row = rowOf(ws, 'f-size');
    const fill = (title: string): string | undefined => {
      const f = cellUnder(ws, row, title).fill;
      return f?.type === 'pattern' ? f.fgColor?.argb : undefined;
    };
    expect(fill('国办系统')).toBe(MARK);
    expect(cellUnder(ws, row, '国办系统').value).toBe(4);
    expect(fill('户籍')).toBeUndefined();
    expect(cellUnder(ws, row, '应更正来源').value).toBe('国办系统');
    expect(cellUnder(ws, rowOf(ws, 'f-split'), '应更正来源').value).toBe('入户核实');
    expect(cellUnder(ws, row, '位置').value).toBe('国办系统：national.xlsx 明细 第5行\n户籍：hukou.xls 第20行 户号列');
  });

  it('drops characters that XML cannot hold', () => {
    const ws = sheet('问题清单');
    expect(cellUnder(ws, rowOf(ws, 'f-near'), '整改建议').value).toBe('关注收入变化');
  });

  it('adds the evidence of a category as columns', () => {
    const ws = sheet('疑似分户造贫');
    expect(header(ws)).toEqual([...BASE, '国办系统', '户籍', '分户日期', '原户号', '子女姓名', '子女身份证号', '子女户有车辆', ...TAIL]);
    const row = rowOf(ws, 'f-split');
    expect(cellUnder(ws, row, '子女身份证号').value).toBe(CHILD_ID);
    expect(cellUnder(ws, row, '原户号').value).toBe(HOUSEHOLD);
    expect(cellUnder(ws, row, '子女户有车辆').value).toBe('是');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const exits = sheet('疑似错退');
    expect(header(exits)).toEqual([...BASE, '国办系统', '《一本通》', '脱贫年度', '脱贫标准', '备注', ...TAIL]);
    expect(cellUnder(exits, rowOf(exits, 'f-exit'), '备注').value).toBe('@SUM(A1)');
    expect(cellUnder(exits, rowOf(exits, 'f-near'), '备注').value).toBeNull();
  });

  it('sums problems by township, category and severity, and risk warnings apart', () => {
    const ws = sheet('汇总');
    expect(header(ws)).toEqual([
      '乡镇', '数据质量问题', '信息不吻合', '人员重复', '疑似分户造贫', '疑似错退', '疑似错评', '疑似漏评', '帮扶与公示问题', '合计',
      '其中：高', '其中：中', '其中：低', '风险提示（不计入问题）',
    ]);
    const rows = [2, 3, 4, 5].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      // The risk warning (疑似错退, 湖江镇) is counted apart, not as a problem.
      ['湖江镇', 1, 2, 0, 1, 1, 0, 0, 0, 5, 3, 2, 0, 1],
      ['王母渡镇', 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0],
      // Findings without a township come last, before the totals.
      ['未注明乡镇', 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0],
      ['合计', 1, 2, 1, 1, 1, 0, 0, 1, 7, 4, 2, 1, 1],
    ]);
    expect(ws.getRow(5).getCell(1).font?.bold).toBe(true);
  });

  it('lists input problems by file, sheet and row', () => {
    const ws = sheet('数据质量');
    expect(header(ws)).toEqual(['来源', '文件', '工作表', '行号', '列', '姓名', '问题说明', '整改建议', '问题编号']);
    const rows = [2, 3].map((r) => (ws.getRow(r).values as unknown[]).slice(1, 6));
    expect(rows).toEqual([
      [undefined, 'broken.xls', undefined, undefined, undefined],
      ['国办系统', 'national.xlsx', '明细', 12, '证件号码'],
    ]);
    expect(ws.rowCount).toBe(3);
  });

  it('shows each registered household in each main source', () => {
    const ws = sheet('来源覆盖');
    expect(header(ws)).toEqual(['乡镇', '村', '户编号', '户主', '国办系统', '一户一档', '《一本通》', '户籍', '公示牌']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['湖江镇', '夏府村', HOUSEHOLD, '王大山', '是', '是', '否', '是', '不覆盖']);
    expect(ws.getRow(3).getCell(3).value).toBe('3607211002020001');
    expect(ws.getRow(4).getCell(1).value).toBe('王母渡镇');
    const missing = ws.getRow(2).getCell(7).fill;
    expect(missing?.type === 'pattern' ? missing.fgColor?.argb : undefined).toBe(MARK);
    expect(ws.autoFilter).toBe('A1:I4');
  });

  it('explains the workbook, its inputs and the policy in force', () => {
    const ws = sheet('说明');
    const texts: string[] = [];
    ws.eachRow((r) => {
      r.eachCell((c) => {
        texts.push(String(c.value));
      });
    });
    expect(texts[0]).toBe('赣县区2024年6月比对');
    expect(texts).toContain('比对基准日期：2024-06-30');
    expect(texts.some((t) => t.includes('疑似分户造贫') && t.includes('线索，不是结论'))).toBe(true);
    expect(texts).toContain('文件 broken.xls 无法读取：不是有效的表格文件');
    expect(texts).toContain('脱贫标准（元/人·年）');
    expect(texts.some((t) => t.startsWith('2013年：2736 元\n'))).toBe(true);
    expect(texts).toContain(result.policy.exitThresholds.source);
  });
});

describe('audit workbook bytes', () => {
  it('stamps every zip entry with the reference date', async () => {
    const { stdout } = await run('zipinfo', ['-T', file]);
    const stamps = stdout
      .split('\n')
      .filter((l) => l.endsWith('.xml') || l.endsWith('.rels'))
      .map((l) => / (\d{8}\.\d{6}) /.exec(l)?.[1]);
    expect(stamps.length).toBeGreaterThan(10);
    expect(new Set(stamps)).toEqual(new Set(['20240630.000000']));
  });

  it('is the same file when written again', async () => {
    const again = join(dir, 'again.xlsx');
    await writeAuditWorkbook(result, again, { title: '赣县区2024年6月比对' });
    expect((await readFile(again)).equals(await readFile(file))).toBe(true);
  });
});

describe('audit workbook as LibreOffice reads it', () => {
  it('exports every sheet', () => {
    expect([...csv.keys()].sort()).toEqual([...SHEETS].sort());
  });

  it('keeps IDs whole and formula-looking values literal in 问题清单', () => {
    const rows = csv.get('问题清单') ?? [];
    expect(rows[0]).toEqual(LIST_HEADER);
    expect(rows).toHaveLength(1 + result.findings.length);
    const col = (title: string): number => LIST_HEADER.indexOf(title);
    const byId = new Map(rows.slice(1).map((r) => [r[r.length - 1], r]));
    expect(byId.get('f-name')?.[col('身份证号')]).toBe(ID);
    expect(byId.get('f-dup')?.[col('身份证号')]).toBe(CHILD_ID);
    expect(byId.get('f-name')?.[col('户编号')]).toBe(HOUSEHOLD);
    for (const r of rows.slice(1)) {
      expect(r[col('身份证号')]).toMatch(/^(\d{17}[\dX])?$/);
      expect(r[col('户编号')]).toMatch(/^(\d{16})?$/);
    }
    expect(byId.get('f-size')?.[col('公示牌')]).toBe('=1+1');
    expect(byId.get('f-exit')?.[col('《一本通》')]).toBe('-5');
    expect(byId.get('f-helper')?.[col('公示牌')]).toBe('\t=1+1');
    expect(byId.get('f-id')?.[col('国办系统')]).toBe('3.60426E+17');
  });

  it('keeps formula-looking evidence literal', () => {
    const exits = csv.get('疑似错退') ?? [];
    const remark = exits[0].indexOf('备注');
    expect(exits.find((r) => r[r.length - 1] === 'f-exit')?.[remark]).toBe('@SUM(A1)');
    const assist = csv.get('帮扶与公示问题') ?? [];
    expect(assist[0]).toContain('=HYPERLINK("x")');
    const row = assist.find((r) => r[r.length - 1] === 'f-helper') ?? [];
    expect(row[assist[0].indexOf('=HYPERLINK("x")')]).toBe('+1');
    expect(row[assist[0].indexOf('说明')]).toBe(' @SUM(A1)');
  });
});
