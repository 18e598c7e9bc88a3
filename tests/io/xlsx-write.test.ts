/**
 * The streaming xlsx writer (src/io/xlsx-write.ts, src/io/zip-write.ts), read back by exceljs, SheetJS, our own
 * readers, unzip and LibreOffice.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../src/io/open.js';
import { columnLetter, XlsxWriter, type CellStyle, type CellValue } from '../../src/io/xlsx-write.js';
import { dosDateTime } from '../../src/io/zip-write.js';
import { sheetsAsCsv } from '../report/libreoffice.js';
import { readRows, sheet } from './helpers.js';

const run = promisify(execFile);
const DATE = new Date('2024-06-30T00:00:00Z');
const FONT = { name: '宋体', size: 11 };
const TEXT: CellStyle = { numFmt: '@', font: FONT, alignment: { vertical: 'top' } };
const MARK: CellStyle = { numFmt: '@', font: { ...FONT, color: { argb: 'FF9C5700' } }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } } };
const HEADER: CellStyle = {
  numFmt: '@',
  font: { ...FONT, bold: true },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  border: { top: { style: 'thin', color: { argb: 'FF9E9E9E' } }, bottom: { style: 'thin' } },
};
const NUMBER: CellStyle = { numFmt: 'General', font: FONT };
const AMOUNT: CellStyle = { numFmt: '0.00', font: FONT };

/** Text that a careless writer breaks: markup, spaces at the ends, line breaks, Excel's own escapes. */
const TRICKY = ['a & b <c> "d"', '  两端空格 ', '第一行\n第二行', 'x\r\ny', '_x0041_ 字面', '=1+1', '360721199001011234', ''];
const BIG_ROWS = 60_000;

let dir: string;
let file: string;

function bigRow(n: number): CellValue[] {
  return [`乡镇${String(n % 17)}`, `村${String(n % 301)}`, String(3607211002020000 + n), n, n % 3 === 0 ? null : `备注 ${String(n)}`];
}

/** A row's five values as read, empty cells (and missing trailing ones) as null. */
function padded(values: unknown[]): unknown[] {
  return Array.from({ length: 5 }, (_, i) => values[i] ?? null);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jz-xlsx-write-'));
  file = join(dir, 'out.xlsx');
  const wb = new XlsxWriter(file, { title: '标题 & "测试"', creator: 'jingzhun', date: DATE, defaultFont: FONT });
  const a = wb.addSheet('清单', {
    widths: [10, 20.5, 8],
    frozen: { columns: 2, rows: 1 },
    page: { paperSize: 9, landscape: true, fitToWidth: 2, fitToHeight: 0 },
    printTitles: { rows: 1, columns: 2 },
  });
  await a.addRow(['名称', '取值', '金额'], [HEADER, HEADER, HEADER], 30);
  for (const [i, t] of TRICKY.entries()) await a.addRow([`第${String(i + 1)}项`, t, i * 1.5 - 2], [TEXT, i === 2 ? MARK : TEXT, AMOUNT]);
  // A highlighted cell without a value, a number styled as a number, -0 and a row of nothing.
  await a.addRow(['空', null, -0], [TEXT, MARK, NUMBER]);
  await a.addRow([], []);
  await a.addRow(['末行', null, null], [TEXT, undefined, undefined]);
  a.autoFilter(`A1:C${String(a.rows)}`);
  await a.end();
  const b = wb.addSheet("O'Brien 表", { frozen: { columns: 0, rows: 1 }, printTitles: { rows: 1, columns: 0 } });
  await b.addRow(['乡镇', '村', '户编号', '序号', '备注'], [HEADER, HEADER, HEADER, HEADER, HEADER]);
  // Larger than one piece of sheet XML: the deflated pieces must join into one stream.
  for (let n = 0; n < BIG_ROWS; n++) await b.addRow(bigRow(n), [TEXT, TEXT, TEXT, NUMBER, TEXT]);
  await b.end();
  const c = wb.addSheet('未冻结');
  await c.addRow([1, 2, 3], []);
  await wb.close();
});

describe('xlsx writer read back by exceljs', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
  });

  it('has the sheets, properties, widths, panes, filter and print titles', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['清单', "O'Brien 表", '未冻结']);
    expect(wb.title).toBe('标题 & "测试"');
    expect(wb.creator).toBe('jingzhun');
    expect(wb.lastModifiedBy).toBe('jingzhun');
    expect(wb.created.toISOString()).toBe(DATE.toISOString());
    expect(wb.modified.toISOString()).toBe(DATE.toISOString());
    const a = wb.worksheets[0];
    expect([1, 2, 3].map((i) => a.getColumn(i).width)).toEqual([10, 20.5, 8]);
    expect(a.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1, topLeftCell: 'C2' });
    expect(wb.worksheets[1].views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(wb.worksheets[2].views[0]?.state ?? 'normal').toBe('normal');
    expect(a.autoFilter).toBe('A1:C12');
    expect(a.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 2, fitToHeight: 0 });
    expect(a.pageSetup.printTitlesRow).toBe('1:1');
    expect(a.pageSetup.printTitlesColumn).toBe('A:B');
    expect(wb.worksheets[1].pageSetup.printTitlesRow).toBe('1:1');
  });

  it('keeps values, styles and row heights', () => {
    const a = wb.worksheets[0];
    expect(a.getRow(1).height).toBe(30);
    expect(a.getCell('A1').font).toMatchObject({ bold: true, name: '宋体', size: 11 });
    expect(a.getCell('A1').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(a.getCell('A1').border?.top).toMatchObject({ style: 'thin', color: { argb: 'FF9E9E9E' } });
    const texts = TRICKY.map((_, i) => a.getCell(`B${String(i + 2)}`).value);
    // exceljs keeps `_xHHHH_` as it stands in the file (see xlsx-fast.test.ts), so that one is read apart.
    expect(texts.filter((_, i) => i !== 4)).toEqual(TRICKY.filter((_, i) => i !== 4).map((t) => (t === '' ? '' : t)));
    for (let i = 0; i < TRICKY.length; i++) {
      expect(a.getCell(`B${String(i + 2)}`).numFmt).toBe('@');
      expect(a.getCell(`C${String(i + 2)}`).value).toBe(i * 1.5 - 2);
      expect(a.getCell(`C${String(i + 2)}`).numFmt).toBe('0.00');
    }
    const marked = a.getCell('B4').fill;
    expect(marked?.type === 'pattern' ? marked.fgColor?.argb : undefined).toBe('FFFFEB9C');
    expect(a.getCell('B4').font?.color?.argb).toBe('FF9C5700');
    const empty = a.getCell('B10');
    expect(empty.value).toBeNull();
    expect(empty.fill?.type === 'pattern' ? empty.fill.fgColor?.argb : undefined).toBe('FFFFEB9C');
    expect(a.getCell('C10').value).toBe(0);
    expect(a.getCell('A12').value).toBe('末行');
    expect(a.rowCount).toBe(12);
  });

  it('writes a sheet larger than one deflated piece whole', () => {
    const b = wb.worksheets[1];
    expect(b.rowCount).toBe(BIG_ROWS + 1);
    for (const n of [0, 1, 2, 12_345, BIG_ROWS - 1]) {
      expect(padded((b.getRow(n + 2).values as unknown[]).slice(1))).toEqual(bigRow(n));
    }
    expect(b.getCell('C2').type).toBe(ExcelJS.ValueType.String);
  });
});

describe('xlsx writer read back by other readers', () => {
  it('reads the same in SheetJS, Excel escapes included', () => {
    const wb = XLSX.read(readFileSync(file));
    expect(wb.SheetNames).toEqual(['清单', "O'Brien 表", '未冻结']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['清单'], { header: 1, defval: null, raw: true });
    expect(rows.slice(1, 1 + TRICKY.length).map((r) => r[1])).toEqual(TRICKY.map((t) => (t === '' ? '' : t.replace('\r\n', '\n'))));
    expect(wb.Sheets['清单']['!autofilter']).toEqual({ ref: 'A1:C12' });
  });

  it('reads the same in our own reader (the audit reads workbooks people saved from reports)', async () => {
    const wb = await openWorkbook(file);
    const rows = await readRows(sheet(wb, '清单'));
    const byRow = new Map(rows.map((r) => [r.row, r]));
    TRICKY.forEach((t, i) => {
      const v = byRow.get(i + 2)?.cells[1]?.v;
      expect(v === undefined ? '' : v).toBe(t);
    });
    const big = await readRows(sheet(wb, "O'Brien 表"));
    expect(big).toHaveLength(BIG_ROWS + 1);
    expect(padded(big[BIG_ROWS].cells.map((c) => c?.v))).toEqual(bigRow(BIG_ROWS - 1));
  });

  it('is a valid zip with every entry at the fixed time', async () => {
    await run('unzip', ['-tq', file]);
    const { stdout } = await run('zipinfo', ['-T', file]);
    const stamps = stdout.split('\n').filter((l) => /\.(xml|rels)$/.test(l)).map((l) => / (\d{8}\.\d{6}) /.exec(l)?.[1]);
    expect(stamps.length).toBe(11);
    expect(new Set(stamps)).toEqual(new Set(['20240630.000000']));
  });

  it('is read by LibreOffice', async () => {
    const csv = await sheetsAsCsv(file);
    expect([...csv.keys()].sort()).toEqual(['O\'Brien 表', '未冻结', '清单'].sort());
    const rows = csv.get('清单') ?? [];
    expect(rows[0]).toEqual(['名称', '取值', '金额']);
    expect(rows.slice(1, 1 + TRICKY.length).map((r) => r[1])).toEqual(TRICKY.map((t) => t.replace('\r\n', '\n')));
    expect(rows[7][1]).toBe('360721199001011234');
    expect(csv.get("O'Brien 表")).toHaveLength(BIG_ROWS + 1);
  });
});

describe('xlsx writer', () => {
  it('gives the same bytes for the same rows', async () => {
    const write = async (path: string): Promise<Buffer> => {
      const wb = new XlsxWriter(path, { title: 't', creator: 'c', date: DATE, defaultFont: FONT });
      const s = wb.addSheet('a', { widths: [5] });
      for (let n = 0; n < 5000; n++) await s.addRow([`x${String(n % 97)}`, n], [TEXT, NUMBER]);
      await s.end();
      await wb.close();
      return readFileSync(path);
    };
    expect((await write(join(dir, 'one.xlsx'))).equals(await write(join(dir, 'two.xlsx')))).toBe(true);
  });

  it('refuses a second sheet while one is open, and removes an abandoned file', () => {
    const path = join(dir, 'abandoned.xlsx');
    const wb = new XlsxWriter(path, { title: 't', creator: 'c', date: DATE, defaultFont: FONT });
    wb.addSheet('a');
    expect(() => wb.addSheet('b')).toThrow(/not ended/);
    wb.abandon();
    expect(existsSync(path)).toBe(false);
  });

  it("refuses rows beyond Excel's limits with a Chinese message", async () => {
    const path = join(dir, 'wide.xlsx');
    const wb = new XlsxWriter(path, { title: 't', creator: 'c', date: DATE, defaultFont: FONT });
    const s = wb.addSheet('宽表');
    expect(() => s.addRow(new Array<CellValue>(16_385).fill(1), [])).toThrow('工作表「宽表」超过 Excel 的列数上限（16384 列）');
    await s.addRow(new Array<CellValue>(16_384).fill(1), []);
    for (let n = 1; n < 1_048_576; n++) await s.addRow([], []);
    expect(() => s.addRow([], [])).toThrow('工作表「宽表」超过 Excel 的行数上限（1048576 行）');
    wb.abandon();
  });

  it('names columns by letters and encodes MS-DOS dates', () => {
    expect([1, 19, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'S', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(dosDateTime(new Date('2024-06-30T00:00:00Z'))).toEqual({ date: (44 << 9) | (6 << 5) | 30, time: 0 });
    expect(dosDateTime(new Date('2016-05-03T13:45:31Z'))).toEqual({ date: (36 << 9) | (5 << 5) | 3, time: (13 << 11) | (45 << 5) | 15 });
  });
});
