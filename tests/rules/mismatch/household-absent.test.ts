import { describe, expect, it } from 'vitest';
import { householdAbsent } from '../../../src/rules/mismatch/household-absent.js';
import { dataset, findingsOf } from '../data-quality/build.js';
import { family, merge, WANG, type FamilyKind } from './family.js';

/** H1 (张三) left out of `kinds`; H2 (王五) in every source, so the sources cover the village. */
const withoutH1 = (kinds: FamilyKind[], h2: Parameters<typeof family>[0] = {}) =>
  dataset(merge(family({ without: kinds }), family({ householdNo: 'H2', hukouNo: 'HK2', members: WANG, ...h2 })));

describe('mismatch/household-absent', () => {
  it('finds a household missing from the archive once, not once per member', () => {
    const [f, ...rest] = findingsOf(householdAbsent, withoutH1(['household-file']));
    expect(rest).toEqual([]);
    expect(f.householdId).toBe('H1');
    expect(f.field).toBe('presence');
    expect(f.correct).toBe('household-file');
    expect(f.values).toEqual({ national: '在册（3人）', 'household-file': '无' });
    expect(f.message).toContain('一户一档中没有记录');
    expect(f.locations.map((l) => l.kind)).toEqual(['national', 'national', 'national']);
  });

  it('finds one finding per missing source', () => {
    const found = findingsOf(householdAbsent, withoutH1(['one-book', 'notice-board']));
    expect(found.map((f) => [f.householdId, f.correct])).toEqual([
      ['H1', 'one-book'],
      ['H1', 'notice-board'],
    ]);
  });

  it('asks to verify hukou (correct: null) when no member is found in hukou', () => {
    const [f, ...rest] = findingsOf(householdAbsent, withoutH1(['hukou']));
    expect(rest).toEqual([]);
    expect(f.correct).toBeNull();
    expect(f.values).toEqual({ national: '在册（3人）', hukou: '无' });
    expect(f.suggestion).toContain('核实户籍');
  });

  it('says nothing when the source has no records at all', () => {
    const ds = dataset(merge(family({ without: ['household-file'] }), family({ householdNo: 'H2', hukouNo: 'HK2', members: WANG, without: ['household-file'] })));
    expect(findingsOf(householdAbsent, ds)).toEqual([]);
  });

  it('says nothing outside the source coverage: another village, or the same village name in another township', () => {
    expect(findingsOf(householdAbsent, withoutH1(['household-file'], { village: '白石村' }))).toEqual([]);
    expect(findingsOf(householdAbsent, withoutH1(['household-file'], { township: '白石镇' }))).toEqual([]);
  });

  it('does not report hukou absence when some members are found in hukou (that is a member matter)', () => {
    const ds = withoutH1([], {});
    const partial = dataset(merge(family({ edit: (k, c, i) => (k === 'hukou' && i > 0 ? null : c) }), family({ householdNo: 'H2', hukouNo: 'HK2', members: WANG })));
    expect(findingsOf(householdAbsent, ds)).toEqual([]);
    expect(findingsOf(householdAbsent, partial)).toEqual([]);
  });
});
