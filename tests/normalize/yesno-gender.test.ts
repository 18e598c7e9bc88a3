import { describe, expect, test } from 'vitest';
import { parseYesNo } from '../../src/normalize/yesno.js';
import { parseGender } from '../../src/normalize/gender.js';

describe('parseYesNo', () => {
  test.each(['是', '有', '1', 'Y', 'y', 'yes', 'YES', '√', '✓', 'TRUE', '已解决', '已签字', ' 是 ', 'Ｙ'])('yes: %s', (t) => {
    expect(parseYesNo(t)).toEqual({ value: true, problem: null });
  });
  test.each(['否', '无', '0', 'N', 'no', '×', '✗', 'FALSE', '未解决', '未签字', '没有', '不是'])('no: %s', (t) => {
    expect(parseYesNo(t)).toEqual({ value: false, problem: null });
  });
  test('blank is unknown, not no', () => {
    for (const c of ['', '   ', null, undefined, { v: null }, '不详']) expect(parseYesNo(c)).toEqual({ value: null, problem: null });
  });
  test('cells', () => {
    expect(parseYesNo({ v: true })).toEqual({ value: true, problem: null });
    expect(parseYesNo({ v: 0, numeric: true })).toEqual({ value: false, problem: null });
    expect(parseYesNo({ v: 2, numeric: true }).problem).toBe('无法识别的是否值：2（应为“是”或“否”）');
  });
  test('unrecognised', () => {
    expect(parseYesNo('可能').value).toBeNull();
    expect(parseYesNo('可能').problem).toBe('无法识别的是否值：可能（应为“是”或“否”）');
  });
});

describe('parseGender', () => {
  test.each([
    ['男', 'M'],
    ['女', 'F'],
    ['男性', 'M'],
    ['女性', 'F'],
    ['M', 'M'],
    ['f', 'F'],
    ['1', 'M'],
    ['2', 'F'],
    ['1-男', 'M'],
  ] as const)('%s', (t, g) => {
    expect(parseGender(t)).toEqual({ gender: g, problem: null });
  });
  test('the national version codes 女=1 男=2', () => {
    expect(parseGender('1', { femaleIsOne: true }).gender).toBe('F');
    expect(parseGender('2', { femaleIsOne: true }).gender).toBe('M');
    expect(parseGender({ v: 1, numeric: true }, { femaleIsOne: true }).gender).toBe('F');
    expect(parseGender('男', { femaleIsOne: true }).gender).toBe('M');
  });
  test('unknown and unrecognised', () => {
    expect(parseGender('')).toEqual({ gender: null, problem: null });
    expect(parseGender('9').problem).toBe('性别未填写清楚（9）');
    expect(parseGender('X').problem).toBe('无法识别的性别：X');
  });
});
