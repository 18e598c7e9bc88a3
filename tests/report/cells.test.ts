import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellText, outWidth, textWidth, wrappedLines } from '../../src/report/cells.js';
import { compareText } from '../../src/model/order.js';
import { columnLetter } from '../../src/report/table.js';
import { dosDateTime, fixZipTimes, setZipTimes } from '../../src/report/zip-time.js';

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
  it('names columns by letters', () => {
    expect([1, 19, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'S', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('orders text by code unit with nulls last', () => {
    expect(['王母渡镇', null, '湖江镇'].sort(compareText)).toEqual(['湖江镇', '王母渡镇', null]);
  });
});

describe('zip entry times', () => {
  it('encodes MS-DOS dates', () => {
    expect(dosDateTime(new Date('2024-06-30T00:00:00Z'))).toEqual({ date: (44 << 9) | (6 << 5) | 30, time: 0 });
    expect(dosDateTime(new Date('2016-05-03T13:45:31Z'))).toEqual({ date: (36 << 9) | (5 << 5) | 3, time: (13 << 11) | (45 << 5) | 15 });
  });

  it('leaves a file that is not a zip untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jz-zip-'));
    const file = join(dir, 'not.zip');
    await writeFile(file, 'PK but not a zip at all, long enough to be searched for a directory record');
    await fixZipTimes(file, new Date('2024-06-30T00:00:00Z'));
    expect(await readFile(file, 'utf8')).toBe('PK but not a zip at all, long enough to be searched for a directory record');
    expect(setZipTimes(Buffer.alloc(10), new Date())).toBe(false);
  });
});
