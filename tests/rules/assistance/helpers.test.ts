import { describe, expect, it } from 'vitest';
import { noticeBoard } from '../../../src/sources/index.js';
import { noHelper } from '../../../src/rules/assistance/no-helper.js';
import { helperLoad } from '../../../src/rules/assistance/helper-load.js';
import type { Dataset } from '../../../src/link/model.js';
import { findingsOf, parsedRow } from '../data-quality/build.js';
import { household, member, PLACE, world, type Cells, type Parts } from '../split-household/build.js';

/** Household i (户编号 H01…) with one member and the given national household cells. */
const home = (i: number, cells: Cells): Parts => {
  const n = String(i).padStart(2, '0');
  return household({ no: `H${n}`, members: [member(`户主${n}`, '19600101', `${n}1`, '户主', '户主')], household: cells, hukouNo: null });
};
const many = (count: number, cells: Cells, from = 1): Parts[] => Array.from({ length: count }, (_, k) => home(from + k, cells));

const HELPER: Cells = { helperName: '王帮扶', helperPhone: '13807971234' };

describe('assistance/no-helper', () => {
  it('flags a household with no helper in any source, where the source records helpers', () => {
    const [f, ...rest] = findingsOf(noHelper, world({ parts: [home(1, HELPER), home(2, {})] }));
    expect(rest).toEqual([]);
    expect(f.category).toBe('assistance');
    expect(f.householdId).toBe('H02');
    expect(f.field).toBe('helperName');
    expect(f.severity).toBe('high');
    expect(f.values).toEqual({ national: '（空）' });
    expect(f.message).toContain('在国办系统中没有填写帮扶责任人');
    expect(f.locations[0].column).toBe('帮扶责任人');
  });

  it('names every source checked', () => {
    const boards = [
      parsedRow(noticeBoard, { ...PLACE, headName: '户主01', householdSize: '1', helperName: '王帮扶', boardStatus: '完好' }),
      parsedRow(noticeBoard, { ...PLACE, headName: '户主02', householdSize: '1', boardStatus: '完好' }),
    ];
    const [f] = findingsOf(noHelper, world({ parts: [home(1, HELPER), home(2, {})], other: { 'notice-board': boards } }));
    expect(f.message).toContain('在国办系统、公示牌中都没有填写帮扶责任人');
    expect(f.values).toEqual({ national: '（空）', 'notice-board': '（空）' });
  });

  it('says nothing where no source records helpers (a national export without the column)', () => {
    expect(findingsOf(noHelper, world({ parts: [home(1, {}), home(2, {})] }))).toEqual([]);
  });

  it('accepts a helper named by the notice board alone', () => {
    const board = parsedRow(noticeBoard, { ...PLACE, headName: '户主02', householdSize: '1', helperName: '李帮扶', boardStatus: '完好' });
    expect(findingsOf(noHelper, world({ parts: [home(1, HELPER), home(2, {})], other: { 'notice-board': [board] } }))).toEqual([]);
  });
});

describe('assistance/helper-load', () => {
  it('flags every household of a helper with more than the policy cap (10), naming the helper and the count', () => {
    const found = findingsOf(helperLoad, world({ parts: many(11, HELPER) }));
    expect(found).toHaveLength(11);
    const f = found[0];
    expect(f.field).toBe('helperLoad');
    expect(f.message).toContain('帮扶责任人王帮扶（13807971234）共帮扶11户，超过每人不超过10户的规定');
    expect(f.evidence['帮扶户数']).toBe(11);
    expect(f.evidence['帮扶户数上限']).toBe(10);
    expect(f.evidence['同一帮扶人认定']).toBe('姓名相同且电话相同');
    expect(new Set(found.map((x) => x.householdId)).size).toBe(11);
  });

  it('takes exactly the cap as allowed', () => {
    expect(findingsOf(helperLoad, world({ parts: many(10, HELPER) }))).toEqual([]);
  });

  it('reads the cap from the policy', () => {
    const ds: Dataset = world({ parts: many(3, HELPER) });
    ds.policy = { ...ds.policy, helperCap: { value: 2, source: '测试' } };
    expect(findingsOf(helperLoad, ds)).toHaveLength(3);
  });

  it('keeps namesakes apart: same name, different phone and unit', () => {
    const a = { helperName: '王帮扶', helperPhone: '13807971234', helperUnit: '县财政局' };
    const b = { helperName: '王帮扶', helperPhone: '13907975678', helperUnit: '黄金镇人民政府' };
    expect(findingsOf(helperLoad, world({ parts: [...many(6, a), ...many(6, b, 7)] }))).toEqual([]);
  });

  it('joins one helper known by phone in some households and by unit in others', () => {
    const phoneAndUnit = { helperName: '王帮扶', helperPhone: '138-0797-1234', helperUnit: '县财政局' };
    const unitOnly = { helperName: '王帮扶', helperUnit: '县 财政局' };
    const phoneOnly = { helperName: '王帮扶', helperPhone: '13807971234' };
    const parts = [...many(1, phoneAndUnit), ...many(5, unitOnly, 2), ...many(5, phoneOnly, 7)];
    const found = findingsOf(helperLoad, world({ parts }));
    expect(found).toHaveLength(11);
    expect(found[0].evidence['同一帮扶人认定']).toBe('姓名相同且电话或单位相同');
  });
});
