import { describe, expect, it } from 'vitest';
import { helper } from '../../../src/rules/mismatch/helper.js';
import { dataset, findingsOf } from '../data-quality/build.js';
import { family, type Cells, type FamilyKind } from './family.js';

const run = (...args: Parameters<typeof family>) => findingsOf(helper, dataset(family(...args)));
const inSource = (kind: FamilyKind, cells: Cells) => (k: FamilyKind, c: Cells) => (k === kind ? { ...c, ...cells } : c);
const summary = (found: ReturnType<typeof run>) => found.map((f) => [f.field, f.correct, f.values]);

describe('mismatch/helper', () => {
  it('the handbook is current: a different helper in the national record is corrected to it', () => {
    const [f, ...rest] = run({ edit: inSource('national', { helperName: '李帮扶' }) });
    expect(rest).toEqual([]);
    expect([f.householdId, f.field, f.correct]).toEqual(['H1', 'helperName', 'national']);
    expect(f.values).toEqual({ 'one-book': '王帮扶', national: '李帮扶' });
    expect(f.message).toBe('《一本通》记录的帮扶责任人为“王帮扶”，国办系统为“李帮扶”（姓氏不同）');
    expect(f.suggestion).toBe('以《一本通》为准（《一本通》由帮扶责任人随时更新），更正国办系统的帮扶责任人');
    expect(f.locations.map((l) => [l.kind, l.column])).toEqual([
      ['one-book', '帮扶责任人'],
      ['national', '帮扶责任人'],
    ]);
  });

  it('phones compare as numbers: dashes are no difference, another number is', () => {
    expect(run({ edit: inSource('notice-board', { helperPhone: '138-0797-1234' }) })).toEqual([]);
    expect(summary(run({ edit: inSource('notice-board', { helperPhone: '13907971234' }) }))).toEqual([
      ['helperPhone', 'notice-board', { 'one-book': '13807971234', 'notice-board': '13907971234' }],
    ]);
  });

  it('a homophone on the board is a wrong name, and is called one', () => {
    const [f] = run({ edit: inSource('notice-board', { helperName: '王邦扶' }) });
    expect([f.field, f.correct]).toEqual(['helperName', 'notice-board']);
    expect(f.message).toContain('读音相同（wang bang fu）');
  });

  it('without a handbook the national record is the board\'s reference, and national is not corrected', () => {
    const found = run({ without: ['one-book'], edit: inSource('notice-board', { helperName: '李帮扶' }) });
    expect(summary(found)).toEqual([['helperName', 'notice-board', { national: '王帮扶', 'notice-board': '李帮扶' }]]);
    expect(found[0].suggestion).toContain('该户没有《一本通》记录');
    // A handbook with the phone left blank: national is the reference for the phone.
    const blank = run({ edit: (k, c) => (k === 'one-book' ? { ...c, helperPhone: '' } : k === 'notice-board' ? { ...c, helperPhone: '13907971234' } : c) });
    expect(summary(blank)).toEqual([['helperPhone', 'notice-board', { national: '13807971234', 'notice-board': '13907971234' }]]);
  });

  it('an invalid phone is left to the phone checks', () => {
    expect(run({ edit: inSource('notice-board', { helperPhone: '12345' }) })).toEqual([]);
  });

  it('finds nothing when the helper agrees everywhere', () => {
    expect(run()).toEqual([]);
  });
});
