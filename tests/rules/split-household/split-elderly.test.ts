import { describe, expect, it } from 'vitest';
import { splitElderly } from '../../../src/rules/split-household/split-elderly.js';
import { findingsOf } from '../data-quality/build.js';
import { household, hukouRow, member, rosterRow, world, type Cells, type Member, type World } from './build.js';

// As of 2024-06-30: elderly from 60 (born on or before 1964-06-30).
const FATHER = member('张老汉', '19400101', '011', '户主', '户主');
const MOTHER = member('李老太', '19420202', '022', '配偶', '妻');
const SON = member('张大', '19700101', '031', '户主', '户主');
const SONS_WIFE = member('陈梅', '19720303', '042', '配偶', '妻');

const SPLIT: Cells = { created: '2014-05-01', changeType: '分户', changeDate: '2014-05-01', formerHouseholdNo: 'HK-SON' };

interface Case {
  members?: readonly Member[];
  split?: Cells;
  household?: Cells;
  son?: Cells | null;
  extra?: Partial<World>;
}

/** The elderly couple registered as H1 (split from their son's household), and the son's own hukou household. */
function setting(c: Case = {}): World {
  const elderly = household({ no: 'H1', members: c.members ?? [FATHER, MOTHER], hukouHousehold: c.split ?? SPLIT, household: c.household });
  const son = c.son === null ? [] : [hukouRow('HK-SON', SON, { fatherId: FATHER.id, motherId: MOTHER.id, ...c.son }), hukouRow('HK-SON', SONS_WIFE)];
  return { parts: [elderly, ...(c.extra?.parts ?? [])], hukou: [...son, ...(c.extra?.hukou ?? [])], rosters: c.extra?.rosters };
}

const run = (c: Case = {}) => findingsOf(splitElderly, world(setting(c)));

describe('split-household/split-elderly', () => {
  it('flags elderly members split off after registration began, with a child in an unregistered household', () => {
    const [f, ...rest] = run();
    expect(rest).toEqual([]);
    expect(f.category).toBe('split_household');
    expect(f.householdId).toBe('H1');
    expect(f.severity).toBe('medium');
    expect(f.correct).toBeNull();
    expect(f.message).toMatch(/^疑似分户造贫/);
    expect(f.message).toContain('需入户核实');
    expect(f.evidence['分户日期']).toBe('2014-05-01');
    expect(f.evidence['原户号']).toBe('HK-SON');
    expect(f.evidence['户籍户号']).toBe('HK-H1');
    expect(f.evidence['子女']).toContain('张大');
    expect(f.evidence['子女']).toContain(SON.id);
    expect(f.evidence['子女']).toContain('HK-SON');
    expect(f.evidence['子女户资产']).toBe('名单中未发现');
    expect(f.evidence['成员年龄']).toBe('张老汉 84岁、李老太 82岁');
    expect(f.suggestion).toContain('赡养');
    expect(f.locations.some((l) => l.kind === 'hukou' && l.column === '变动类型')).toBe(true);
  });

  it('is high when the child’s household owns a car, and names it; a motorcycle is not a car', () => {
    const car = rosterRow('vehicles', { name: '陈梅', idNumber: SONS_WIFE.id, plate: '赣B12345', vehicleType: '小型轿车', registered: '2019-05-01' });
    const [f] = run({ extra: { rosters: { vehicles: [car] } } });
    expect(f.severity).toBe('high');
    expect(f.evidence['子女户资产']).toContain('赣B12345');
    expect(f.values.vehicles).toContain('小型轿车');
    const moto = rosterRow('vehicles', { name: '张大', idNumber: SON.id, plate: '赣B9999', vehicleType: '普通二轮摩托车' });
    expect(run({ extra: { rosters: { vehicles: [moto] } } })[0].severity).toBe('medium');
  });

  it('takes elderly from exactly the policy age (60 on the as-of date)', () => {
    const sixty = member('王六十', '19640630', '011', '户主', '户主');
    const fiftyNine = member('王五九', '19640701', '011', '户主', '户主');
    const child = (parent: Member) => hukouRow('HK-SON', member('王子', '19900101', '051', '户主', '户主'), { fatherId: parent.id });
    expect(findingsOf(splitElderly, world({ parts: [household({ no: 'H1', members: [sixty], hukouHousehold: SPLIT })], hukou: [child(sixty)] }))).toHaveLength(1);
    expect(findingsOf(splitElderly, world({ parts: [household({ no: 'H1', members: [fiftyNine], hukouHousehold: SPLIT })], hukou: [child(fiftyNine)] }))).toHaveLength(0);
  });

  it('takes a split within the window before 首次识别时间: exactly on the edge is in, one day earlier is out', () => {
    // 365 days before 2014-03-01 is 2013-03-01; both dates are before registration began (2014-01-01).
    const at = (date: string) => run({ household: { firstIdentified: '2014-03-01' }, split: { ...SPLIT, created: date, changeDate: date } });
    const [f] = at('2013-03-01');
    expect(f.evidence['分户日期']).toBe('2013-03-01');
    expect(f.message).toContain('首次识别时间（2014-03-01）之前365天');
    expect(at('2013-02-28')).toEqual([]);
  });

  it('takes a split on the registration start date itself (identified long after, so the window does not apply)', () => {
    const at = (date: string) => run({ household: { firstIdentified: '2016-01-01' }, split: { ...SPLIT, created: date, changeDate: date } });
    expect(at('2014-01-01')[0].message).toContain('不早于建档立卡开始日期（2014-01-01）');
    expect(at('2013-12-31')).toEqual([]);
  });

  it('is not a split: an elderly household that dates from long before registration', () => {
    expect(run({ split: { created: '1998-05-01', changeType: '分户', changeDate: '1998-05-01', formerHouseholdNo: 'HK-SON' } })).toEqual([]);
    // Created in 2015 but never split (no 分户, no 原户号).
    expect(run({ split: { created: '2015-05-01' } })).toEqual([]);
    // A 原户号 on a move is not a split.
    expect(run({ split: { created: '2015-05-01', changeType: '迁入', changeDate: '2015-05-01', formerHouseholdNo: 'HK-X' } })).toEqual([]);
  });

  it('is not a split: elderly people with no child in the area', () => {
    expect(run({ son: null })).toEqual([]);
  });

  it('is not a split: the child is registered poor, or lives in a registered hukou household', () => {
    const sonWithParents = { ...SON, hukouCells: { fatherId: FATHER.id, motherId: MOTHER.id } };
    const sonRegistered = household({ no: 'H2', members: [sonWithParents, SONS_WIFE], hukouNo: 'HK-SON' });
    expect(run({ son: null, extra: { parts: [sonRegistered] } })).toEqual([]);
    // The son himself is not registered, but his wife — in the same hukou household — is.
    const wifeRegistered = household({ no: 'H3', members: [SONS_WIFE], hukouNo: 'HK-SON' });
    const sonRow = hukouRow('HK-SON', SON, { fatherId: FATHER.id, motherId: MOTHER.id });
    expect(run({ son: null, extra: { parts: [wifeRegistered], hukou: [sonRow] } })).toEqual([]);
    // Control: the same son's row without a registered household beside it is a lead.
    expect(run({ son: null, extra: { hukou: [sonRow] } })).toHaveLength(1);
  });

  it('is not a split when a member is not elderly, or the child has died', () => {
    const grandson = member('张小', '20000101', '051', '之孙子', '孙子');
    expect(run({ members: [FATHER, MOTHER, grandson] })).toEqual([]);
    expect(run({ son: { personStatus: '死亡' } })).toEqual([]);
  });

  it('finds the child through the 原户号 when no parent IDs are given: the former household’s head', () => {
    const [f] = run({ son: { fatherId: '', motherId: '' } });
    expect(f.evidence['子女']).toContain('张大');
    expect(f.evidence['子女查找依据']).toContain('原户号 HK-SON 的户主');
    // Without parent IDs and without a 原户号 nobody is found.
    expect(run({ son: { fatherId: '', motherId: '' }, split: { created: '2014-05-01', changeType: '分户', changeDate: '2014-05-01' } })).toEqual([]);
  });
});
