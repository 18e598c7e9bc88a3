import { describe, expect, it } from 'vitest';
import { cellText, outWidth, textWidth, wrappedLines } from '../../src/report/cells.js';
import { compareText } from '../../src/model/order.js';

describe('cell text', () => {
  it('drops characters XML cannot hold and keeps tabs and line breaks', () => {
    expect(cellText('a\u0000b\u0007c\u000Bd\uFFFEe')).toBe('abcde');
    expect(cellText('\t=1+1\r\n')).toBe('\t=1+1\r\n');
  });

  it('cuts text to the 32767 characters of an Excel cell and says so', () => {
    const long = cellText('长'.repeat(40000));
    expect(long).toHaveLength(32767);
    expect(long.endsWith('…（内容过长，已截断）')).toBe(true);
  });

  it('measures Chinese as double width', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('湖江镇')).toBe(6);
    expect(textWidth('（１）')).toBe(6);
    expect(outWidth('ab\n湖江镇夏府村')).toBe(12);
    expect(outWidth(3200)).toBe(4);
    expect(outWidth(null)).toBe(0);
    expect(wrappedLines('湖'.repeat(30), 21)).toBe(3);
    expect(wrappedLines('a\nb', 10)).toBe(2);
    expect(wrappedLines(12345, 3)).toBe(1);
  });

  it('measures as the code points say, surrogate pairs and empty lines included', () => {
    // Reference: the width of each code point as the iterator gives them, lines as split gives them.
    const wide = (c: number) =>
      c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000);
    const width = (s: string) => [...s].reduce((w, ch) => w + (wide(ch.codePointAt(0) ?? 0) ? 2 : 1), 0);
    expect(textWidth('𠀀a')).toBe(3); // U+20000, an extension-B character: double
    expect(textWidth('😀')).toBe(1); // U+1F600: one
    expect(textWidth('\ud840')).toBe(1); // a lone surrogate
    expect(textWidth('\ud840𠀀', 1)).toBe(2);
    const pieces = ['a', '湖', '\n', '𠀀', '😀', '\ud840', '\udc00', '１', '가', ' '];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let k = next() % 12; k > 0; k--) s += pieces[next() % pieces.length];
      expect(textWidth(s)).toBe(width(s));
      expect(outWidth(s)).toBe(Math.max(...s.split('\n').map(width)));
      expect(wrappedLines(s, 5)).toBe(s.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(width(line) / 4)), 0));
    }
  });
});

describe('helpers', () => {
  it('orders text by code unit with nulls last', () => {
    expect(['王母渡镇', null, '湖江镇'].sort(compareText)).toEqual(['湖江镇', '王母渡镇', null]);
  });
});
