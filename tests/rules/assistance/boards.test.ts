import { describe, expect, it } from 'vitest';
import { noticeBoard } from '../../../src/sources/index.js';
import { boardStatus } from '../../../src/rules/assistance/board-status.js';
import { boardPhone } from '../../../src/rules/assistance/board-phone.js';
import { fieldProblem } from '../../../src/rules/data-quality/field-problem.js';
import { findingsOf, parsedRow } from '../data-quality/build.js';
import { household, member, PLACE, world, type Cells } from '../split-household/build.js';

const LIU = member('刘福', '19600101', '011', '户主', '户主');
const WANG = member('王五', '19550505', '051', '户主', '户主');
const parts = [household({ no: 'H1', members: [LIU] }), household({ no: 'H2', members: [WANG] })];

const board = (head: string, cells: Cells) =>
  parsedRow(noticeBoard, { ...PLACE, headName: head, householdSize: '1', helperName: '王帮扶', helperPhone: '13807971234', boardStatus: '完好', position: '门口', ...cells }, { file: '公示牌.csv' });

const run = (rule: typeof boardStatus, boards: ReturnType<typeof board>[]) => findingsOf(rule, world({ parts, other: { 'notice-board': boards } }));

describe('assistance/board-status', () => {
  it('flags a broken board (medium) and a board not hung (high), per household', () => {
    const found = run(boardStatus, [board('刘福', { boardStatus: '破损' }), board('王五', { boardStatus: '未悬挂' })]);
    expect(found.map((f) => [f.householdId, f.severity, f.values['notice-board']]).sort()).toEqual([
      ['H1', 'medium', '破损'],
      ['H2', 'high', '未悬挂'],
    ]);
    const f = found.find((x) => x.householdId === 'H1')!;
    expect(f.category).toBe('assistance');
    expect(f.field).toBe('boardStatus');
    expect(f.correct).toBe('notice-board');
    expect(f.message).toContain('公示牌破损（位置：门口）');
    expect(f.locations[0].column).toBe('公示牌状态');
  });

  it('flags a broken board that matched no registered household, by its own place and head', () => {
    const [f] = run(boardStatus, [board('赵无名', { boardStatus: '破损' })]);
    expect(f.householdId).toBeNull();
    expect(f.name).toBe('赵无名');
    expect(f.village).toBe('黄金村');
    expect(f.message).toContain('未对应到在册户');
  });

  it('finds nothing for intact boards or a blank status', () => {
    expect(run(boardStatus, [board('刘福', {}), board('王五', { boardStatus: '' })])).toEqual([]);
  });
});

describe('assistance/board-phone', () => {
  it('flags a hung board without a helper phone where the survey records phones', () => {
    const [f, ...rest] = run(boardPhone, [board('刘福', {}), board('王五', { helperPhone: '' })]);
    expect(rest).toEqual([]);
    expect(f.householdId).toBe('H2');
    expect(f.field).toBe('helperPhone');
    expect(f.correct).toBe('notice-board');
    expect(f.message).toContain('没有填写帮扶责任人电话');
  });

  it('says nothing when no board of the survey has a phone, or the board is not hung', () => {
    expect(run(boardPhone, [board('刘福', { helperPhone: '' }), board('王五', { helperPhone: '' })])).toEqual([]);
    expect(run(boardPhone, [board('刘福', {}), board('王五', { helperPhone: '', boardStatus: '未悬挂' })])).toEqual([]);
  });

  it('reports a phone that is not a valid number once, here, not also as a data-quality cell problem', () => {
    const boards = [board('刘福', {}), board('王五', { helperPhone: '1380797' })];
    const found = run(boardPhone, boards);
    expect(found).toHaveLength(1);
    expect(found[0].values['notice-board']).toBe('1380797');
    expect(found[0].correct).toBe('notice-board');
    const problems = findingsOf(fieldProblem, world({ parts, other: { 'notice-board': boards } }));
    expect(problems.filter((p) => p.field === 'helperPhone')).toHaveLength(0);
  });
});
