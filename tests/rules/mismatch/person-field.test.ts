import { describe, expect, it } from 'vitest';
import { personField, sameBirth } from '../../../src/rules/mismatch/person-field.js';
import { idCheckChar } from '../../../src/normalize/id.js';
import { dataset, findingsOf, validIdFor } from '../data-quality/build.js';
import { family, merge, ZHANG, type Cells, type FamilyKind } from './family.js';

const [HEAD, , SON] = ZHANG;
/** Set cells of member `i` in source `kind`. */
const set = (kind: FamilyKind, i: number, cells: Cells) => (k: FamilyKind, c: Cells, j: number) => (k === kind && j === i ? { ...c, ...cells } : c);
const run = (...args: Parameters<typeof family>) => findingsOf(personField, dataset(family(...args)));
/** The son's ID with its 16th digit changed: the check character no longer fits. */
const SON_TYPO = `${SON.id.slice(0, 15)}${SON.id[15] === '9' ? '8' : '9'}${SON.id.slice(16)}`;

describe('mismatch/person-field', () => {
  it('name: a homophone in the national record is a mismatch, and is called one', () => {
    const [f, ...rest] = run({ edit: set('national', 2, { name: '张晓明' }) });
    expect(rest).toEqual([]);
    expect([f.personId, f.field, f.correct]).toEqual([SON.id, 'name', 'national']);
    expect(f.values).toEqual({ hukou: '张小明', national: '张晓明' });
    expect(f.message).toBe('户籍登记的姓名为“张小明”，国办系统为“张晓明”（读音相同（zhang xiao ming），系同音字写错）');
    expect(f.locations.map((l) => [l.kind, l.column])).toEqual([
      ['hukou', '姓名'],
      ['national', '姓名'],
    ]);
  });

  it('name: without hukou the national record is the reference; spacing is not a difference', () => {
    const found = run({ without: ['hukou'], edit: (k, c, i) => (k === 'household-file' && i === 1 ? { ...c, name: '李 西' } : k === 'one-book' && i === 0 ? { ...c, name: '张　三' } : c) });
    expect(found.map((f) => [f.name, f.field, f.correct, f.values])).toEqual([['李四', 'name', 'household-file', { national: '李四', 'household-file': '李西' }]]);
  });

  it('ID: a one-digit typo in the national record; hukou is valid, so national is corrected', () => {
    const [f, ...rest] = run({ edit: set('national', 2, { idNumber: SON_TYPO }) });
    expect(rest).toEqual([]);
    expect([f.field, f.correct, f.severity]).toEqual(['idNumber', 'national', 'high']);
    expect(f.values).toEqual({ hukou: SON.id, national: SON_TYPO });
    expect(f.message).toContain('相差一位');
    expect(f.message).toContain('户籍的号码校验正确，国办系统的号码有误');
    expect(f.suggestion).toBe(`以户籍为准，将国办系统中该成员的身份证号更正为 ${SON.id}`);
  });

  it('ID: when hukou holds the invalid number, hukou is to verify and the others agree with national', () => {
    const found = run({ edit: set('hukou', 2, { idNumber: SON_TYPO }) });
    expect(found.map((f) => [f.field, f.correct])).toEqual([['idNumber', 'hukou']]);
    expect(found[0].suggestion).toContain('核实户籍登记的身份证号');
  });

  it('ID: two different valid numbers for the same person (linked by name and birth date)', () => {
    const other = validIdFor('19900303', '055');
    const [f, ...rest] = run({ edit: set('household-file', 2, { idNumber: other }) });
    expect(rest).toEqual([]);
    expect([f.field, f.correct, f.values]).toEqual(['idNumber', 'household-file', { hukou: SON.id, 'household-file': other }]);
    expect(f.message).toContain('两个号码都能通过校验');
  });

  it('ID: no valid number anywhere and the numbers differ → verify against the ID card (correct: null)', () => {
    const first17 = SON.id.slice(0, 17);
    const wrongCheck = (c: string) => first17 + (c === '0' ? '1' : '0');
    const badHukou = wrongCheck(idCheckChar(first17));
    const badNational = `${badHukou.slice(0, 15)}${badHukou[15] === '9' ? '8' : '9'}${badHukou.slice(16)}`;
    const found = run({ without: ['household-file', 'one-book'], edit: (k, c, i) => (i !== 2 ? c : k === 'hukou' ? { ...c, idNumber: badHukou } : k === 'national' ? { ...c, idNumber: badNational } : c) });
    expect(found.map((f) => [f.field, f.correct])).toEqual([['idNumber', null]]);
    expect(found[0].values).toEqual({ hukou: badHukou, national: badNational });
  });

  it('ID: an Excel-damaged number is data quality, not a mismatch', () => {
    expect(run({ edit: set('one-book', 2, { idNumber: { v: 360721199003030300, numeric: true } }) })).toEqual([]);
  });

  it('relation: compared by meaning (之子 = 子 = 长子, 孙子女 ⊃ 之孙子); a real difference is found', () => {
    const grandchild = { name: '张小宝', id: validIdFor('20180601', '011'), relation: '之孙子', hukouRelation: '孙子女', gender: '男' as const, birth: '2018-06-01' };
    expect(run({ members: [...ZHANG, grandchild], edit: set('hukou', 2, { relation: '长子' }) })).toEqual([]);
    const [f, ...rest] = run({ edit: set('household-file', 2, { relation: '之女' }) });
    expect(rest).toEqual([]);
    expect([f.field, f.correct, f.values]).toEqual(['relation', 'household-file', { hukou: '之子', 'household-file': '之女' }]);
  });

  it('relation: hukou relations are skipped when the hukou head is not the registered head', () => {
    const young = [{ ...SON, relation: '户主' }];
    const parts = merge(family({ members: young }), { national: [], 'household-file': [], 'one-book': [], 'notice-board': [], hukou: family({ members: [HEAD] }).hukou });
    expect(findingsOf(personField, dataset(parts))).toEqual([]);
  });

  it('sex: against the hukou column, or the hukou ID when the column is blank', () => {
    const [f] = run({ edit: set('household-file', 0, { gender: '女' }) });
    expect([f.field, f.correct, f.values]).toEqual(['gender', 'household-file', { hukou: '男', 'household-file': '女' }]);
    const [g, ...rest] = run({ edit: (k, c, i) => (k === 'hukou' ? { ...c, gender: '' } : k === 'national' && i === 0 ? { ...c, gender: '女' } : c) });
    expect(rest).toEqual([]);
    expect(g.message).toBe('户籍登记张三的性别为“男”（按身份证号），国办系统为“女”');
    expect(g.locations[0].column).toBe('身份证号');
  });

  it('birth date: a different day is found; a month-only 出生年月 agrees with any day of its month', () => {
    const [f, ...rest] = run({ edit: set('one-book', 2, { birthDate: '1990-03-04' }) });
    expect(rest).toEqual([]);
    expect([f.field, f.correct, f.values]).toEqual(['birthDate', 'one-book', { hukou: '1990-03-03', 'one-book': '1990-03-04' }]);
    expect(run({ edit: set('one-book', 2, { birthDate: '1990.03' }) })).toEqual([]);
    expect(sameBirth('1990-03-01', '1990-04-03')).toBe(false);
  });

  it('a member only the archive and handbook list is still compared with hukou', () => {
    const edit = (k: FamilyKind, c: Cells, i: number) => (i !== 2 ? c : k === 'national' ? null : k === 'household-file' ? { ...c, name: '张晓明' } : c);
    const found = run({ edit });
    expect(found.map((f) => [f.personId, f.field, f.correct, f.values])).toEqual([[SON.id, 'name', 'household-file', { hukou: '张小明', 'household-file': '张晓明' }]]);
  });

  it('finds nothing when every source agrees', () => {
    expect(run()).toEqual([]);
  });
});
