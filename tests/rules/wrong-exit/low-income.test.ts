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
    expect(f.message).toContain('国办系统人均纯收入为3535元，等于2018年脱贫标准3535元（不超过标准的10%）');
    expect(run({ income: '3600' })[0].message).toContain('为3600元，仅略高于2018年脱贫标准3535元');
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

  it('recomputes the handbook ledger per year from the exit year on, against the exit year’s threshold', () => {
    // 2019: 3000 + 3000 = 6000 元 for 2 people = 3000 元 < 3535 (2018, the exit year).
    const lines = ledger('2019', [['工资性收入', '3000'], ['政策补贴', '3000']]);
    const [f, ...rest] = run({ income: '8000' }, { ledger: lines });
    expect(rest).toEqual([]);
    expect(f.severity).toBe('high');
    expect(f.message).toContain('《一本通》收支流水2019年人均收入（2笔合计6000元÷2人）为3000元，低于2018年脱贫标准3535元');
    expect(f.evidence['《一本通》收支流水人均收入']).toBe('2019年：3000元');
    expect(f.locations.filter((l) => l.kind === 'one-book')).toHaveLength(2);
    // The same income in the exit year itself is below too; in a year before the exit it is not compared.
    expect(run({ income: '8000' }, { ledger: ledger('2018', [['工资性收入', '6000']]) }).map((x) => x.severity)).toEqual(['high']);
    expect(run({ income: '8000' }, { ledger: ledger('2017', [['工资性收入', '2000']]) })).toEqual([]);
  });

  it('a later ledger year below its own, higher line (2023: the monitoring line) is a risk, not a wrong exit', () => {
    // 10000 元 for 2 people = 5000 元: above 2018's 3535, below 2023's 6000.
    const [f, ...rest] = run({ income: '8000' }, { ledger: ledger('2023', [['工资性收入', '6000'], ['政策补贴', '4000']]) });
    expect(rest).toEqual([]);
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/^风险提示/);
    expect(f.message).toContain(
      '《一本通》收支流水2023年人均收入（2笔合计10000元÷2人）为5000元，不低于2018年脱贫标准3535元，但低于2023年防返贫监测标准6000元（沿用2021年标准），有返贫风险',
    );
    expect(f.evidence['适用标准']).toBe('2018年脱贫标准3535元；2023年防返贫监测标准6000元（沿用2021年标准）');
    // At the 2023 line (12000 ÷ 2 = 6000) or above it: nothing.
    expect(run({ income: '8000' }, { ledger: ledger('2023', [['工资性收入', '12000']]) })).toEqual([]);
    expect(run({ income: '8000' }, { ledger: ledger('2023', [['工资性收入', '14000']]) })).toEqual([]);
    // A 2019 ledger between 2018's 3535 and 2019's 3747 (3600): a risk too.
    const [g] = run({ income: '8000' }, { ledger: ledger('2019', [['工资性收入', '7200']]) });
    expect(g.severity).toBe('warning');
    expect(g.message).toContain('为3600元，不低于2018年脱贫标准3535元，但低于2019年脱贫标准3747元');
  });

  it('without an exit year, a ledger year is held only to its own line, and only for a warning', () => {
    const [f, ...rest] = run({ exitYear: '', income: '8000' }, { ledger: ledger('2023', [['工资性收入', '10000']]) });
    expect(rest).toEqual([]);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('为5000元，低于2023年防返贫监测标准6000元（沿用2021年标准）');
    expect(f.message).not.toContain('不低于');
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
