import { describe, expect, test } from 'vitest';
import { normalizePhone, samePhone } from '../../src/normalize/phone.js';

describe('normalizePhone', () => {
  test.each([
    ['13807971234', '13807971234'],
    ['138-0797-1234', '13807971234'],
    ['138 0797 1234', '13807971234'],
    ['+86 138 0797 1234', '13807971234'],
    ['+8613807971234', '13807971234'],
    ['+86 13807971234', '13807971234'],
    ['(+86) 138-0797-1234', '13807971234'],
    ['86-13807971234', '13807971234'],
    ['１３８０７９７１２３４', '13807971234'],
    ["'13807971234", '13807971234'],
  ])('mobile %s', (raw, phone) => {
    expect(normalizePhone(raw)).toMatchObject({ phone, type: 'mobile', problem: null });
  });

  test('a mobile in a numeric cell is exact', () => {
    expect(normalizePhone({ v: 13807971234, numeric: true })).toMatchObject({ phone: '13807971234', type: 'mobile' });
  });

  test.each([
    ['0797-1234567', '0797-1234567'],
    ['0797 1234567', '0797-1234567'],
    ['(0797)1234567', '0797-1234567'],
    ['（0797）1234567', '0797-1234567'],
    ['07971234567', '0797-1234567'],
    ['0797-12345678', '0797-12345678'],
    ['010-62751234', '010-62751234'],
    ['01062751234', '010-62751234'],
    ['02087654321', '020-87654321'],
  ])('landline %s', (raw, phone) => {
    expect(normalizePhone(raw)).toMatchObject({ phone, type: 'landline', problem: null });
  });

  test.each(['12345678901', '1380797123', '138079712345', '1234567', '0797-123', '0797-0234567', '无', '电话'])(
    'invalid %s',
    (raw) => {
      const r = normalizePhone(raw);
      expect(r.phone).toBeNull();
      expect(r.type).toBeNull();
      expect(r.problem).toBe(`电话号码无效（${raw}）`);
    },
  );

  test('a landline typed as a number lost its leading zero', () => {
    expect(normalizePhone({ v: 7971234567, numeric: true }).problem).toBe('电话号码无效（以数字格式保存，区号前的0可能已丢失）');
  });

  test('several numbers in one cell', () => {
    const r = normalizePhone('13807971234/0797-1234567');
    expect(r).toMatchObject({ phone: '13807971234', type: 'mobile', problem: null, others: ['0797-1234567'] });
    expect(normalizePhone('13807971234，13907971234').others).toEqual(['13907971234']);
    expect(normalizePhone('13807971234 13907971234').others).toEqual(['13907971234']);
    expect(normalizePhone('13807971234、12345').problem).toBe('电话号码无效（12345）');
  });

  test('blank is no problem', () => {
    expect(normalizePhone('')).toEqual({ raw: '', phone: null, type: null, problem: null });
    expect(normalizePhone(null).problem).toBeNull();
  });
});

test('samePhone', () => {
  expect(samePhone('138-0797-1234', '+86 13807971234')).toBe(true);
  expect(samePhone('(0797)1234567', '07971234567')).toBe(true);
  expect(samePhone('13907971234/13807971234', '13807971234')).toBe(true);
  expect(samePhone('13807971234', '13807971235')).toBe(false);
  expect(samePhone('', '')).toBe(false);
  expect(samePhone('123', '123')).toBe(false);
});
