import { describe, expect, test } from 'vitest';
import { cellText, compactText, expandExponent, isBlank, plainNumber, toHalfWidth } from '../../src/normalize/text.js';

describe('cellText', () => {
  test('text is trimmed, NBSP and zero-width characters and a leading apostrophe removed', () => {
    expect(cellText('  张三 ')).toBe('张三');
    expect(cellText('\u00a0张三\u00a0')).toBe('张三');
    expect(cellText('张\u200b三')).toBe('张三');
    expect(cellText("'360426199101010071")).toBe('360426199101010071');
    expect(cellText({ v: "  '0797-1234567" })).toBe('0797-1234567');
    expect(cellText('\ufeff户编号')).toBe('户编号');
  });

  test('numbers without exponent or grouping', () => {
    expect(cellText({ v: 3.6042619910101e17, numeric: true })).toBe('360426199101010000');
    expect(cellText({ v: 1e21, numeric: true })).toBe('1000000000000000000000');
    expect(cellText({ v: 1234567, numeric: true })).toBe('1234567');
    expect(cellText({ v: 0.1 + 0.2, numeric: true })).toBe('0.3');
    expect(cellText({ v: 2952.5, numeric: true })).toBe('2952.5');
    expect(cellText({ v: -12, numeric: true })).toBe('-12');
    expect(cellText({ v: 1.5e-7, numeric: true })).toBe('0.00000015');
  });

  test('booleans and empties', () => {
    expect(cellText({ v: true })).toBe('TRUE');
    expect(cellText({ v: null })).toBe('');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });
});

test('expandExponent and plainNumber', () => {
  expect(expandExponent('3.60426E+17')).toBe('360426000000000000');
  expect(expandExponent('3.6042619910101E+017')).toBe('360426199101010000');
  expect(expandExponent('1.5e-3')).toBe('0.0015');
  expect(expandExponent('abc')).toBe('abc');
  expect(plainNumber(42493)).toBe('42493');
});

test('toHalfWidth', () => {
  expect(toHalfWidth('３６０４２６Ｘ（月）')).toBe('360426X(月)');
  expect(toHalfWidth('张\u3000三')).toBe('张 三');
  expect(toHalfWidth('张三')).toBe('张三');
});

test('isBlank and compactText', () => {
  expect(isBlank('   ')).toBe(true);
  expect(isBlank('\u200b')).toBe(true);
  expect(isBlank({ v: null })).toBe(true);
  expect(isBlank({ v: 0, numeric: true })).toBe(false);
  expect(isBlank('否')).toBe(false);
  expect(compactText(' 已 脱 贫（享受政策）')).toBe('已脱贫(享受政策)');
});

describe('cleanText leaves clean text as it is and cleans the rest', () => {
  /** The cleaning rule stated plainly, as a reference for the fast path. */
  function reference(s: string): string {
    let t = s.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/[\u00A0\u202F\u2007]/g, ' ').trim();
    if (t.startsWith("'") || t.startsWith('＇')) t = t.slice(1).trim();
    return t;
  }

  test('boundaries of the fast path', () => {
    expect(cellText('张三\u3000')).toBe('张三');
    expect(cellText('张\u00a0三')).toBe('张 三');
    expect(cellText('张\u2060三')).toBe('张三');
    expect(cellText('张 三')).toBe('张 三');
    expect(cellText("O'Neil")).toBe("O'Neil");
    expect(cellText('＇张三')).toBe('张三');
    expect(cellText('𠮷三')).toBe('𠮷三');
  });

  test('agrees with the plain rule on random text', () => {
    const alphabet = ['a', '张', '𠮷', ' ', '\t', '\n', "'", '＇', '\u00a0', '\u200b', '\u2007', '\u3000', '\ufeff', '\u2028', '\u0085', '·', '１'];
    let seed = 3;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    for (let round = 0; round < 20000; round++) {
      let s = '';
      const length = Math.floor(next() * 6);
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * (next() < 0.7 ? 3 : alphabet.length))];
      expect([s, cellText(s)]).toEqual([s, reference(s)]);
    }
  });

  test('toHalfWidth converts from the first full-width character on', () => {
    expect(toHalfWidth('abc１２３')).toBe('abc123');
    expect(toHalfWidth('𠮷\u3000Ａ')).toBe('𠮷 A');
  });
});
