import { describe, expect, it } from 'vitest';
import type { Rosters } from '../../../src/link/model.js';
import type { HukouRecord } from '../../../src/sources/index.js';
import { relativePayroll } from '../../../src/rules/wrong-inclusion/relative-payroll.js';
import { findingsOf } from '../data-quality/build.js';
import { household, hukouRow, member, rosterRow, world, type Member } from '../split-household/build.js';

const FATHER = member('刘老', '19400101', '011', '户主', '户主');
const WIFE = member('钟英', '19620202', '022', '配偶', '妻');
const DAUGHTER = member('刘芳', '19880808', '042', '之女', '女');
const job = (who: Member) => rosterRow('payroll', { name: who.name, idNumber: who.id, employer: '县财政局' });

/** Head 刘福 registered alone; his hukou row names his father; his wife and daughter are given per test. */
function run(opts: { rosters: Partial<Rosters>; hukou?: HukouRecord[]; members?: Member[] }) {
  const head = member('刘福', '19600101', '013', '户主', '户主', { hukouCells: { fatherId: FATHER.id } });
  const h = household({ no: 'H1', members: [head, ...(opts.members ?? [])], hukouNo: 'HK1' });
  const hukou = [hukouRow('HK0', FATHER), ...(opts.hukou ?? [])];
  return { head, found: findingsOf(relativePayroll, world({ parts: [h], hukou, rosters: opts.rosters })) };
}

describe('wrong-inclusion/relative-payroll', () => {
  it('flags the head’s father, named by the head’s hukou row, on the payroll', () => {
    const { found } = run({ rosters: { payroll: [job(FATHER)] } });
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.category).toBe('wrong_inclusion');
    expect(f.householdId).toBe('H1');
    expect(f.personId).toBe(FATHER.id);
    expect(f.name).toBe('刘老');
    expect(f.correct).toBeNull();
    expect(f.message).toMatch(/^疑似错评/);
    expect(f.message).toContain('户主的父亲刘老');
    expect(f.message).toContain('县财政局');
    expect(f.evidence['与户主关系']).toBe('父亲');
    expect(f.evidence['关系依据']).toBe('户主户籍记录的“父亲公民身份号码”');
    expect(f.locations.map((l) => l.kind).sort()).toEqual(['hukou', 'payroll']);
  });

  it('flags a child whose hukou row names the head as father', () => {
    const { head, found: none } = run({ rosters: {} });
    expect(none).toEqual([]);
    const daughter = hukouRow('HK2', DAUGHTER, { fatherId: head.id });
    const { found } = run({ rosters: { payroll: [job(DAUGHTER)] }, hukou: [daughter] });
    expect(found.map((f) => [f.name, f.evidence['与户主关系']])).toEqual([['刘芳', '子女']]);
  });

  it('flags a spouse living in the head’s hukou household but left out of the registered household', () => {
    const wifeRow = hukouRow('HK1', WIFE);
    const { found } = run({ rosters: { payroll: [job(WIFE)] }, hukou: [wifeRow] });
    expect(found.map((f) => [f.name, f.evidence['与户主关系'], f.evidence['关系依据']])).toEqual([['钟英', '配偶', '户籍“与户主关系”']]);
  });

  it('leaves members to member-assets, and relatives off the payroll alone', () => {
    expect(run({ rosters: { payroll: [job(WIFE)] }, members: [WIFE] }).found).toEqual([]);
    const car = rosterRow('vehicles', { name: FATHER.name, idNumber: FATHER.id, plate: '赣B1', vehicleType: '小型轿车' });
    expect(run({ rosters: { vehicles: [car] } }).found).toEqual([]);
  });
});
