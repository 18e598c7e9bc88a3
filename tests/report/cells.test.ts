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
});

describe('helpers', () => {
  it('orders text by code unit with nulls last', () => {
    expect(['王母渡镇', null, '湖江镇'].sort(compareText)).toEqual(['湖江镇', '王母渡镇', null]);
  });
});
