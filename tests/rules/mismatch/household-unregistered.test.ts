import { describe, expect, it } from 'vitest';
import { householdUnregistered } from '../../../src/rules/mismatch/household-unregistered.js';
import { dataset, findingsOf, validIdFor } from '../data-quality/build.js';
import { family, merge, WANG, ZHANG, type Member } from './family.js';

const CHEN: Member[] = [
  { name: '陈七', id: validIdFor('19700707', '071'), relation: '户主', hukouRelation: '户主', gender: '男', birth: '1970-07-07' },
  { name: '刘八', id: validIdFor('19720808', '082'), relation: '配偶', hukouRelation: '妻', gender: '女', birth: '1972-08-08' },
];
const onlyIn = (...kinds: string[]) => ({ without: (['national', 'household-file', 'one-book', 'hukou', 'notice-board'] as const).filter((k) => !kinds.includes(k)) });

describe('mismatch/household-unregistered', () => {
  it('finds an archive household no registered household matches, once per household', () => {
    const ds = dataset(merge(family(), family({ members: CHEN, ...onlyIn('household-file') })));
    const [f, ...rest] = findingsOf(householdUnregistered, ds);
    expect(rest).toEqual([]);
    expect(f.householdId).toBeNull();
    expect([f.township, f.village, f.name]).toEqual(['黄金镇', '黄金村', '陈七']);
    expect(f.field).toBe('presence');
    expect(f.correct).toBe('household-file');
    expect(f.values).toEqual({ 'household-file': '有（户主陈七）', national: '无' });
    expect(f.evidence['成员']).toBe('陈七、刘八');
    expect(f.evidence['户主身份证号']).toBe(CHEN[0].id);
    expect(f.locations).toHaveLength(2);
    expect(f.suggestion).toContain('识别程序');
  });

  it('finds a handbook household and a notice board that match nothing', () => {
    const ds = dataset(merge(family(), family({ members: CHEN, ...onlyIn('one-book', 'notice-board') })));
    const found = findingsOf(householdUnregistered, ds);
    expect(found.map((f) => [f.correct, f.name])).toEqual([
      ['one-book', '陈七'],
      ['notice-board', '陈七'],
    ]);
    expect(found[1].locations.map((l) => [l.kind, l.column])).toEqual([['notice-board', '户主姓名']]);
  });

  it('keeps namesakes apart by the head ID', () => {
    const other: Member[] = [{ ...CHEN[0], id: validIdFor('19800101', '091') }];
    const ds = dataset(merge(family(), family({ members: CHEN, ...onlyIn('household-file') }), family({ members: other, ...onlyIn('household-file') })));
    const found = findingsOf(householdUnregistered, ds);
    expect(found).toHaveLength(2);
    expect(new Set(found.map((f) => f.id)).size).toBe(2);
  });

  it('leaves households whose link was ambiguous to the linker', () => {
    // The archive's 张三 household holds 张三 (registered in H1) and 王五 (registered in H2): one vote each.
    const mixed: Member[] = [ZHANG[0], WANG[0]];
    const ds = dataset(merge(family({ without: ['household-file'] }), family({ householdNo: 'H2', hukouNo: 'HK2', members: WANG, without: ['household-file'] }), family({ members: mixed, ...onlyIn('household-file') })));
    expect(ds.ambiguous.some((a) => a.kind === 'household-file')).toBe(true);
    expect(ds.unattached.archive).toHaveLength(1);
    expect(findingsOf(householdUnregistered, ds)).toEqual([]);
  });

  it('finds nothing when every household is registered', () => {
    expect(findingsOf(householdUnregistered, dataset(merge(family(), family({ householdNo: 'H2', hukouNo: 'HK2', members: WANG }))))).toEqual([]);
  });
});
