import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../src/io/open.js';
import { ReadError } from '../../src/io/types.js';
import { fixture, readRows } from './helpers.js';

describe('openWorkbook: the content decides the reader, not the extension', () => {
  const cases: [string, string, string | null][] = [
    ['people.xlsx', 'xlsx', null],
    ['people.xls', 'xls-biff8', null],
    ['people-biff5.xls', 'xls-biff5', null],
    ['html-table.xls', 'xls-html', 'gb18030'],
    ['spreadsheetml.xls', 'xls-spreadsheetml', 'utf-8'],
    ['hukou.xls', 'tsv', 'gb18030'],
    ['gb18030.csv', 'csv', 'gb18030'],
    ['utf8.csv', 'csv', 'utf-8'],
    ['utf8-bom.csv', 'csv', 'utf-8-bom'],
    ['utf16le.txt', 'tsv', 'utf-16le'],
    ['semicolon.csv', 'csv', 'utf-8'],
  ];
  for (const [name, format, encoding] of cases) {
    it(`${name} → ${format}`, async () => {
      const wb = await openWorkbook(fixture(name));
      expect(wb.format).toBe(format);
      expect(wb.encoding).toBe(encoding);
      expect(wb.file).toBe(fixture(name));
    });
  }

  it('reads an xlsx whatever it is called', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jz-io-'));
    try {
      const disguised = join(dir, '户籍导出.csv');
      copyFileSync(fixture('multi-sheet.xlsx'), disguised);
      const wb = await openWorkbook(disguised);
      expect(wb.format).toBe('xlsx');
      expect(wb.sheets.map((s) => s.name)).toEqual(['甲村', '乙村', '丙村']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('openWorkbook: unreadable files end as ReadError in Chinese naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jz-io-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function failure(file: string): Promise<ReadError> {
    try {
      const wb = await openWorkbook(file);
      for (const s of wb.sheets) await readRows(s);
    } catch (err) {
      expect(err).toBeInstanceOf(ReadError);
      const e = err as ReadError;
      expect(e.file).toBe(file);
      expect(e.message).toContain(file);
      expect(e.message).not.toMatch(/\n\s+at /); // no stack trace
      return e;
    }
    throw new Error(`${file} was read without error`);
  }

  it('missing file', async () => {
    expect((await failure(fixture('不存在的文件.xlsx'))).message).toContain('文件不存在');
  });
  it('empty file', async () => {
    expect((await failure(fixture('empty.csv'))).message).toContain('文件为空');
  });
  it('random bytes named .xlsx', async () => {
    expect((await failure(fixture('random.xlsx'))).message).toContain('文件已损坏或不是电子表格');
  });
  it('truncated zip', async () => {
    expect((await failure(fixture('truncated.xlsx'))).message).toContain('文件已损坏或不是电子表格');
  });
  it('corrupt xls', async () => {
    expect((await failure(fixture('corrupt.xls'))).message).toContain('文件已损坏或不是电子表格');
  });
  it('zip intact but sheet data damaged: fails while streaming, still a ReadError', async () => {
    const e = await failure(fixture('corrupt-sheet.xlsx'));
    expect(e.message).toContain('工作表「名单」读取失败');
    expect(e.message).toContain('文件已损坏或不是电子表格');
  });
  it('CSV with a quote never closed: every row is read, the stray quote kept as text in its cell', async () => {
    const wb = await openWorkbook(fixture('open-quote.csv'));
    const rows: { row: number; cells: (string | undefined)[] }[] = [];
    for await (const row of wb.sheets[0].rows()) rows.push({ row: row.row, cells: row.cells.map((c) => c?.v as string | undefined) });
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(rows[2].cells[1]).toBe('"没有闭合');
    expect(rows[3].cells).toEqual(['王五', '正常']);
  });
  it('a directory', async () => {
    expect((await failure(dir)).message).toContain('文件夹');
  });
  it.skipIf(process.getuid?.() === 0)('no permission to read', async () => {
    const locked = join(dir, 'locked.csv');
    copyFileSync(fixture('utf8.csv'), locked);
    chmodSync(locked, 0o000);
    expect((await failure(locked)).message).toContain('权限');
  });
});
