/**
 * Number formats of an xlsx: the format code of each cell style (`<cellXfs>` entry), from the file's own
 * `<numFmts>` or, for ids a file uses without defining them, the built-in formats of ECMA-376 / MS-XLS 2.4.126
 * in their Simplified Chinese form (ids 27–36 and 50–58 are the Chinese date and time formats).
 * Ids 5–8, 23–26 and 41–44 are always defined by the file itself.
 */
import { elements } from './xlsx-meta.js';

export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The `<name>…</name>` block of a part (any namespace prefix), or '' when there is none. */
function block(xml: string, name: string): string {
  const open = new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*?(/?)>`).exec(xml);
  if (!open || open[1] === '/') return '';
  const close = new RegExp(`</(?:[\\w.-]+:)?${name}\\s*>`).exec(xml.slice(open.index));
  return close ? xml.slice(open.index, open.index + close.index) : xml.slice(open.index);
}

function whole(s: string | undefined): number {
  return s !== undefined && /^\s*\d{1,9}\s*$/.test(s) ? Number(s) : -1;
}

/**
 * Format code per cell style index, from the text of `xl/styles.xml`. A style without a known format has
 * `undefined` (read as General).
 */
export function styleFormats(stylesXml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  for (const fmt of elements(block(stylesXml, 'numFmts'), 'numFmt')) {
    const code = fmt.get('formatCode');
    const key = whole(fmt.get('numFmtId'));
    if (key >= 0 && code !== undefined) custom.set(key, code);
  }
  return elements(block(stylesXml, 'cellXfs'), 'xf').map((xf) => {
    const key = whole(xf.get('numFmtId'));
    if (key < 0) return undefined;
    return custom.get(key) ?? BUILTIN_FORMATS[key];
  });
}
