import { describe, expect, it } from 'vitest';
import { partialRegistration } from '../../../src/rules/split-household/partial-registration.js';
import { relationLabel } from '../../../src/normalize/relation.js';
import { findingsOf } from '../data-quality/build.js';
import { household, hukouRow, member, world, type Member } from './build.js';

// As of 2024-06-30; working age 16–60 inclusive (policy default).
const MOTHER = member('刘老太', '19450101', '022', '户主', '母亲');
const SON = member('王大', '19800101', '031', '户主', '户主');
const GRANDSON = member('王小', '20150101', '051', '之孙子', '孙子');

/** The mother registered alone; the others of her hukou household HK1 only in hukou. */
function run(others: readonly Member[], status = '正常') {
  const registered = household({ no: 'H1', members: [MOTHER], hukouNo: 'HK1' });
  return findingsOf(partialRegistration, world({ parts: [registered], hukou: others.map((m) => hukouRow('HK1', m, { personStatus: status })) }));
}

const aged = (birth: string) => member('王某', birth, '031', '户主', '子');

describe('split-household/partial-registration', () => {
  it('flags a registered household holding part of its hukou household, with working-age adults left out', () => {
    const [f, ...rest] = run([SON, GRANDSON]);
    expect(rest).toEqual([]);
    expect(f.category).toBe('split_household');
    expect(f.householdId).toBe('H1');
    expect(f.correct).toBeNull();
    expect(f.message).toMatch(/^疑似按人识别/);
    expect(f.message).toContain('需入户核实');
    expect(f.evidence['户籍户号']).toBe('HK1');
    expect(f.evidence['在册成员']).toBe('刘老太');
    expect(f.evidence['未纳入成员']).toBe(`王大（44岁，户主）、王小（9岁，${relationLabel('grandson')}）`);
    expect(f.evidence['劳动年龄']).toBe('16—60周岁');
    expect(f.locations.filter((l) => l.kind === 'hukou')).toHaveLength(2);
  });

  it('counts working age from 16 to 60 inclusive', () => {
    expect(run([aged('20080630')])).toHaveLength(1); // 16 on the as-of date
    expect(run([aged('20080701')])).toHaveLength(0); // 15
    expect(run([aged('19640630')])).toHaveLength(1); // 60
    expect(run([aged('19640629')])).toHaveLength(1); // still 60 (61 tomorrow)
    expect(run([aged('19630630')])).toHaveLength(0); // 61
  });

  it('leaves out households whose other residents are children, dead or moved away', () => {
    expect(run([GRANDSON])).toEqual([]);
    expect(run([SON], '死亡')).toEqual([]);
    expect(run([SON], '迁出')).toEqual([]);
  });

  it('leaves out a hukou household split into two registered households (both registered)', () => {
    const mother = household({ no: 'H1', members: [MOTHER], hukouNo: 'HK1' });
    const son = household({ no: 'H2', members: [SON, GRANDSON], hukouNo: 'HK1' });
    expect(findingsOf(partialRegistration, world({ parts: [mother, son] }))).toEqual([]);
  });

  it('finds nothing in a whole household', () => {
    const whole = household({ no: 'H1', members: [SON, GRANDSON], hukouNo: 'HK1' });
    expect(findingsOf(partialRegistration, world({ parts: [whole] }))).toEqual([]);
  });
});
