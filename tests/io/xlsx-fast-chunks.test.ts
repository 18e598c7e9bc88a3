/**
 * The fast reader's sheet tokenizer reads each chunk of bytes where it lies: the rest kept from the previous
 * chunk is joined only with the chunk's bytes up to its first `</row>`. These tests cut the text where that `</row>` does
 * not end the unfinished element (inside a comment, inside CDATA), and check that the cells of one shared
 * string are one object, in every sheet of a workbook, equal to what a fresh read gives.
 */
import { describe, expect, it } from 'vitest';
import { SheetTokenizer } from '../../src/io/xlsx-fast-sheet.js';
import { CellCache, type CellContext } from '../../src/io/xlsx-fast-cell.js';
import type { RawRow } from '../../src/io/types.js';
import { openFastXlsx } from '../../src/io/xlsx-fast.js';
import { ZipFile } from '../../src/io/zip.js';
import { buildXlsx, MAIN_NS, row } from './xlsx-fast-build.js';
import { readRows } from './helpers.js';

const ctx: CellContext = { strings: ['甲', '乙'], formats: [], date1904: false };

function tokenize(pieces: Buffer[]): RawRow[] {
  const t = new SheetTokenizer(ctx, new CellCache(ctx));
  const out: RawRow[] = [];
  for (const p of pieces) t.push(p, out);
  t.end();
  return out;
}

const SHEET_XML =
  `<?xml version="1.0"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>` +
  row(1, '<c r="A1" t="inlineStr"><is><t><![CDATA[a</row>b]]></t></is></c><c r="B1"><v>1</v></c>') +
  row(2, '<!-- </row> --><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c>') +
  row(3, '<c r="A3" t="s"><v>0</v></c><!-- a --><c r="C3"><v>2.5</v></c>') +
  '</sheetData></worksheet>';
const SHEET = Buffer.from(SHEET_XML, 'utf8');

describe('sheet text cut where the next `</row>` does not end the unfinished element', () => {
  const whole = tokenize([SHEET]);

  it('reads the rows of the whole text', () => {
    expect(whole.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(whole[0].cells[0]?.v).toBe('a</row>b');
    expect(whole[1].cells.map((c) => c?.v)).toEqual(['甲', '乙']);
    expect(whole[2].cells[2]?.v).toBe(2.5);
  });

  it('gives the same rows for a cut at every position', () => {
    for (let k = 1; k < SHEET.length; k++) expect(tokenize([SHEET.subarray(0, k), SHEET.subarray(k)])).toEqual(whole);
  });

  it('gives the same rows for three pieces around each `</row>`', () => {
    for (let at = SHEET.indexOf('</row>'); at >= 0; at = SHEET.indexOf('</row>', at + 1)) {
      for (let k = Math.max(1, at - 12); k < at; k++) {
        expect(tokenize([SHEET.subarray(0, k), SHEET.subarray(k, at + 3), SHEET.subarray(at + 3)])).toEqual(whole);
      }
    }
  });
});

describe('shared-string cells', () => {
  it('one object per shared string across the sheets of a workbook, equal to a fresh cell', async () => {
    const body = `<sheetData>${row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>')}${row(2, '<c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>2</v></c>')}</sheetData>`;
    const file = buildXlsx('shared-cells.xlsx', {
      sheets: [
        { name: '一', body },
        { name: '二', body },
      ],
      sharedStrings: '<si><t>会昌县</t></si><si><t>360733194005163702</t></si><si><t></t></si>',
    });
    const wb = await openFastXlsx(file, await ZipFile.open(file));
    if (!wb) throw new Error('the fast reader did not take the workbook');
    const [a, b] = [await readRows(wb.sheets[0]), await readRows(wb.sheets[1])];
    expect(a[0].cells[0]).toEqual({ v: '会昌县' });
    expect(a[0].cells[1]).toEqual({ v: '360733194005163702' });
    expect(a[1].cells[0]).toBe(a[0].cells[0]);
    expect(b[0].cells[0]).toBe(a[0].cells[0]);
    // An empty shared string is no cell, every time.
    expect(a[1].cells[1]).toBeUndefined();
    expect(b[1].cells[1]).toBeUndefined();
  });
});

describe('small-integer cells', () => {
  it('one object per integer and number format; other numbers read as before', async () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
      '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>';
    const cells = (r: number) =>
      `<c r="A${r}"><v>4</v></c><c r="B${r}" s="1"><v>43101</v></c><c r="C${r}"><v>0043101</v></c>` +
      `<c r="D${r}"><v>43101</v></c><c r="E${r}"><v>12345678</v></c><c r="F${r}"><v>2.5</v></c><c r="G${r}"><v> 7</v></c>` +
      `<c r="H${r}"><v>1234567</v></c>`;
    const file = buildXlsx('small-integers.xlsx', {
      sheets: [{ name: '一', body: `<sheetData>${row(1, cells(1))}${row(2, cells(2))}</sheetData>` }],
      styles,
    });
    const wb = await openFastXlsx(file, await ZipFile.open(file));
    if (!wb) throw new Error('the fast reader did not take the workbook');
    const [a, b] = await readRows(wb.sheets[0]);
    expect(a.cells.map((c) => [c?.v, c?.fmt])).toEqual([
      [4, 'General'],
      [43101, 'yyyy-mm-dd'],
      [43101, 'General'],
      [43101, 'General'],
      [12345678, 'General'],
      [2.5, 'General'],
      [7, 'General'],
      [1234567, 'General'],
    ]);
    expect(b.cells[0]).toBe(a.cells[0]);
    expect(b.cells[1]).toBe(a.cells[1]);
    expect(a.cells[2]).toBe(a.cells[3]);
    expect(a.cells[1]).not.toBe(a.cells[3]);
    expect(b.cells[4]).not.toBe(a.cells[4]);
    expect(b.cells[7]).toBe(a.cells[7]);
    expect(b.cells).toEqual(a.cells);
  });
});

describe('shared strings decoded from bytes', () => {
  it('plain items and items needing decoding give their text', async () => {
    const { SharedStringsParser } = await import('../../src/io/xlsx-fast-parts.js');
    const items: [string, string][] = [
      ['<si><t>360733194005163702</t></si>', '360733194005163702'],
      ['<si><t>会昌县下岭镇杨埠村</t></si>', '会昌县下岭镇杨埠村'],
      ['<si><t xml:space="preserve"> 两边有空格 </t></si>', ' 两边有空格 '],
      ['<si><t></t></si>', ''],
      ['<si><t>a&amp;b</t></si>', 'a&b'],
      ['<si><t>x_x000D_y</t></si>', 'x\ry'],
      ['<si><t>一\r\n二</t></si>', '一\n二'],
      ['<si><tx>不是t</tx><t>是</t></si>', '是'],
      ['<si><r><t>李</t></r><r><t>四</t></r></si>', '李四'],
    ];
    const xml = Buffer.from(`<sst xmlns="${MAIN_NS}">${items.map(([item]) => item).join('')}</sst>`, 'utf8');
    for (let k = 1; k < xml.length; k += 3) {
      const p = new SharedStringsParser();
      p.push(xml.subarray(0, k));
      p.push(xml.subarray(k));
      expect(p.end()).toEqual(items.map(([, text]) => text));
    }
  });
});
