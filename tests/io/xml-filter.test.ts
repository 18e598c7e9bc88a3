import { describe, expect, it } from 'vitest';
import { XmlPartFilter } from '../../src/io/xml-filter.js';
import { fsError } from '../../src/io/errors.js';

function filterInPieces(xml: string, cuts: number[]): string {
  const f = new XmlPartFilter();
  let out = '';
  let at = 0;
  for (const cut of [...cuts, xml.length]) {
    out += f.push(xml.slice(at, cut));
    at = cut;
  }
  return out + f.end();
}

const PRETTY = `<sst count="2">
  <si>
    <t>姓名</t>
  </si>
  <si>
    <t xml:space="preserve">   </t>
  </si>
  <si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>
</sst>`;
const PRETTY_OUT =
  '<sst count="2"><si><t>姓名</t></si><si><t xml:space="preserve">   </t></si><si><t>漢字</t><phoneticPr fontId="1"/></si></sst>';

const INLINE = '<row r="1"><c r="A1" t="inlineStr"><is><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r></is></c><c r="B1"><v>5</v></c></row>';
const INLINE_OUT = '<row r="1"><c r="A1" t="inlineStr"><is><r><t>张</t></r><r><rPr><b/></rPr>三</r></is></c><c r="B1"><v>5</v></c></row>';

describe('XmlPartFilter', () => {
  it('drops whitespace between tags and phonetic runs, keeps a cell of spaces', () => {
    expect(filterInPieces(PRETTY, [])).toBe(PRETTY_OUT);
  });
  it('lets all runs of an inline rich string into its first <t>', () => {
    expect(filterInPieces(INLINE, [])).toBe(INLINE_OUT);
  });
  it('gives the same result wherever the chunks are cut', () => {
    for (const [xml, expected] of [
      [PRETTY, PRETTY_OUT],
      [INLINE, INLINE_OUT],
    ]) {
      for (let cut = 1; cut < xml.length; cut++) expect(filterInPieces(xml, [cut])).toBe(expected);
      for (let cut = 1; cut + 7 < xml.length; cut += 3) expect(filterInPieces(xml, [cut, cut + 7])).toBe(expected);
    }
  });
  it('passes compact parts through unchanged', () => {
    const xml = '<?xml version="1.0"?><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>';
    expect(filterInPieces(xml, [10, 40])).toBe(xml);
  });
});

describe('file-system errors in Chinese', () => {
  it.each([
    ['ENOENT', '文件不存在'],
    ['EACCES', '没有读取该文件的权限'],
    ['EPERM', '没有读取该文件的权限'],
    ['EISDIR', '文件夹'],
  ])('%s', (code, text) => {
    const err = Object.assign(new Error(`${code}: open 'x.xlsx'`), { code, syscall: 'open' });
    const e = fsError('x.xlsx', err);
    expect(e.message).toContain(text);
    expect(e.message).toContain('x.xlsx');
  });
});
