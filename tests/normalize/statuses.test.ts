import { expect, test } from 'vitest';
import { parseBoardStatus } from '../../src/normalize/board-status.js';
import { parsePersonStatus } from '../../src/normalize/person-status.js';

test('人员状态 codes and texts (DOMAIN §2.4)', () => {
  const cases = [
    ['0', 'normal'], ['1', 'dead'], ['2', 'movedOut'], ['3', 'military'], ['4', 'abroad'], ['6', 'missing'],
    ['8', 'cancelled'], ['9', 'other'], ['01', 'dead'], ['正常', 'normal'], ['死亡', 'dead'], ['死亡注销', 'dead'],
    ['迁出', 'movedOut'], ['服兵役', 'military'], ['出国境定居', 'abroad'], ['失踪', 'missing'], ['注销', 'cancelled'],
  ] as const;
  for (const [text, value] of cases) expect(parsePersonStatus(text), text).toEqual({ value, problem: null });
  expect(parsePersonStatus({ v: 1, numeric: true }).value).toBe('dead');
  expect(parsePersonStatus('')).toEqual({ value: null, problem: null });
  expect(parsePersonStatus('5').problem).toBe('无法识别的人员状态：5');
});

test('公示牌状态 (DOMAIN §2.5)', () => {
  const cases = [
    ['完好', 'intact'], ['完好无损', 'intact'], ['已悬挂', 'intact'], ['破损', 'broken'], ['字迹模糊', 'broken'],
    ['未悬挂', 'notHung'], ['无', 'notHung'], ['丢失', 'notHung'],
  ] as const;
  for (const [text, value] of cases) expect(parseBoardStatus(text), text).toEqual({ value, problem: null });
  expect(parseBoardStatus('')).toEqual({ value: null, problem: null });
  expect(parseBoardStatus('在墙上').problem).toBe('无法识别的公示牌状态：在墙上');
});
