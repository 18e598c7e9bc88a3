import { describe, expect, it } from 'vitest';
import { memberAbsent } from '../../../src/rules/mismatch/member-absent.js';
import { dataset, findingsOf, validIdFor } from '../data-quality/build.js';
import { family, merge, ZHANG, type FamilyKind, type Cells } from './family.js';

const SON = ZHANG[2];
/** Drops member `i` from the given sources. */
const drop = (i: number, ...kinds: FamilyKind[]) => (k: FamilyKind, c: Cells, j: number) => (kinds.includes(k) && j === i ? null : c);

describe('mismatch/member-absent', () => {
  it('a living hukou member missing from the national record: correct national, once', () => {
    const ds = dataset(family({ edit: drop(2, 'national') }));
    const [f, ...rest] = findingsOf(memberAbsent, ds);
    expect(rest).toEqual([]);
    expect(f.personId).toBe(SON.id);
    expect(f.field).toBe('member');
    expect(f.correct).toBe('national');
    expect(f.values).toEqual({
      national: '无',
      'household-file': `张小明（${SON.id}）`,
      'one-book': `张小明（${SON.id}）`,
      hukou: `张小明（${SON.id}）`,
    });
    expect(f.message).toBe(`户籍中本户成员张小明（${SON.id}）在国办系统中没有记录`);
    expect(f.locations.map((l) => l.kind)).toEqual(['household-file', 'one-book', 'hukou', 'national']);
  });

  it('a member missing from the archive only: correct the archive', () => {
    const [f, ...rest] = findingsOf(memberAbsent, dataset(family({ edit: drop(2, 'household-file') })));
    expect(rest).toEqual([]);
    expect([f.correct, f.values['household-file'], f.values.national]).toEqual(['household-file', '无', `张小明（${SON.id}）`]);
    expect(f.suggestion).toBe('以户籍为准，在一户一档中为该户补录该成员');
  });

  it('a person hukou does not hold in the household: every source listing them is to correct', () => {
    const found = findingsOf(memberAbsent, dataset(family({ edit: drop(2, 'hukou') })));
    expect(found.map((f) => [f.personId, f.correct])).toEqual([
      [SON.id, 'national'],
      [SON.id, 'household-file'],
      [SON.id, 'one-book'],
    ]);
    expect(found[0].message).toContain('但户籍中本户没有此人');
    expect(found[0].values.hukou).toBe('无');
  });

  it('without hukou data the national record is the reference, both ways', () => {
    const extra = { name: '陈某', idNumber: validIdFor('19950101', '011'), relation: '之女' };
    const ds = dataset(
      family({
        without: ['hukou'],
        edit: (k, c, i) => (k === 'household-file' && i === 2 ? { ...c, ...extra } : c),
      }),
    );
    const found = findingsOf(memberAbsent, ds);
    expect(found.map((f) => [f.name, f.correct, f.message])).toEqual([
      ['张小明', 'household-file', `国办系统中本户成员张小明（${SON.id}）在一户一档中没有记录`],
      ['陈某', 'household-file', `一户一档将陈某（${extra.idNumber}）列为本户成员，但国办系统中本户没有此人`],
    ]);
  });

  it('a person linked through an Excel-damaged ID is present, not absent', () => {
    const damaged = { v: 360721199003030300, numeric: true };
    const ds = dataset(family({ edit: (k, c, i) => (k === 'household-file' && i === 2 ? { ...c, idNumber: damaged } : c) }));
    const son = ds.households[0].people.find((p) => p.personId === SON.id);
    expect(son?.links['household-file']?.method).toBe('idDamaged');
    expect(findingsOf(memberAbsent, ds)).toEqual([]);
  });

  it('leaves the dead and the newborn to their own rules', () => {
    const dead = family({
      edit: (k, c, i) => (k === 'hukou' && i === 1 ? { ...c, personStatus: '死亡' } : k === 'household-file' && i === 1 ? null : c),
    });
    expect(findingsOf(memberAbsent, dataset(dead))).toEqual([]);
    // A grandchild born after identification: in hukou and the archive, not in national nor the handbook.
    const baby = { ...SON, name: '张小宝', id: validIdFor('20180601', '011'), relation: '之孙子', hukouRelation: '孙子', birth: '2018-06-01' };
    const ds = dataset(family({ members: [...ZHANG, baby], edit: (k, c, i) => (i === 3 && (k === 'national' || k === 'one-book') ? null : c) }));
    expect(findingsOf(memberAbsent, ds).map((f) => [f.name, f.correct])).toEqual([['张小宝', 'one-book']]);
  });

  it('leaves a record the linker could not place (its ID is in two registered households) to the ambiguity finding', () => {
    const chen = { name: '陈某', id: validIdFor('19950101', '011'), relation: '户主', hukouRelation: '户主', gender: '女' as const, birth: '1995-01-01' };
    const twice = merge(
      family({ edit: (k, c, i) => (k === 'household-file' && i === 2 ? { ...c, name: chen.name, idNumber: chen.id, birthDate: chen.birth } : c) }),
      family({ householdNo: 'H2', members: [chen], without: ['household-file', 'one-book', 'hukou', 'notice-board'] }),
      family({ householdNo: 'H3', members: [chen], without: ['household-file', 'one-book', 'hukou', 'notice-board'] }),
    );
    const ds = dataset(twice);
    expect(ds.ambiguous.map((a) => [a.kind, a.householdIds])).toEqual([['household-file', ['H2', 'H3']]]);
    // 张小明, missing from the archive, is still found; 陈某 is not reported as an extra member.
    expect(findingsOf(memberAbsent, ds).map((f) => [f.name, f.correct])).toEqual([['张小明', 'household-file']]);
  });

  it('finds nothing when all sources list the same members', () => {
    expect(findingsOf(memberAbsent, dataset(family()))).toEqual([]);
  });
});
