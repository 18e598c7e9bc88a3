import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../src/io/open.js';
import { detectApostrophes, detectDelimiter, TEXT_CHUNK_SIZE } from '../../src/io/text.js';
import { fixture, readRows, values } from './helpers.js';

/** The table make-fixtures.mjs writes in every CSV flavour. */
const TABLE = [
  ['序号', '姓名', '身份证号码', '住址', '家庭人口'],
  ['1', '张三', '360426199101010071', '赣州市,赣县', '3'],
  ['2', '李𠮷', '44011320141005001X', '赣州市"南康"', '3'],
];

describe('delimited text in every encoding', () => {
  for (const name of ['gb18030.csv', 'utf8.csv', 'utf8-bom.csv', 'semicolon.csv', 'utf16le.txt']) {
    it(`${name}: text cells, quoted fields, records numbered from 1`, async () => {
      const rows = await readRows((await openWorkbook(fixture(name))).sheets[0]);
      TABLE.forEach((expected, i) => {
        expect(rows[i].row).toBe(i + 1);
        expect(rows[i].cells.map((c) => c?.v)).toEqual(expected);
        for (const c of rows[i].cells) expect(c?.numeric).toBeUndefined();
      });
    });
  }
  it('keeps blank lines as blank rows', async () => {
    const rows = await readRows((await openWorkbook(fixture('gb18030.csv'))).sheets[0]);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[3].cells.filter(Boolean)).toEqual([]);
    expect(rows[4].cells.map((c) => c?.v)).toEqual(['合计', undefined, undefined, undefined, '6']);
  });
  it('UTF-16 text keeps a quoted line break inside its cell', async () => {
    const got = await values((await openWorkbook(fixture('utf16le.txt'))).sheets[0]);
    expect(got.get(4)).toEqual(['3', '王五', '110102199101010078', '第一行\n第二行', '2']);
  });
  it('names the sheet after the file', async () => {
    expect((await openWorkbook(fixture('utf8.csv'))).sheets[0].name).toBe('utf8');
  });
});

describe('UTF-16 saved without a BOM', () => {
  it('is recognised by its NUL bytes on one side of every pair, and read like UTF-16 with a BOM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jingzhun-u16-'));
    try {
      // 一 (U+4E00) has a NUL low byte: a few NULs on the other side of the pairs.
      const table = [...TABLE, ['3', '一丁', '360426199101010071', '一村', '一']];
      const text = table.map((r) => r.join('\t')).join('\r\n') + '\r\n';
      const le = join(dir, 'le.txt');
      const be = join(dir, 'be.txt');
      await writeFile(le, Buffer.from(text, 'utf16le'));
      await writeFile(be, Buffer.from(text, 'utf16le').swap16());
      for (const [file, encoding] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
        const wb = await openWorkbook(file);
        expect(wb.encoding).toBe(encoding);
        const rows = await readRows(wb.sheets[0]);
        expect(rows.map((r) => r.cells.map((c) => c?.v))).toEqual(table);
      }
      // NULs on both sides of the pairs are no text.
      const junk = join(dir, 'junk.csv');
      await writeFile(junk, Buffer.from([0, 0, 0x41, 0, 0, 0x42, 0x43, 0, 0, 0, 0x44, 0x45, 0, 0x46, 0, 0]));
      await expect(openWorkbook(junk)).rejects.toThrow(/损坏/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('cells written as Excel text formulas', () => {
  it('="…" gives the text inside, quoted or not; other cells starting with = stay as they are', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jingzhun-eq-'));
    try {
      const file = join(dir, 'ids.csv');
      const lines = [
        '户编号,身份证号码,备注',
        '="3607331012010001",="36073319800101123X",="a""b"',
        '"=""3607331012010002""","=""360733198001011248""",=SUM(A1)',
        '="",="x,="',
      ];
      await writeFile(file, lines.join('\r\n') + '\r\n');
      const rows = await readRows((await openWorkbook(file)).sheets[0]);
      expect(rows.map((r) => r.cells.map((c) => c?.v))).toEqual([
        ['户编号', '身份证号码', '备注'],
        ['3607331012010001', '36073319800101123X', 'a"b'],
        ['3607331012010002', '360733198001011248', '=SUM(A1)'],
        // An empty formula is an empty cell; an unclosed one is text.
        [undefined, '="x', '="'],
      ]);
      // The DOS end-of-file mark (Ctrl-Z) after the last line is no row of content.
      await writeFile(file, lines.slice(0, 2).join('\r\n') + '\r\n\x1a');
      const marked = await readRows((await openWorkbook(file)).sheets[0]);
      expect(marked.map((r) => r.cells.filter(Boolean).length)).toEqual([3, 3, 0]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the hukou export: tab-separated GB18030 named .xls, cells prefixed with '", () => {
  it('strips exactly one leading apostrophe per cell', async () => {
    const wb = await openWorkbook(fixture('hukou.xls'));
    expect([wb.format, wb.encoding]).toEqual(['tsv', 'gb18030']);
    const got = await values(wb.sheets[0]);
    expect(got.get(1)).toEqual(['户号', '姓名', '公民身份号码', '与户主关系', '备注']);
    expect(got.get(2)).toEqual(['360721000001', '张三', '360426199101010071', '户主', "'引号"]);
    expect(got.get(3)).toEqual(['360721000001', '张小明', '36042620150101001X', '子']);
  });
  it('leaves apostrophes alone where most cells have none', () => {
    expect(detectApostrophes([['姓名', "O'Neil"], ['张三', "'1"]])).toBe(false);
    expect(detectApostrophes([["'姓名", "'证件"], ["'张三", '']])).toBe(true);
  });
});

describe('delimiter detection', () => {
  it('picks the delimiter found equally often on most lines', () => {
    expect(detectDelimiter('a\tb\tc\n1,5\t2\t3\n4\t5\t6')).toBe('\t');
    expect(detectDelimiter('姓名|证件|备注\n张三|1|"a|b"\n')).toBe('|');
    expect(detectDelimiter('a;b;c\n1;2,5;3')).toBe(';');
    expect(detectDelimiter('单列\n值')).toBe(',');
  });
});

describe('encoding detection reads the whole file, in chunks', () => {
  it('a GB18030 character straddling each chunk boundary decodes right', async () => {
    const file = fixture('gb18030-boundary.csv');
    const bytes = readFileSync(file);
    // The fixture really puts 张 (D5 C5) across the first boundary and 𠮷 (95 34 B2 35) across the second.
    expect(bytes.subarray(TEXT_CHUNK_SIZE - 1, TEXT_CHUNK_SIZE + 1).toString('hex')).toBe('d5c5');
    expect(bytes.subarray(2 * TEXT_CHUNK_SIZE - 2, 2 * TEXT_CHUNK_SIZE + 2).toString('hex')).toBe('9534b235');
    const wb = await openWorkbook(file);
    expect(wb.encoding).toBe('gb18030');
    // Independent decoder and splitter as the reference (the file has no quotes).
    const expected = iconv
      .decode(bytes, 'gb18030')
      .split('\r\n')
      .filter((l) => l !== '')
      .map((l) => l.split(','));
    const got = await readRows(wb.sheets[0]);
    expect(got.map((r) => r.cells.map((c) => c?.v))).toEqual(expected);
    expect(got.some((r) => r.cells[1]?.v === 'yyyyyyyyyyyyyy张三')).toBe(true);
  });
  for (const [name, encoding, bytes] of [
    ['late-utf8.csv', 'utf-8', (s: string) => Buffer.from(s, 'utf8')],
    ['late-gb18030.csv', 'gb18030', (s: string) => iconv.encode(s, 'gb18030')],
  ] as const) {
    it(`${name}: non-ASCII only after the first 64 KB`, async () => {
      const file = fixture(name);
      const raw = readFileSync(file);
      const firstNonAscii = raw.findIndex((b) => b >= 0x80);
      expect(firstNonAscii).toBeGreaterThan(TEXT_CHUNK_SIZE);
      expect(raw.subarray(firstNonAscii).indexOf(bytes('最后一行中文'))).toBe(0);
      const wb = await openWorkbook(file);
      expect(wb.encoding).toBe(encoding);
      const rows = await readRows(wb.sheets[0]);
      expect(rows.at(-1)?.cells.map((c) => c?.v)).toEqual(['99999', '最后一行中文']);
    });
  }
});

describe('streaming a large hukou-style file', () => {
  /** A GB18030 TSV with apostrophes, CR-only line ends and quoted line breaks, several chunks long. */
  async function makeFile(): Promise<{ file: string; expected: string[][]; dir: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'jingzhun-text-'));
    const lines = ["'户号\t'姓名\t'公民身份号码\t'住址"];
    const expected = [['户号', '姓名', '公民身份号码', '住址']];
    for (let i = 0; i < 3000; i++) {
      const no = String(100000 + i);
      const address = i % 97 === 0 ? '"\'江西省\r会昌县"' : `'江西省会昌县下岽镇杨坊村${i}号`;
      lines.push(`'${no}\t'张𠮷${i}\t'36073319820501${String(i).padStart(4, '0')}\t${address}`);
      expected.push([no, `张𠮷${i}`, `36073319820501${String(i).padStart(4, '0')}`, i % 97 === 0 ? '江西省\r会昌县' : `江西省会昌县下岽镇杨坊村${i}号`]);
    }
    const file = join(dir, '户籍.xls');
    await writeFile(file, iconv.encode(`${lines.join('\r')}\r`, 'gb18030'));
    return { file, expected, dir };
  }

  it('reads every row, wherever the chunks cut the lines', async () => {
    const { file, expected, dir } = await makeFile();
    try {
      expect(readFileSync(file).length).toBeGreaterThan(2 * TEXT_CHUNK_SIZE);
      const wb = await openWorkbook(file);
      expect([wb.format, wb.encoding]).toEqual(['tsv', 'gb18030']);
      const rows = await readRows(wb.sheets[0]);
      expect(rows.map((r) => r.row)).toEqual(expected.map((_, i) => i + 1));
      expect(rows.map((r) => Array.from(r.cells, (c) => c?.v))).toEqual(expected);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('leaves out the rows the caller will not use, wherever the chunks cut the lines, and numbers the rest as a full read', async () => {
    const { file, expected, dir } = await makeFile();
    try {
      const sheet = (await openWorkbook(file)).sheets[0];
      // Every third row passed over, quoted ones (every 97th) among them; each row asked about once.
      const asked: number[] = [];
      const skip = (row: number) => {
        asked.push(row);
        return row % 3 === 0;
      };
      const rows: { row: number; cells: (string | undefined)[] }[] = [];
      for await (const r of sheet.rows(skip)) rows.push({ row: r.row, cells: Array.from(r.cells, (c) => c?.v as string | undefined) });
      const want = expected.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.row % 3 !== 0);
      expect(rows).toEqual(want);
      expect(asked).toEqual(expected.map((_, i) => i + 1));
      expect(want.some((r) => r.cells[3]?.includes('\r'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('can stop early and start again', async () => {
    const { file, expected, dir } = await makeFile();
    try {
      const sheet = (await openWorkbook(file)).sheets[0];
      for await (const row of sheet.rows()) if (row.row === 2) break;
      const again = await readRows(sheet);
      expect(again.length).toBe(expected.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
