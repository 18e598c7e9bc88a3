import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../src/io/open.js';
import type { RawRow } from '../../src/io/types.js';
import { cellAt, fixture, readRows, sheet, values } from './helpers.js';

/** What make-fixtures.mjs wrote into people.xlsx (row 4 and 5 of sheet 明细). */
describe('xlsx cells (people.xlsx, streamed)', async () => {
  const wb = await openWorkbook(fixture('people.xlsx'));
  const rows = await readRows(sheet(wb, '明细'));

  it('keeps an 18-digit ID typed as a number as an exact number with its format', () => {
    expect(cellAt(rows, 4, 2)).toEqual({ v: 360426199101010000, fmt: '0', numeric: true });
  });
  it('gives date-formatted numbers back as serial numbers with the format', () => {
    expect(cellAt(rows, 4, 3)).toEqual({ v: 33239, fmt: 'yyyy-mm-dd', numeric: true });
    expect(cellAt(rows, 5, 3)).toEqual({ v: 41917, fmt: 'yyyy"年"m"月"d"日"', numeric: true });
  });
  it('keeps dates typed as text as text', () => {
    expect(cellAt(rows, 4, 4)).toEqual({ v: '2016.5.3' });
    expect(cellAt(rows, 5, 4)).toEqual({ v: '2016年5月3日' });
    expect(cellAt(rows, 7, 4)).toEqual({ v: '201605' });
  });
  it('IDs and phones typed as text stay strings', () => {
    expect(cellAt(rows, 5, 2)).toEqual({ v: '44011320141005001X' });
    expect(cellAt(rows, 4, 9)).toEqual({ v: '13800000000' });
  });
  it('formula cells give their result, with the number format', () => {
    expect(cellAt(rows, 4, 5)).toEqual({ v: 3500, fmt: 'General', numeric: true });
    expect(cellAt(rows, 10, 5)).toEqual({ v: 13300.5, fmt: '#,##0.00', numeric: true });
  });
  it('joins rich text runs, keeps hyperlink text and error text', () => {
    expect(cellAt(rows, 5, 7)).toEqual({ v: '低保户' });
    expect(cellAt(rows, 4, 7)).toEqual({ v: '档案链接' });
    expect(cellAt(rows, 4, 8)).toEqual({ v: '#N/A' });
  });
  it('keeps header text as written and original row numbers', () => {
    expect(cellAt(rows, 3, 2)).toEqual({ v: '身份证号码\n（必填）' });
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
  it('keeps a cell holding only spaces', () => {
    expect(cellAt(rows, 6, 1)).toEqual({ v: '   ' });
  });
  it('flags the hidden column', () => {
    expect(sheet(wb, '明细').hiddenColumns).toEqual([6]);
    expect(wb.date1904).toBe(false);
  });
});

describe('xlsx written by other writers and read by other paths give the same cells', async () => {
  const reference = await values((await openWorkbook(fixture('people.xlsx'))).sheets[0]);
  const sameCells = async (name: string) => {
    const wb = await openWorkbook(fixture(name));
    const got = await values(wb.sheets[0]);
    for (const [row, cells] of reference) {
      // A cell of spaces counts as empty in every reader's eyes.
      const trim = (v: unknown[] | undefined) => (v ?? []).map((x) => (typeof x === 'string' && x.trim() === '' ? undefined : x));
      expect({ row, cells: trim(got.get(row)) }).toEqual({ row, cells: trim(cells) });
    }
    expect([...got.keys()].filter((r) => !reference.has(r) && got.get(r)?.some((v) => v !== undefined))).toEqual([]);
    return wb;
  };
  it('parts in an order that makes exceljs parse the sheet as it streams (ordered.xlsx)', async () => {
    const wb = await sameCells('ordered.xlsx');
    // The fast reader reads <mergeCells> (after the sheet data) before the first row is handed out.
    expect(wb.sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 10 }]);
  });
  it('styles after the sheets: read through SheetJS (late-styles.xlsx)', async () => {
    const wb = await sameCells('late-styles.xlsx');
    expect(wb.sheets[0].merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 10 }); // read whole
    const rows = await readRows(wb.sheets[0]);
    expect(cellAt(rows, 4, 3)).toEqual({ v: 33239, fmt: 'yyyy-mm-dd', numeric: true });
    expect(wb.sheets[0].hiddenColumns).toEqual([6]);
  });
  it('BIFF8 written by LibreOffice (people.xls)', async () => {
    const wb = await sameCells('people.xls');
    const rows = await readRows(wb.sheets[0]);
    expect(cellAt(rows, 4, 2)).toEqual({ v: 360426199101010000, fmt: '0', numeric: true });
    expect(cellAt(rows, 4, 3)?.fmt).toMatch(/yyyy.*mm.*dd/);
    expect(wb.sheets[0].hiddenColumns).toEqual([6]);
    expect(wb.sheets[0].merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 10 });
  });
  it('BIFF5 in code page 936 written by Gnumeric (people-biff5.xls): Chinese decodes', async () => {
    const wb = await sameCells('people-biff5.xls');
    expect(wb.sheets[0].name).toBe('明细');
    const rows = await readRows(wb.sheets[0]);
    expect(cellAt(rows, 1, 0)).toEqual({ v: 'XX县建档立卡贫困人口明细表' });
    expect(cellAt(rows, 4, 2)).toEqual({ v: 360426199101010000, fmt: '0', numeric: true });
  });
});

describe('workbooks with several sheets', () => {
  it('lists sheets in order with their hidden state and reads each', async () => {
    const wb = await openWorkbook(fixture('multi-sheet.xlsx'));
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['甲村', false],
      ['乙村', true],
      ['丙村', false],
    ]);
    const names = [];
    for (const s of wb.sheets) names.push((await values(s)).get(2)?.[0]);
    expect(names).toEqual(['张三', '李四', '王五']);
  });
  it('reads sheets out of order, twice, and after leaving one early', async () => {
    const wb = await openWorkbook(fixture('multi-sheet.xlsx'));
    expect((await values(sheet(wb, '丙村'))).get(2)?.[0]).toBe('王五');
    expect((await values(sheet(wb, '甲村'))).get(2)?.[0]).toBe('张三');
    for await (const row of sheet(wb, '乙村').rows()) {
      expect(row.row).toBe(1);
      break;
    }
    expect((await values(sheet(wb, '乙村'))).get(2)?.[0]).toBe('李四');
    expect((await values(sheet(wb, '丙村'))).get(2)?.[0]).toBe('王五');
  });
  it('reads two sheets at the same time', async () => {
    const wb = await openWorkbook(fixture('multi-sheet.xlsx'));
    const a = sheet(wb, '甲村').rows()[Symbol.asyncIterator]();
    const c = sheet(wb, '丙村').rows()[Symbol.asyncIterator]();
    const seen: RawRow[] = [];
    for (let i = 0; i < 3; i++) {
      for (const it of [a, c]) {
        const next = await it.next();
        if (!next.done) seen.push(next.value);
      }
    }
    expect(seen.map((r) => r.cells[0]?.v)).toEqual(['姓名', '姓名', '张三', '王五']);
  });
});

describe('date-formatted numbers (date1904.xlsx)', () => {
  it('reports the 1904 flag and gives serial numbers exactly as stored', async () => {
    const wb = await openWorkbook(fixture('date1904.xlsx'));
    expect(wb.date1904).toBe(true);
    const rows = await readRows(wb.sheets[0]);
    expect(cellAt(rows, 2, 1)).toEqual({ v: 40000, fmt: 'yyyy-mm-dd', numeric: true });
    expect(cellAt(rows, 2, 2)).toEqual({ v: 40000.123456789, fmt: 'yyyy-mm-dd hh:mm:ss', numeric: true });
  });
  it('an ID number under a date format stays the number', async () => {
    const rows = await readRows((await openWorkbook(fixture('date1904.xlsx'))).sheets[0]);
    expect(cellAt(rows, 2, 3)).toEqual({ v: 360426199101010000, fmt: 'yyyy-mm-dd', numeric: true });
  });
});

describe('Chinese text across inflate chunks (exceljs streaming bug)', () => {
  const bigName = (i: number) => `王${i}号村民甲乙丙丁`;
  for (const [name, first] of [
    ['big-strings.xlsx', 2],
    ['inline-strings.xlsx', 3],
  ] as const) {
    it(`${name}: every one of 3000 names intact`, async () => {
      const rows = await readRows((await openWorkbook(fixture(name))).sheets[0]);
      const names = rows.filter((r) => r.row >= first).map((r) => r.cells[1]?.v);
      expect(names).toHaveLength(3000);
      names.forEach((n, i) => expect(n).toBe(bigName(i + 1)));
    });
  }
  it('inline rich text keeps all its runs', async () => {
    const rows = await readRows((await openWorkbook(fixture('inline-strings.xlsx'))).sheets[0]);
    expect(cellAt(rows, 2, 1)).toEqual({ v: '张三' });
  });
});
