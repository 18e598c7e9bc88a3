import { describe, expect, it } from 'vitest';
import { nameDifference } from '../../../src/rules/shared/display.js';

describe('nameDifference', () => {
  it('says how two names differ without repeating them (the message shows both already)', () => {
    expect(nameDifference('钟秀英', '钟淑芬')).toBe('姓名不同');
    expect(nameDifference('王帮扶', '李帮扶')).toBe('姓氏不同');
    expect(nameDifference('王建国', '王建军')).toBe('姓名相近，相差1个字');
    expect(nameDifference('刘德明', '刘德朋')).toBe('姓名相近，相差1个字，形近字 明/朋');
    expect(nameDifference('钟秀英', '钟秀瑛')).toBe('读音相同（zhong xiu ying），系同音字写错');
  });
});
