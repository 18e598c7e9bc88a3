import { expect, test } from 'vitest';
import { cleanPlace, placeKey, villageKey } from '../../src/normalize/place.js';

test('village spellings share a key', () => {
  const keys = ['黄金村', '黄金村委会', '黄金村民委员会', '黄金', ' 黄 金 村 ', '黄金村委'].map(placeKey);
  expect(new Set(keys)).toEqual(new Set(['黄金']));
});

test('township spellings share a key', () => {
  const keys = ['某某乡', '某某镇', '某某镇人民政府', '某某乡人民政府', '某某乡政府'].map(placeKey);
  expect(new Set(keys)).toEqual(new Set(['某某']));
});

test('streets and communities', () => {
  expect(placeKey('红旗街道办事处')).toBe(placeKey('红旗街道'));
  expect(placeKey('光明社区居委会')).toBe(placeKey('光明社区'));
  expect(placeKey('光明社区居民委员会')).toBe('光明');
});

test('NFKC, and a suffix is never stripped down to nothing', () => {
  expect(placeKey('黄金村（一组）')).toBe(placeKey('黄金村(一组)'));
  expect(placeKey('村')).toBe('村');
  expect(placeKey('')).toBe('');
  expect(placeKey('黄金')).not.toBe(placeKey('白银'));
});

test('cleanPlace keeps the name for display', () => {
  expect(cleanPlace(' 黄金 村委会 ')).toBe('黄金村委会');
  expect(cleanPlace('黄金\u3000村')).toBe('黄金村');
});

test('villageKey qualifies the village by its township', () => {
  expect(villageKey('梅林镇', '黄金村委会')).toBe(villageKey('梅林乡人民政府', '黄金村'));
  expect(villageKey('梅林镇', '黄金村')).not.toBe(villageKey('长洛乡', '黄金村'));
});
