import { describe, expect, test } from 'vitest';
import {
  parseHealth,
  parseHousing,
  parsePovertyAttribute,
  parsePovertyCause,
  parsePovertyStatus,
  parseSchooling,
} from '../../src/normalize/poverty.js';

describe('parsePovertyAttribute', () => {
  test.each([
    ['一般贫困户', 'general', 'poor'],
    ['低保贫困户', 'lowIncome', 'poor'],
    ['特困供养贫困户', 'extremePoor', 'poor'],
    ['五保贫困户', 'extremePoor', 'poor'],
    ['低保特困供养贫困户', 'lowIncomeExtreme', 'poor'],
    ['一般脱贫户', 'general', 'exited'],
    ['低保脱贫户', 'lowIncome', 'exited'],
    ['特困供养脱贫户', 'extremePoor', 'exited'],
    ['脱贫户', null, 'exited'],
    ['贫困户', null, 'poor'],
    ['监测户', null, 'monitored'],
    ['边缘易致贫户', null, 'monitored'],
    ['脱贫不稳定户', null, 'monitored'],
    ['突发严重困难户', null, 'monitored'],
    ['一般农户', null, 'ordinary'],
    [' 低保 贫困户 ', 'lowIncome', 'poor'],
    ['低保户', 'lowIncome', null],
  ] as const)('%s', (text, base, stage) => {
    expect(parsePovertyAttribute(text)).toEqual({ base, stage, problem: null });
  });
  test('unrecognised and blank', () => {
    expect(parsePovertyAttribute('富裕户').problem).toBe('无法识别的贫困户属性：富裕户');
    expect(parsePovertyAttribute('户').problem).not.toBeNull();
    expect(parsePovertyAttribute('')).toEqual({ base: null, stage: null, problem: null });
  });
});

describe('parsePovertyStatus', () => {
  test.each([
    ['未脱贫', 'notExited'],
    ['已脱贫(享受政策)', 'exitedWithPolicy'],
    ['已脱贫（享受政策）', 'exitedWithPolicy'],
    ['已脱贫(不再享受政策)', 'exitedNoPolicy'],
    ['已脱贫（不再享受政策）', 'exitedNoPolicy'],
    ['脱贫（不享受政策）', 'exitedNoPolicy'],
    ['已脱贫', 'exited'],
    ['脱贫', 'exited'],
    ['返贫', 'returned'],
    ['风险已消除', 'riskEliminated'],
    ['风险未消除', 'riskNotEliminated'],
    ['未消除', 'riskNotEliminated'],
    [' 已 脱 贫 ', 'exited'],
  ] as const)('%s', (text, status) => {
    expect(parsePovertyStatus(text)).toEqual({ status, problem: null });
  });
  test('unrecognised', () => {
    expect(parsePovertyStatus('差不多').problem).toBe('无法识别的脱贫状态：差不多');
    expect(parsePovertyStatus('')).toEqual({ status: null, problem: null });
  });
});

describe('parsePovertyCause', () => {
  test.each([
    ['因病', '因病'], ['因病致贫', '因病'], ['因残', '因残'], ['因残致贫', '因残'], ['因学', '因学'], ['因灾', '因灾'],
    ['缺土地', '缺土地'], ['缺水', '缺水'], ['缺技术', '缺技术'], ['缺劳力', '缺劳力'], ['缺乏劳动力', '缺劳力'],
    ['缺劳动力', '缺劳力'], ['缺资金', '缺资金'], ['缺乏资金', '缺资金'], ['交通条件落后', '交通条件落后'],
    ['交通落后', '交通条件落后'], ['自身发展动力不足', '自身发展动力不足'], ['自身发展力不足', '自身发展动力不足'],
    ['因婚', '因婚'], ['其他', '其他'], ['因病、因学', '因病'],
  ] as const)('%s', (text, cause) => {
    expect(parsePovertyCause(text)).toEqual({ cause, problem: null });
  });
  test('unrecognised', () => {
    expect(parsePovertyCause('运气不好').problem).toBe('无法识别的致贫原因：运气不好');
    expect(parsePovertyCause('')).toEqual({ cause: null, problem: null });
  });
});

describe('parseHousing', () => {
  test.each([
    ['安全', 'safe'], ['安全住房', 'safe'], ['住房安全', 'safe'], ['A级', 'safe'], ['B级', 'safe'],
    ['C级危房', 'C'], ['C级', 'C'], ['ｃ级危房', 'C'], ['D级危房', 'D'], ['D级', 'D'], ['危房', 'dangerous'],
  ] as const)('%s', (text, value) => {
    expect(parseHousing(text)).toEqual({ value, problem: null });
  });
  test('是/否 belongs to the caller; unknown text is a problem', () => {
    expect(parseHousing('是').problem).toBe('无法识别的住房情况：是');
    expect(parseHousing('')).toEqual({ value: null, problem: null });
  });
});

describe('parseHealth', () => {
  test('single and combined values', () => {
    expect(parseHealth('健康')).toEqual({ healthy: true, chronic: false, seriousIllness: false, disabled: false });
    expect(parseHealth('长期慢性病')).toEqual({ healthy: false, chronic: true, seriousIllness: false, disabled: false });
    expect(parseHealth('患有大病')).toEqual({ healthy: false, chronic: false, seriousIllness: true, disabled: false });
    expect(parseHealth('残疾')).toEqual({ healthy: false, chronic: false, seriousIllness: false, disabled: true });
    expect(parseHealth('长期慢性病,残疾')).toEqual({ healthy: false, chronic: true, seriousIllness: false, disabled: true });
    expect(parseHealth('患有大病、残疾')).toEqual({ healthy: false, chronic: false, seriousIllness: true, disabled: true });
  });
  test('blank, unrecognised or contradictory: null', () => {
    expect(parseHealth('')).toBeNull();
    expect(parseHealth('还行')).toBeNull();
    expect(parseHealth('健康,残疾')).toBeNull();
  });
});

describe('parseSchooling', () => {
  test.each([
    ['学前教育', '学前教育'], ['小学', '小学'], ['小学三年级', '小学'], ['七年级', '初中'], ['九年级', '初中'],
    ['高中一年级', '高中'], ['中职一年级', '中职'], ['高职二年级', '高职'], ['大专及以上', '大专及以上'],
  ] as const)('%s', (text, level) => {
    expect(parseSchooling(text)).toEqual({ inSchool: true, level, problem: null });
  });
  test('not in school, blank, unrecognised', () => {
    expect(parseSchooling('非在校生')).toEqual({ inSchool: false, level: null, problem: null });
    expect(parseSchooling('')).toEqual({ inSchool: null, level: null, problem: null });
    expect(parseSchooling('放牛')).toEqual({ inSchool: null, level: null, problem: '无法识别的在校生状况：放牛' });
  });
});
