import { describe, expect, it } from 'vitest';
import { head } from '../../../src/rules/mismatch/head.js';
import { dataset, findingsOf } from '../data-quality/build.js';
import { family, merge, ZHANG, type Cells, type FamilyKind } from './family.js';

const [HEAD, WIFE, SON] = ZHANG;
const run = (...args: Parameters<typeof family>) => findingsOf(head, dataset(family(...args)));

describe('mismatch/head', () => {
  it('the archive names the spouse as head: correct the archive', () => {
    const [f, ...rest] = run({ edit: (k, c) => (k === 'household-file' ? { ...c, headName: WIFE.name, headId: WIFE.id } : c) });
    expect(rest).toEqual([]);
    expect([f.householdId, f.field, f.correct]).toEqual(['H1', 'head', 'household-file']);
    expect(f.values).toEqual({ national: `张三（${HEAD.id}）`, 'household-file': `李四（${WIFE.id}）` });
    expect(f.message).toBe(`国办系统户主为张三（${HEAD.id}），一户一档户主为李四（${WIFE.id}）（国办系统中为本户配偶）`);
    expect(f.locations.map((l) => [l.kind, l.column])).toEqual([
      ['national', '与户主关系'],
      ['household-file', '户主身份证号'],
    ]);
  });

  it('the handbook marks another member 户主 (no head columns): correct the handbook', () => {
    const edit = (k: FamilyKind, c: Cells, i: number): Cells => {
      if (k !== 'one-book') return c;
      const { headName: _n, headId: _i, ...rest } = c;
      return { ...rest, relation: i === 2 ? '户主' : i === 0 ? '之父' : c.relation };
    };
    const [f, ...rest] = run({ edit });
    expect(rest).toEqual([]);
    expect([f.correct, f.values['one-book']]).toEqual(['one-book', `张小明（${SON.id}）`]);
    expect(f.message).toContain('国办系统中为本户之子');
  });

  it('a head from outside the household, named without an ID', () => {
    const [f] = run({ edit: (k, c) => (k === 'household-file' ? { ...c, headName: '赵大', headId: '' } : c) });
    expect(f.message).toContain('一户一档户主为赵大（不是国办系统中本户的成员）');
  });

  it('the notice board writes the head\'s name with a homophone: correct the board', () => {
    const [f, ...rest] = run({ edit: (k, c) => (k === 'notice-board' ? { ...c, headName: '张叁' } : c) });
    expect(rest).toEqual([]);
    expect([f.correct, f.values]).toEqual(['notice-board', { national: '张三', 'notice-board': '张叁' }]);
    expect(f.message).toContain('读音相同');
  });

  it('the same head under another spelling in the head column is not a different head', () => {
    expect(run({ edit: (k, c) => (k === 'household-file' ? { ...c, headName: '张 三' } : c) })).toEqual([]);
  });

  it('skips hukou: the registered household may be part of a hukou household with another head', () => {
    const young = [{ ...SON, relation: '户主' }];
    const parts = merge(family({ members: young }), { national: [], 'household-file': [], 'one-book': [], 'notice-board': [], hukou: family({ members: [HEAD] }).hukou });
    expect(findingsOf(head, dataset(parts))).toEqual([]);
  });

  it('finds nothing when every source names the same head', () => {
    expect(run()).toEqual([]);
  });
});
