import { describe, expect, it } from 'vitest';
import { newborn } from '../../../src/rules/mismatch/newborn.js';
import { hukou } from '../../../src/sources/index.js';
import { dataset, findingsOf, parsedRow, validIdFor } from '../data-quality/build.js';
import { family, merge, WANG, ZHANG, type Parts } from './family.js';

const SON = ZHANG[2];

/** The family plus one hukou-only resident of hukou household `no`. */
function withResident(cells: Record<string, string>, parts: Parts = family(), no = 'HK1'): Parts {
  const row = parsedRow(hukou, { township: '黄金镇', village: '黄金村', householdNo: no, personStatus: '正常', ...cells });
  return { ...parts, hukou: [...parts.hukou, row] };
}

const baby = (birth: string, relation = '孙子', extra: Record<string, string> = {}) => ({
  name: '张小宝',
  idNumber: validIdFor(birth.replace(/-/g, ''), '011'),
  birthDate: birth,
  relation,
  ...extra,
});

describe('mismatch/newborn', () => {
  it('a grandchild of the head born after identification, missing from national: correct national', () => {
    const b = baby('2018-06-01');
    const [f, ...rest] = findingsOf(newborn, dataset(withResident(b)));
    expect(rest).toEqual([]);
    expect([f.householdId, f.personId, f.name, f.field, f.correct]).toEqual(['H1', b.idNumber, '张小宝', 'member', 'national']);
    expect(f.values).toEqual({ hukou: `张小宝（${b.idNumber}），2018-06-01出生`, national: '无' });
    expect(f.message).toBe('户籍中张小宝（2018-06-01出生）是户主张三的孙子女，出生于该户首次识别时间（2015-03-01）之后，国办系统该户没有此人（应增未增）');
    expect(f.evidence).toMatchObject({ 户号: 'HK1', 出生日期: '2018-06-01', 亲属关系: '户籍登记为户主之孙子（外孙子）', '首次识别时间（国办系统）': '2015-03-01' });
    expect(f.locations.map((l) => [l.kind, l.column])).toEqual([
      ['hukou', '姓名'],
      ['national', null],
    ]);
  });

  it('counts births on the identification date, not the day before', () => {
    expect(findingsOf(newborn, dataset(withResident(baby('2015-03-01', '女'))))).toHaveLength(1);
    expect(findingsOf(newborn, dataset(withResident(baby('2015-02-28', '女'))))).toEqual([]);
  });

  it('uses the policy start of registration when the national record has no identification date', () => {
    const parts = family({ edit: (k, c) => (k === 'national' ? { ...c, firstIdentified: '' } : c) });
    const [f] = findingsOf(newborn, dataset(withResident(baby('2014-06-01', '子'), parts)));
    expect(f.evidence['建档立卡起始日期（国办系统未填首次识别时间）']).toBe('2014-01-01');
    expect(findingsOf(newborn, dataset(withResident(baby('2013-12-31', '子'), parts)))).toEqual([]);
  });

  it('leaves out other relatives, the dead, and people registered in another household', () => {
    expect(findingsOf(newborn, dataset(withResident(baby('2018-06-01', '侄子'))))).toEqual([]);
    expect(findingsOf(newborn, dataset(withResident(baby('2018-06-01', '孙子', { personStatus: '死亡' }))))).toEqual([]);
    const registered = { ...WANG[0], name: '张小宝', id: validIdFor('20180601', '011'), birth: '2018-06-01' };
    // Registered in H2 (linked through its hukou row in HK2); a second hukou row in HK1 carries the same ID.
    const elsewhere = merge(family(), family({ householdNo: 'H2', hukouNo: 'HK2', members: [registered] }));
    const ds = dataset(withResident(baby('2018-06-01'), elsewhere));
    expect(ds.households[0].hukouOthers.map((r) => r.name)).toEqual(['张小宝']);
    expect(findingsOf(newborn, ds)).toEqual([]);
  });

  it('uses the parents\' IDs when the hukou head is not the registered head', () => {
    // Registered: 张小明 and his wife; hukou household HK1 is headed by his father 张三, who is not registered.
    const wife = { name: '周芳', id: validIdFor('19920404', '042'), relation: '配偶', hukouRelation: '儿媳', gender: '女' as const, birth: '1992-04-04' };
    const young = [{ ...SON, relation: '户主' }, wife];
    const parts = merge(
      family({ members: young }),
      { national: [], 'household-file': [], 'one-book': [], 'notice-board': [], hukou: family({ members: [ZHANG[0]] }).hukou },
    );
    const withFather = withResident(baby('2019-09-09', '孙子', { fatherId: SON.id }), parts);
    const [f] = findingsOf(newborn, dataset(withFather));
    expect(f.evidence['亲属关系']).toBe(`户籍登记的父亲张小明（${SON.id}）为本户户主`);
    expect(f.message).toContain('是户主张小明的子女');
    expect(findingsOf(newborn, dataset(withResident(baby('2019-09-09', '孙子'), parts)))).toEqual([]);
  });

  it('a child of a son living with the head is a grandchild, by the father\'s ID', () => {
    const [f] = findingsOf(newborn, dataset(withResident(baby('2020-02-02', '', { fatherId: SON.id }))));
    expect(f.message).toContain('孙子女');
  });

  it('finds nothing when hukou holds no one beyond the members', () => {
    expect(findingsOf(newborn, dataset(family()))).toEqual([]);
  });
});
