import { describe, expect, it } from 'vitest';
import { householdFile, oneBookLedger } from '../../../src/sources/index.js';
import { lowIncome } from '../../../src/rules/wrong-exit/low-income.js';
import { findingsOf, parsedRow } from '../data-quality/build.js';
import { household, member, PLACE, world, type Cells } from '../split-household/build.js';

const HEAD = member('刘福', '19600101', '011', '户主', '户主');
const WIFE = member('钟英', '19620202', '022', '配偶', '妻');

// Policy defaults: 2018 exit threshold 3535 元, warning margin 10 % (up to 3888.5 元); 2023 uses the 2021
// monitoring threshold 6000 元.
const EXITED: Cells = { status: '已脱贫(享受政策)', exitYear: '2018', attribute: '一般脱贫户' };

function run(cells: Cells, extra: Parameters<typeof world>[0]['other'] = {}) {
  const h = household({ no: 'H1', members: [HEAD, WIFE], household: { ...EXITED, ...cells } });
  return findingsOf(lowIncome, world({ parts: [h], other: extra }));
}

function ledger(year: string, amounts: readonly [string, string][]) {
  return amounts.map(([category, amount]) =>
    parsedRow(oneBookLedger, { ...PLACE, headName: HEAD.name, headId: HEAD.id, year, category, item: `${category}项目`, amount }),
  );
}

describe('wrong-exit/low-income', () => {
  it('flags an exited household whose national income is below its exit year’s threshold', () => {
    const [f, ...rest] = run({ income: '3000' });
    expect(rest).toEqual([]);
    expect(f.category).toBe('wrong_exit');
    expect(f.severity).toBe('high');
    expect(f.householdId).toBe('H1');
    expect(f.field).toBe('income');
    expect(f.correct).toBeNull();
    expect(f.message).toMatch(/^疑似错退/);
    expect(f.message).toContain('国办系统人均纯收入为3000元，低于2018年脱贫标准3535元');
    expect(f.message).toContain('需入户核实');
    expect(f.evidence['脱贫年度']).toBe(2018);
    expect(f.evidence['适用标准']).toBe('2018年脱贫标准3535元');
    expect(f.evidence['国办系统人均纯收入']).toBe('3000元');
    expect(f.locations.some((l) => l.kind === 'national' && l.column === '人均纯收入')).toBe(true);
  });

  it('income exactly at the threshold is not below it, but within the margin: a warning', () => {
    const [f] = run({ income: '3535' });
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/^风险提示/);
    expect(f.message).not.toContain('低于');
  });

  it('within the warning margin is a warning; just above the margin is nothing', () => {
    expect(run({ income: '3888.5' }).map((f) => f.severity)).toEqual(['warning']);
    expect(run({ income: '3889' })).toEqual([]);
    expect(run({ income: '3534.99' }).map((f) => f.severity)).toEqual(['high']);
  });

  it('checks the archive’s figure too, against the exit year', () => {
    const archive = [HEAD, WIFE].map((m) =>
      parsedRow(householdFile, { ...PLACE, headName: HEAD.name, headId: HEAD.id, name: m.name, idNumber: m.id, income: '2000' }),
    );
    const [f] = run({ income: '8000' }, { 'household-file': archive });
    expect(f.severity).toBe('high');
    expect(f.values['household-file']).toBe('一户一档人均纯收入：2000元');
    expect(f.message).toContain('一户一档人均纯收入为2000元，低于2018年脱贫标准3535元');
    expect(f.message).not.toContain('国办系统人均纯收入为8000元');
  });

  it('recomputes the handbook ledger per year against that year’s threshold (2023 → 2021 monitoring line)', () => {
    // 6000 + 4000 = 10000 元 for 2 people = 5000 元 < 6000.
    const lines = ledger('2023', [['工资性收入', '6000'], ['政策补贴', '4000']]);
    const [f] = run({ income: '8000' }, { ledger: lines });
    expect(f.severity).toBe('high');
    expect(f.message).toContain('《一本通》收支流水2023年人均收入（2笔合计10000元÷2人）为5000元，低于2023年防返贫监测标准6000元（沿用2021年标准）');
    expect(f.evidence['《一本通》收支流水人均收入']).toBe('2023年：5000元');
    expect(f.locations.filter((l) => l.kind === 'one-book')).toHaveLength(2);
    // 12000 元 for 2 people = 6000: at the line, within the margin.
    expect(run({ income: '8000' }, { ledger: ledger('2023', [['工资性收入', '12000']]) })[0].severity).toBe('warning');
    // 14000 元 for 2 people = 7000: clear.
    expect(run({ income: '8000' }, { ledger: ledger('2023', [['工资性收入', '14000']]) })).toEqual([]);
  });

  it('takes the exited stage from 贫困户属性 when there is no status', () => {
    expect(run({ status: '', income: '3000' })).toHaveLength(1);
  });

  it('finds nothing for households not exited, returned, or with a sound income', () => {
    expect(run({ status: '未脱贫', attribute: '一般贫困户', income: '1000' })).toEqual([]);
    expect(run({ status: '返贫', income: '1000' })).toEqual([]);
    expect(run({ income: '9000' })).toEqual([]);
  });

  it('leaves an implausible figure (not above the policy minimum of 0) to the data-quality rule', () => {
    expect(run({ income: '0' })).toEqual([]);
  });

  it('does not guess a year: without an exit year the source figures are not compared', () => {
    expect(run({ exitYear: '', income: '1000' })).toEqual([]);
  });
});
