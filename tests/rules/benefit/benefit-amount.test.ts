import { describe, expect, it } from 'vitest';
import { oneBookLedger } from '../../../src/sources/index.js';
import type { PayoutRecord } from '../../../src/sources/index.js';
import { benefitAmount } from '../../../src/rules/benefit/benefit-amount.js';
import { findingsOf, parsedRow } from '../data-quality/build.js';
import { household, member, PLACE, rosterRow, world, type Member } from '../split-household/build.js';

const HEAD = member('刘福', '19600101', '011', '户主', '户主');
const WIFE = member('钟英', '19620202', '022', '配偶', '妻');
const NEIGHBOUR = member('王邻', '19700101', '051', '户主', '户主');

const line = (year: string, category: string, item: string, amount: string) =>
  parsedRow(oneBookLedger, { ...PLACE, headName: HEAD.name, headId: HEAD.id, year, category, item, amount, date: `${year}-05-10` });
const paid = (who: Member, item: string, amount: string, date = '2023-05-20') => rosterRow('payouts', { name: who.name, idNumber: who.id, item, amount, date });

function run(ledger: ReturnType<typeof line>[], payouts: PayoutRecord[]) {
  const h = household({ no: 'H1', members: [HEAD, WIFE] });
  return findingsOf(benefitAmount, world({ parts: [h], rosters: { payouts }, other: { ledger } }));
}

describe('benefit/benefit-amount', () => {
  it('finds nothing when the handbook’s subsidy lines match the payouts (summed per item and year)', () => {
    const ledger = [line('2023', '政策补贴', '耕地地力保护补贴', '500'), line('2023', '政策补贴', '耕 地地力保护补贴', '350.24')];
    expect(run(ledger, [paid(HEAD, '耕地地力保护补贴', '850.24')])).toEqual([]);
  });

  it('flags an amount that differs from the money paid, per item and year', () => {
    const [f, ...rest] = run([line('2023', '政策补贴', '耕地地力保护补贴', '850.24')], [paid(HEAD, '耕地地力保护补贴', '800')]);
    expect(rest).toEqual([]);
    expect(f.category).toBe('mismatch');
    expect(f.field).toBe('benefitAmount');
    expect(f.householdId).toBe('H1');
    expect(f.correct).toBe('one-book');
    expect(f.severity).toBe('medium');
    expect(f.message).toContain('2023年“耕地地力保护补贴”850.24元（1笔），惠农一卡通发放记录为800元（1笔），相差50.24元');
    expect(f.values).toEqual({ 'one-book': '2023年耕地地力保护补贴：850.24元', payouts: '800元' });
    expect(f.evidence['一本通金额']).toBe(850.24);
    expect(f.evidence['一卡通发放金额']).toBe(800);
    expect(f.locations.map((l) => l.kind).sort()).toEqual(['one-book', 'payouts']);
  });

  it('counts payouts to any member of the household, not to others', () => {
    expect(run([line('2023', '政策补贴', '耕地地力保护补贴', '850.24')], [paid(WIFE, '耕地地力保护补贴', '850.24')])).toEqual([]);
    const [f] = run([line('2023', '政策补贴', '耕地地力保护补贴', '850.24')], [paid(NEIGHBOUR, '耕地地力保护补贴', '850.24')]);
    expect(f.severity).toBe('high');
    expect(f.message).toContain('惠农一卡通发放记录中没有该户此项发放');
  });

  it('a handbook line with no payout is a finding only where the payouts roster carries that item and year', () => {
    expect(run([line('2023', '转移性收入', '城乡居民基础养老金', '1920')], [paid(NEIGHBOUR, '耕地地力保护补贴', '100')])).toEqual([]);
    expect(run([line('2023', '转移性收入', '城乡居民基础养老金', '1920')], [paid(NEIGHBOUR, '城乡居民基础养老金', '1920')])).toHaveLength(1);
  });

  it('a payout the handbook lacks is a finding only for a year the handbook’s ledger covers', () => {
    const [f] = run([line('2023', '工资性收入', '外出务工收入', '20000')], [paid(HEAD, '产业奖补', '2000')]);
    expect(f.message).toContain('《一本通》收支流水中没有登记');
    expect(f.values['one-book']).toBe('2023年产业奖补：未登记');
    expect(run([line('2022', '工资性收入', '外出务工收入', '20000')], [paid(HEAD, '产业奖补', '2000')])).toEqual([]);
  });

  it('compares a paid item the handbook filed under another category, and keeps years apart', () => {
    expect(run([line('2023', '生产经营性收入', '产业奖补', '2000')], [paid(HEAD, '产业奖补', '2000')])).toEqual([]);
    // Paid in 2022 but written in the 2023 ledger: two years, two findings (the roster carries 2023 for a neighbour).
    const ledger = [line('2023', '政策补贴', '产业奖补', '2000'), line('2022', '工资性收入', '外出务工收入', '20000')];
    const found = run(ledger, [paid(HEAD, '产业奖补', '2000', '2022-09-01'), paid(NEIGHBOUR, '产业奖补', '3000', '2023-09-01')]);
    expect(found.map((f) => [f.evidence['年度'], f.values.payouts, f.values['one-book']]).sort()).toEqual([
      [2022, '2000元', '2022年产业奖补：未登记'],
      [2023, '无发放记录', '2023年产业奖补：2000元'],
    ]);
  });
});
