import { describe, expect, it } from 'vitest';
import { householdFields, statusesAgree } from '../../../src/rules/mismatch/household-fields.js';
import { dataset, findingsOf } from '../data-quality/build.js';
import { family, type Cells, type FamilyKind } from './family.js';

const run = (...args: Parameters<typeof family>) => findingsOf(householdFields, dataset(family(...args)));
/** Set household cells on every row of one source. */
const inSource = (kind: FamilyKind, cells: Cells) => (k: FamilyKind, c: Cells) => (k === kind ? { ...c, ...cells } : c);
const summary = (found: ReturnType<typeof run>) => found.map((f) => [f.field, f.correct, f.values]);

describe('mismatch/household-fields', () => {
  it('贫困户属性: a different base is found, once per household (not per member row)', () => {
    const [f, ...rest] = run({ edit: inSource('household-file', { attribute: '低保贫困户' }) });
    expect(rest).toEqual([]);
    expect([f.householdId, f.personId, f.field, f.correct]).toEqual(['H1', null, 'povertyAttribute', 'household-file']);
    expect(f.values).toEqual({ national: '一般贫困户', 'household-file': '低保贫困户' });
    expect(f.message).toBe('国办系统记录的贫困户属性为“一般贫困户”，一户一档为“低保贫困户”');
    expect(f.suggestion).toBe('以国办系统为准，更正一户一档的贫困户属性');
    expect(f.locations.map((l) => [l.kind, l.column])).toEqual([
      ['national', '贫困户属性'],
      ['household-file', '贫困户属性'],
    ]);
  });

  it('贫困户属性: 一般脱贫户 and 一般贫困户 share the base', () => {
    expect(run({ edit: inSource('national', { attribute: '一般脱贫户' }) })).toEqual([]);
  });

  it('income: exactly at either tolerance is not a finding; beyond both is', () => {
    // Default policy: more than 100 元 and more than 5 %.
    const at = (national: string, other: string) =>
      run({ edit: (k, c) => (k === 'national' || k === 'one-book' ? { ...c, income: national } : k === 'household-file' ? { ...c, income: other } : c) });
    expect(at('1000', '1100')).toEqual([]);
    expect(summary(at('1000', '1101'))).toEqual([['income', 'household-file', { national: '1000元', 'household-file': '1101元' }]]);
    expect(at('4000', '3800')).toEqual([]);
    const [f] = at('4000', '3799');
    expect(f.message).toBe('国办系统记录的人均纯收入为“4000元”，一户一档为“3799元”，相差201元（5.03%），超过容差（100元且5%）');
  });

  it('household size on the board; national size from its member rows when its column is blank', () => {
    expect(summary(run({ edit: inSource('notice-board', { householdSize: '4' }) }))).toEqual([['householdSize', 'notice-board', { national: '3人', 'notice-board': '4人' }]]);
    const counted = run({ edit: (k, c) => (k === 'national' ? { ...c, householdSize: '' } : k === 'notice-board' ? { ...c, householdSize: '4' } : c) });
    expect(summary(counted)).toEqual([['householdSize', 'notice-board', { national: '3人（按国办系统成员行数）', 'notice-board': '4人' }]]);
  });

  it('archive size: a wrong count is found, a count that matches its own member rows is left to the member rules', () => {
    expect(summary(run({ edit: inSource('household-file', { householdSize: '2' }) }))).toEqual([['householdSize', 'household-file', { national: '3人', 'household-file': '2人' }]]);
    const fewer = (k: FamilyKind, c: Cells, i: number) => (k !== 'household-file' ? c : i === 2 ? null : { ...c, householdSize: '2' });
    expect(run({ edit: fewer })).toEqual([]);
  });

  it('board size: equal to hukou\'s count is right even where national differs; any other count is found', () => {
    // National, archive and handbook list 张小明 (3 people); hukou has him dead, or not at all; the board says 2.
    const board2 = (k: FamilyKind, c: Cells) => (k === 'notice-board' ? { ...c, householdSize: '2' } : c);
    const dead = (k: FamilyKind, c: Cells, i: number) => (k === 'hukou' && i === 2 ? { ...c, personStatus: '死亡' } : board2(k, c));
    const absent = (k: FamilyKind, c: Cells, i: number) => (k === 'hukou' && i === 2 ? null : board2(k, c));
    expect(run({ edit: dead })).toEqual([]);
    expect(run({ edit: absent })).toEqual([]);
    // Hukou holds all three alive: the board's 2 is wrong.
    expect(summary(run({ edit: board2 }))).toEqual([['householdSize', 'notice-board', { national: '3人', 'notice-board': '2人' }]]);
    // Hukou has him dead but the board says 1: wrong by either count.
    const one = (k: FamilyKind, c: Cells, i: number) => (k === 'notice-board' ? { ...c, householdSize: '1' } : dead(k, c, i));
    expect(summary(run({ edit: one }))).toEqual([['householdSize', 'notice-board', { national: '3人', 'notice-board': '1人' }]]);
    // Without hukou the national record decides.
    expect(summary(run({ edit: board2, without: ['hukou'] }))).toEqual([['householdSize', 'notice-board', { national: '3人', 'notice-board': '2人' }]]);
  });

  it('脱贫状态, 脱贫年度 and 致贫原因', () => {
    const exited = { status: '已脱贫(享受政策)', exitYear: '2017' };
    const edit = (k: FamilyKind, c: Cells) => {
      if (k === 'national') return { ...c, ...exited };
      if (k === 'household-file') return { ...c, ...exited, status: '已脱贫' };
      if (k === 'one-book') return { ...c, ...exited, status: '未脱贫', exitYear: '2018' };
      return { ...c, exitYear: '2017', cause: '因学' };
    };
    expect(summary(run({ edit }))).toEqual([
      ['povertyStatus', 'one-book', { national: '已脱贫（享受政策）', 'one-book': '未脱贫' }],
      ['exitYear', 'one-book', { national: '2017年', 'one-book': '2018年' }],
      ['povertyCause', 'notice-board', { national: '因病', 'notice-board': '因学' }],
    ]);
    expect(statusesAgree('exitedWithPolicy', 'exitedNoPolicy')).toBe(false);
  });

  it('rows of one household that disagree: the head\'s row is used, and the disagreement is said', () => {
    const edit = (k: FamilyKind, c: Cells, i: number) => (k === 'household-file' && i === 0 ? { ...c, attribute: '低保贫困户' } : c);
    const [f, ...rest] = run({ edit });
    expect(rest).toEqual([]);
    expect(f.values['household-file']).toBe('低保贫困户');
    expect(f.evidence['一户一档']).toBe('该户各行填写不一致：低保贫困户（1行）、一般贫困户（2行），按户主所在行的“低保贫困户”比较');
    // Head's row agreeing with national: no finding, whatever the other rows say.
    expect(run({ edit: (k, c, i) => (k === 'household-file' && i === 2 ? { ...c, attribute: '低保贫困户' } : c) })).toEqual([]);
  });

  it('finds nothing when the household fields agree', () => {
    expect(run()).toEqual([]);
  });
});
