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
