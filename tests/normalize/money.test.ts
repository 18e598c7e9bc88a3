import { describe, expect, test } from 'vitest';
import { chineseNumber, parseCount, parseMoney, unitMultiplier } from '../../src/normalize/money.js';

describe('parseMoney', () => {
  test.each([
    ['1,234.50', 1234.5],
    ['1234', 1234],
    ['¥1234', 1234],
    ['￥1,234', 1234],
    ['1234元', 1234],
    ['1234 元', 1234],
    ['1.2万', 12000],
    ['1.2万元', 12000],
    ['１２３４．５', 1234.5],
    ['-500', -500],
    ['－500', -500],
    ['(500)', -500],
    ['0', 0],
    ['.5', 0.5],
  ] as const)('%s', (text, value) => {
    expect(parseMoney(text)).toEqual({ value, problem: null });
  });

  test('numeric cells and the sheet unit', () => {
    expect(parseMoney({ v: 2952.5, numeric: true })).toEqual({ value: 2952.5, problem: null });
    expect(parseMoney({ v: 0.35, numeric: true }, { multiplier: 10000 })).toEqual({ value: 3500, problem: null });
    expect(parseMoney('0.35', { multiplier: 10000 }).value).toBe(3500);
    expect(parseMoney('3500元', { multiplier: 10000 }).value).toBe(3500);
    expect(parseMoney('0.35万', { multiplier: 1000 }).value).toBe(3500);
  });

  test('not money', () => {
    expect(parseMoney('约三千').problem).toBe('无法识别的金额：约三千');
    expect(parseMoney('1,23').value).toBeNull();
    expect(parseMoney('12.3.4').value).toBeNull();
    expect(parseMoney('元').value).toBeNull();
    expect(parseMoney('')).toEqual({ value: null, problem: null });
  });
});

test('unitMultiplier', () => {
  expect(unitMultiplier('单位：元')).toBe(1);
  expect(unitMultiplier('单位：万元')).toBe(10000);
  expect(unitMultiplier('单位:千元')).toBe(1000);
  expect(unitMultiplier('  单位： 万元  ')).toBe(10000);
  expect(unitMultiplier('填报单位：XX乡人民政府        单位：元')).toBe(1);
  expect(unitMultiplier('人均纯收入（元）')).toBe(1);
  expect(unitMultiplier('金额(万元)')).toBe(10000);
  expect(unitMultiplier('人均纯收入（元/人）')).toBe(1);
  expect(unitMultiplier('XX县建档立卡贫困人口明细表')).toBeNull();
  expect(unitMultiplier('务工时间（月）')).toBeNull();
});

describe('parseCount', () => {
  test.each([
    ['5', 5],
    ['5人', 5],
    ['5 人', 5],
    ['５口', 5],
    ['五', 5],
    ['五人', 5],
    ['十', 10],
    ['十二', 12],
    ['两人', 2],
    ['5.0', 5],
  ] as const)('%s', (text, value) => {
    expect(parseCount(text)).toEqual({ value, problem: null });
  });

  test('numeric cells and bad counts', () => {
    expect(parseCount({ v: 4, numeric: true })).toEqual({ value: 4, problem: null });
    expect(parseCount({ v: 4.5, numeric: true }).problem).toBe('人数应为整数：4.5');
    expect(parseCount('若干').problem).toBe('无法识别的人数：若干');
    expect(parseCount('-3').value).toBeNull();
    expect(parseCount('')).toEqual({ value: null, problem: null });
  });

  test('chineseNumber', () => {
    expect(chineseNumber('二十三')).toBe(23);
    expect(chineseNumber('〇')).toBe(0);
    expect(chineseNumber('百')).toBeNull();
  });
});
