import { describe, expect, it } from 'vitest';
import { sameYearExit } from '../../../src/rules/wrong-exit/same-year-exit.js';
import { findingsOf } from '../data-quality/build.js';
import { household, member, world, type Cells } from '../split-household/build.js';

const HEAD = member('刘福', '19600101', '011', '户主', '户主');

const run = (cells: Cells) => findingsOf(sameYearExit, world({ parts: [household({ no: 'H1', members: [HEAD], household: cells })] }));

describe('wrong-exit/same-year-exit', () => {
  it('flags a household that exited in the year it was first identified', () => {
    const [f, ...rest] = run({ status: '已脱贫', firstIdentified: '2016-03-01', exitYear: '2016' });
    expect(rest).toEqual([]);
    expect(f.category).toBe('wrong_exit');
    expect(f.field).toBe('exitYear');
    expect(f.correct).toBeNull();
    expect(f.message).toMatch(/^疑似错退/);
    expect(f.message).toContain('首次识别时间为 2016-03-01，识别当年即脱贫，需入户核实');
    expect(f.evidence['首次识别时间']).toBe('2016-03-01');
    expect(f.evidence['脱贫年度']).toBe(2016);
  });

  it('finds nothing for a later exit, a household not exited, or an unknown exit year', () => {
    expect(run({ status: '已脱贫', firstIdentified: '2016-03-01', exitYear: '2017' })).toEqual([]);
    expect(run({ status: '未脱贫', firstIdentified: '2016-03-01', exitYear: '2016' })).toEqual([]);
    expect(run({ status: '已脱贫', firstIdentified: '2016-03-01', exitYear: '' })).toEqual([]);
  });
});
