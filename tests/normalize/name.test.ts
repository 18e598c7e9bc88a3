import { describe, expect, test } from 'vitest';
import { compareNames, fuzzyPinyin, nameKeys, normalizeName, pinyinOf, sharedNameKeys, surnameOf } from '../../src/normalize/name.js';

describe('normalizeName', () => {
  test('spaces, middle dots, full-width letters', () => {
    expect(normalizeName(' 王 小明 ')).toBe('王小明');
    expect(normalizeName('王\u3000小明')).toBe('王小明');
    expect(normalizeName('王\u00a0小明')).toBe('王小明');
    for (const dot of ['·', '•', '．', '・', '.']) expect(normalizeName(`阿依古丽${dot}买买提`)).toBe('阿依古丽·买买提');
    expect(normalizeName('ＡＬＩ')).toBe('ALI');
    expect(normalizeName({ v: "'张三" })).toBe('张三');
  });
});

describe('surnameOf', () => {
  test.each([
    ['张伟', '张'],
    ['欧阳修', '欧阳'],
    ['司马光', '司马'],
    ['诸葛亮', '诸葛'],
    ['上官婉儿', '上官'],
    ['东方明', '东方'],
    ['皇甫嵩', '皇甫'],
    ['尉迟恭', '尉迟'],
    ['公孙胜', '公孙'],
    ['慕容复', '慕容'],
    ['长孙无忌', '长孙'],
    ['宇文泰', '宇文'],
    ['司徒雷', '司徒'],
    ['夏侯惇', '夏侯'],
    ['端木蓉', '端木'],
    ['令狐冲', '令狐'],
    ['欧阳', '欧'],
    ['单雄信', '单'],
  ])('%s → %s', (name, surname) => {
    expect(surnameOf(name)).toBe(surname);
  });
});

describe('pinyinOf', () => {
  test('surname readings of polyphonic surnames', () => {
    expect(pinyinOf('单雄信')).toEqual(['shan', 'xiong', 'xin']);
    expect(pinyinOf('曾国藩')).toEqual(['zeng', 'guo', 'fan']);
    expect(pinyinOf('区伟')).toEqual(['ou', 'wei']);
    expect(pinyinOf('尉迟恭')).toEqual(['yu', 'chi', 'gong']);
  });
  test('one toneless syllable per character, ü as v, dot skipped', () => {
    expect(pinyinOf('王小明')).toEqual(['wang', 'xiao', 'ming']);
    expect(pinyinOf('吕布')).toEqual(['lv', 'bu']);
    expect(pinyinOf('阿依古丽·买买提')).toHaveLength(7);
    expect(pinyinOf('')).toEqual([]);
  });
});

describe('fuzzyPinyin', () => {
  test.each([
    ['nan', 'lan'],
    ['fu', 'hu'],
    ['ren', 'len'],
    ['zhang', 'zang'],
    ['chen', 'cen'],
    ['shi', 'si'],
    ['an', 'ang'],
    ['ren', 'reng'],
    ['lin', 'ling'],
    ['huang', 'wang'],
    ['nv', 'lv'],
  ])('%s ~ %s', (a, b) => {
    expect(fuzzyPinyin(a)).toBe(fuzzyPinyin(b));
  });
  test.each([
    ['wang', 'li'],
    ['zhang', 'zhong'],
    ['xiao', 'xia'],
  ])('%s ≁ %s', (a, b) => {
    expect(fuzzyPinyin(a)).not.toBe(fuzzyPinyin(b));
  });
});

describe('compareNames', () => {
  test('exact', () => {
    expect(compareNames('王小明', ' 王 小明')).toEqual({ score: 1, kind: 'exact', explanation: '姓名相同' });
    expect(compareNames('阿依古丽·买买提', '阿依古丽买买提').kind).toBe('exact');
  });

  test('homophones score high', () => {
    const r = compareNames('张伟', '张玮');
    expect(r.kind).toBe('homophone');
    expect(r.score).toBeGreaterThanOrEqual(0.9);
    expect(r.explanation).toBe('同音（zhang wei）');
    expect(compareNames('王小明', '王晓明')).toMatchObject({ kind: 'homophone', explanation: '同音（wang xiao ming）' });
    expect(compareNames('陈丽', '陈莉').kind).toBe('homophone');
  });

  test('a different surname with different pinyin stays below 0.5', () => {
    const r = compareNames('张伟', '李伟');
    expect(r.kind).toBe('different');
    expect(r.score).toBeLessThan(0.5);
    expect(r.explanation).toBe('姓氏不同（张伟 / 李伟）');
    expect(compareNames('张三', '李四').score).toBe(0);
    expect(compareNames('王小明', '李小明').score).toBeLessThan(0.5);
  });

  test('the surname weighs more than a given-name character', () => {
    expect(compareNames('张伟', '张玮').score).toBeGreaterThan(compareNames('张伟', '章伟').score);
    expect(compareNames('王小明', '王大明').score).toBeGreaterThan(compareNames('王小明', '李小明').score);
  });

  test('黄/王 confusion (Gannan Hakka) and other regional folds are fuzzyPinyin', () => {
    const r = compareNames('黄小明', '王小明');
    expect(r.kind).toBe('fuzzyPinyin');
    expect(r.score).toBeGreaterThanOrEqual(0.7);
    expect(r.explanation).toBe('近音（huang xiao ming / wang xiao ming）');
    expect(compareNames('刘宁', '刘玲').kind).toBe('fuzzyPinyin');
    expect(compareNames('陈胜', '陈顺').kind).toBe('different');
  });

  test('look-alike characters and dropped characters are similar', () => {
    const r = compareNames('王己', '王已');
    expect(r.kind).toBe('similar');
    expect(r.score).toBeGreaterThanOrEqual(0.5);
    expect(r.explanation).toContain('形近字 己/已');
    expect(compareNames('王明', '王小明').kind).toBe('similar');
    expect(compareNames('欧阳修', '欧修').kind).toBe('similar');
  });

  test('symmetric and bounded', () => {
    const pairs = [['张伟', '李伟'], ['王己', '王已'], ['黄小明', '王小明'], ['王明', '王小明'], ['欧阳修', '欧阳秀']];
    for (const [a, b] of pairs) {
      const ab = compareNames(a, b);
      expect(compareNames(b, a).score).toBe(ab.score);
      expect(ab.score).toBeGreaterThanOrEqual(0);
      expect(ab.score).toBeLessThanOrEqual(1);
    }
  });

  test('empty names never match', () => {
    expect(compareNames('', '张伟')).toMatchObject({ score: 0, kind: 'different' });
  });
});

describe('nameKeys', () => {
  test('normalised name and fuzzy-pinyin string', () => {
    expect(nameKeys(' 王 小明')).toEqual(['王小明', 'wan xiao min']);
    expect(nameKeys('')).toEqual([]);
  });
  test('homophones and 黄/王 share a blocking key; different names do not', () => {
    const shared = (a: string, b: string) => nameKeys(a).some((k) => nameKeys(b).includes(k));
    expect(shared('王小明', '王晓明')).toBe(true);
    expect(shared('黄小明', '王小明')).toBe(true);
    expect(shared('张伟', '张玮')).toBe(true);
    expect(shared('张伟', '李伟')).toBe(false);
  });
});

describe('plain Han names and shared keys', () => {
  test('a name of plain Han characters is returned as it is; anything else is normalised', () => {
    expect(normalizeName('欧阳娜娜')).toBe('欧阳娜娜');
    expect(normalizeName('㐀三')).toBe('㐀三');
    expect(normalizeName('张 三')).toBe('张三');
    expect(normalizeName('买买提・艾力')).toBe('买买提·艾力');
    expect(normalizeName('张三\u3000')).toBe('张三');
    expect(normalizeName('𠮷三')).toBe('𠮷三');
  });

  test('sharedNameKeys gives the keys of nameKeys without copying them', () => {
    expect(sharedNameKeys('王小明')).toEqual(nameKeys('王小明'));
    expect(sharedNameKeys('王小明')).toBe(sharedNameKeys('王小明'));
    expect(nameKeys('王小明')).not.toBe(nameKeys('王小明'));
  });

  test('an uncached resident name (keep false) gets the same keys as an analysed one', () => {
    // Compound and polyphonic surnames, one character, rare characters (Extension A), a Latin and a dotted name.
    const names = ['欧阳小明', '司马光', '欧阳', '单田芳', '曾国藩', '区志坚', '解缙', '仇英', '王', '䶮三', '李㐂', '张三丰', '黄帅辉', 'Li Lei', '买买提·艾力'];
    // Each name's keys are worked out first uncached, then analysed and cached: the two must agree.
    const uncached = names.map((n) => [...sharedNameKeys(n, false)]);
    expect(uncached).toEqual(names.map((n) => nameKeys(n)));
    expect(uncached[0]).toEqual(['欧阳小明', 'ou yan xiao min']);
    expect(uncached[3]).toEqual(['单田芳', 'san tian fan']);
  });
});
