/** All mismatch rules at once: each root cause is reported once, by the rule it belongs to. */
import { describe, expect, it } from 'vitest';
import { MISMATCH_RULES } from '../../../src/rules/mismatch/index.js';
import { runRules } from '../../../src/rules/run.js';
import { findingSchema } from '../../../src/model/finding.js';
import { dataset } from '../data-quality/build.js';
import { family, merge, WANG, ZHANG, type Cells, type FamilyKind } from './family.js';

const all = (parts: ReturnType<typeof family>) => runRules(dataset(parts), MISMATCH_RULES).map((f) => findingSchema.parse(f));

describe('mismatch rules together', () => {
  it('registers nine rules with distinct ids in the mismatch category', () => {
    expect(MISMATCH_RULES.map((r) => r.id)).toEqual([
      'mismatch/household-absent',
      'mismatch/household-unregistered',
      'mismatch/member-absent',
      'mismatch/member-deceased',
      'mismatch/newborn',
      'mismatch/person-field',
      'mismatch/head',
      'mismatch/household-fields',
      'mismatch/helper',
    ]);
    expect(MISMATCH_RULES.every((r) => r.category === 'mismatch' && /[\u4e00-\u9fff]/.test(r.title + r.description))).toBe(true);
  });

  it('find nothing on households whose sources agree', () => {
    const ds = dataset(merge(family(), family({ householdNo: 'H2', hukouNo: 'HK2', members: WANG })));
    expect(ds.households.map((h) => [h.householdId, h.people.length, !!h.archive, !!h.oneBook, !!h.board, h.hukouNos])).toEqual([
      ['H1', 3, true, true, true, ['HK1']],
      ['H2', 2, true, true, true, ['HK2']],
    ]);
    expect(runRules(ds, MISMATCH_RULES)).toEqual([]);
  });

  it('a death already taken off the archive: only the sources still counting her are told, by member-deceased', () => {
    const edit = (k: FamilyKind, c: Cells, i: number): Cells | null => {
      if (k === 'hukou' && i === 1) return { ...c, personStatus: '死亡' };
      if (k === 'household-file') return i === 1 ? null : { ...c, householdSize: '2' };
      return c;
    };
    expect(all(family({ edit })).map((f) => [f.rule, f.personId, f.correct])).toEqual([
      ['mismatch/member-deceased', ZHANG[1].id, 'national'],
      ['mismatch/member-deceased', ZHANG[1].id, 'one-book'],
    ]);
  });

  it('an Excel-damaged ID in the handbook gives no mismatch at all', () => {
    const edit = (k: FamilyKind, c: Cells, i: number) => (k === 'one-book' && i === 2 ? { ...c, idNumber: { v: 360721199003030300, numeric: true } } : c);
    expect(all(family({ edit }))).toEqual([]);
  });

  it('a household missing from the handbook is one finding, not one per member or field', () => {
    const found = all(merge(family({ without: ['one-book'] }), family({ householdNo: 'H2', hukouNo: 'HK2', members: WANG })));
    expect(found.map((f) => [f.rule, f.householdId, f.correct])).toEqual([['mismatch/household-absent', 'H1', 'one-book']]);
  });
});
