import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../src/io/open.js';
import { normalizeHeaderText, openTable, type Table, type TableRow } from '../../src/io/table.js';
import type { RawRow, SheetSource } from '../../src/io/types.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from './helpers.js';

/** Scores a row by how many of these header words it holds, as the sources layer would with its synonyms. */
const KNOWN = ['姓名', '户主姓名', '身份证号码', '身份证号', '证件号码', '出生日期', '家庭人口', '人均纯收入', '联系电话'];
const scoreHeader = (texts: string[]) => texts.filter((t) => KNOWN.includes(t)).length;

async function table(name: string, sheetIndex = 0): Promise<{ t: Table; rows: TableRow[] }> {
  const wb = await openWorkbook(fixture(name));
  const t = await openTable(wb.sheets[sheetIndex], { scoreHeader });
  if (!t) throw new Error(`no table in ${name}`);
  const rows: TableRow[] = [];
  for await (const r of t.rows()) rows.push(r);
  return { t, rows };
}

describe('normalizeHeaderText', () => {
  it.each([
    ['身份证号码\n（必填）', '身份证号码'],
    ['身份证号码(必填)', '身份证号码'],
    ['务工时间（月）', '务工时间(月)'],
    ['人均纯收入（元）*', '人均纯收入(元)'],
    ['＊姓　名', '姓名'],
    ['联系 电话 *', '联系电话'],
    ['出生日期（注：格式为2016-01-01）', '出生日期'],
    ['银行卡号【选填】', '银行卡号'],
    ['ＩＤ号码', 'ID号码'],
    ['地址（注册地）', '地址(注册地)'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeHeaderText(raw)).toBe(expected);
  });
});

describe('openTable on people.xlsx and the same sheet as BIFF8 and BIFF5', () => {
  for (const name of ['people.xlsx', 'people.xls', 'people-biff5.xls']) {
    it(`${name}: title and unit rows, header, data, skipped rows`, async () => {
      const { t, rows } = await table(name);
      expect(t.sheet).toBe('明细');
      expect(t.headerRow).toBe(3);
      expect(t.headerRowCount).toBe(1);
      expect(t.titleRows).toEqual(['XX县建档立卡贫困人口明细表', '单位：元']);
      expect(t.unitNote).toBe('元');
      expect(t.columns.map((c) => [c.index, c.header])).toEqual([
        [0, '序号'],
        [1, '姓名'],
        [2, '身份证号码'],
        [3, '出生日期'],
        [4, '识别时间'],
        [5, '人均纯收入'],
        [6, '内部编号'],
        [7, '备注'],
        [8, '备注'],
        [9, '联系电话'],
      ]);
      expect(rows.map((r) => r.row)).toEqual([4, 5, 7, 9]);
      expect(rows.map((r) => r.cells[1]?.v)).toEqual(['张三', '李四', '王五', '赵六']);
      expect(t.skipped.map((s) => [s.row, s.reason])).toEqual([
        [6, 'blank'],
        [8, 'repeatedHeader'],
        [10, 'footer'],
        [11, 'footer'],
        [12, 'footer'],
      ]);
      expect(t.skipped[2].text).toBe('合计 13300.5');
    });
  }
});

describe('two-row headers', () => {
  const expected = [
    [0, '户主姓名', ['户主姓名']],
    [1, '证件号码', ['证件号码']],
    [2, '帮扶责任人姓名', ['帮扶责任人', '姓名']],
    [3, '帮扶责任人电话', ['帮扶责任人', '电话']],
    [4, '家庭人口', ['家庭人口']],
    [5, '务工时间(月)', ['务工时间(月)']],
  ];
  for (const [name, merges] of [
    ['two-row-header.xlsx', false],
    ['two-row-header.xls', true],
  ] as const) {
    it(`${name} (merges ${merges ? 'known' : 'unknown'})`, async () => {
      const wb = await openWorkbook(fixture(name));
      expect(wb.sheets[0].merges.length > 0).toBe(merges);
      const { t, rows } = await table(name);
      expect([t.headerRow, t.headerRowCount]).toEqual([2, 2]);
      expect(t.columns.map((c) => [c.index, c.header, c.parts])).toEqual(expected);
      expect(t.titleRows).toEqual(['XX乡帮扶责任人名单']);
      expect(rows.map((r) => r.row)).toEqual([4, 5, 8]);
      expect(t.skipped.map((s) => [s.row, s.reason])).toEqual([
        [6, 'repeatedHeader'],
        [7, 'repeatedHeader'],
        [9, 'footer'],
      ]);
    });
  }
  it('group labels above the best row (CSV, forward-filled across blanks)', async () => {
    const { t, rows } = await table('group-header.csv');
    expect([t.headerRow, t.headerRowCount]).toEqual([1, 2]);
    expect(t.columns.map((c) => c.header)).toEqual([
      '基本信息姓名',
      '基本信息身份证号',
      '基本信息家庭人口',
      '帮扶情况姓名',
      '帮扶情况电话',
    ]);
    expect(t.columns[3].parts).toEqual(['帮扶情况', '姓名']);
    expect(rows.map((r) => r.row)).toEqual([3]);
  });
});

describe('other layouts', () => {
  it('HTML table: title row, footer, header with a full-width bracketed unit', async () => {
    const { t, rows } = await table('html-table.xls');
    expect(t.headerRow).toBe(2);
    expect(t.columns.map((c) => c.header)).toEqual(['户主姓名', '身份证号', '家庭人口', '人均纯收入(元)']);
    expect(rows.map((r) => [r.row, r.cells[0]?.v, r.cells[1]?.v])).toEqual([
      [3, '张三', '360426199101010071'],
      [5, '李 四', '044011320141005001'],
    ]);
    expect(t.skipped).toEqual([{ row: 6, reason: 'footer', text: '合计 7' }]);
  });
  it('SpreadsheetML: skips nothing, keeps numeric ID and date serial cells as they are', async () => {
    const { t, rows } = await table('spreadsheetml.xls');
    expect(t.headerRow).toBe(2);
    expect(rows[0].cells[1]).toEqual({ v: 360426199101010000, fmt: '0', numeric: true });
    expect(rows[0].cells[3]).toEqual({ v: 42491, fmt: 'yyyy\\-mm\\-dd', numeric: true });
    expect(rows[1].cells[3]).toEqual({ v: '2016.5.3' });
  });
  it('returns null when no row scores above 0', async () => {
    const wb = await openWorkbook(fixture('spreadsheetml.xls'));
    expect(await openTable(wb.sheets[1], { scoreHeader })).toBeNull();
  });
  it('looks for the header in the first scanRows rows only', async () => {
    const wb = await openWorkbook(fixture('people.xlsx'));
    expect(await openTable(wb.sheets[0], { scoreHeader, scanRows: 2 })).toBeNull();
  });
});

/** A sheet made in memory, to check that the table layer closes the reader when left early. */
function countingSheet(rows: RawRow[]): SheetSource & { closed: () => boolean } {
  let closed = false;
  return {
    name: 'mem',
    hidden: false,
    merges: [],
    hiddenColumns: [],
    async *rows() {
      try {
        for (const r of rows) yield r;
      } finally {
        closed = true;
      }
    },
    closed: () => closed,
  };
}

describe('reader life cycle', () => {
  const rows: RawRow[] = [
    { row: 1, cells: [{ v: '姓名' }, { v: '身份证号' }] },
    ...Array.from({ length: 50 }, (_, i) => ({ row: i + 2, cells: [{ v: `人${i}` }, { v: `${i}` }] })),
  ];
  it('closes the rows when the caller stops early', async () => {
    const sheet = countingSheet(rows);
    const t = await openTable(sheet, { scoreHeader });
    for await (const r of t!.rows()) {
      expect(r.row).toBe(2);
      break;
    }
    expect(sheet.closed()).toBe(true);
  });
  it('yields every data row once, with original numbers', async () => {
    const t = await openTable(countingSheet(rows), { scoreHeader });
    const got: number[] = [];
    for await (const r of t!.rows()) got.push(r.row);
    expect(got).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
  });
});

describe('footers of survey and signature lines', () => {
  it('调查人, 调查日期, 户主签字 and 帮扶责任人签字 rows are footers, and the rows after them are still read', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jz-footer-')), 'board.csv');
    const lines = [
      '姓名,身份证号码,家庭人口',
      '张三,360426199101010071,3',
      '户主签字：,帮扶责任人签字：,',
      '调查人：王五,调查日期：2026年11月,',
      '核查人：李四,,',
      '户主签字,,',
      '李四,110102199101010078,2',
    ];
    writeFileSync(file, lines.join('\r\n') + '\r\n');
    const wb = await openWorkbook(file);
    const t = await openTable(wb.sheets[0], { scoreHeader });
    const rows: TableRow[] = [];
    for await (const r of t!.rows()) rows.push(r);
    expect(t!.skipped.map((s) => [s.row, s.reason])).toEqual([
      [3, 'footer'],
      [4, 'footer'],
      [5, 'footer'],
      [6, 'footer'],
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 7]);
  });
});
