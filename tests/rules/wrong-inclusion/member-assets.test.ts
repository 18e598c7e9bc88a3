import { describe, expect, it } from 'vitest';
import type { Rosters } from '../../../src/link/model.js';
import { memberAssets } from '../../../src/rules/wrong-inclusion/member-assets.js';
import { findingsOf } from '../data-quality/build.js';
import { household, member, rosterRow, world, type Member } from '../split-household/build.js';

const HEAD = member('刘福', '19600101', '011', '户主', '户主');
const SON = member('刘强', '19850101', '031', '之子', '子');
const NEIGHBOUR = member('王邻', '19700101', '051', '户主', '户主');

function run(rosters: Partial<Rosters>, members: readonly Member[] = [HEAD, SON]) {
  return findingsOf(memberAssets, world({ parts: [household({ no: 'H1', members })], rosters }));
}

const car = (who: Member, vehicleType: string, idNumber = who.id) => rosterRow('vehicles', { name: who.name, idNumber, plate: '赣B12345', vehicleType, registered: '2020-03-01' });
const house = (who: Member, location: string, use: string) => rosterRow('property', { name: who.name, idNumber: who.id, location, use, area: '98.5' });
const firm = (who: Member, status: string) => rosterRow('business', { name: who.name, idNumber: who.id, company: '赣县某某商贸有限公司', status });
const job = (who: Member) => rosterRow('payroll', { name: who.name, idNumber: who.id, employer: '黄金镇中心小学' });

describe('wrong-inclusion/member-assets', () => {
  it('flags a member who owns a car, naming the person and the car', () => {
    const [f, ...rest] = run({ vehicles: [car(SON, '小型轿车')] });
    expect(rest).toEqual([]);
    expect(f.category).toBe('wrong_inclusion');
    expect(f.field).toBe('asset');
    expect(f.householdId).toBe('H1');
    expect(f.personId).toBe(SON.id);
    expect(f.name).toBe('刘强');
    expect(f.severity).toBe('medium');
    expect(f.correct).toBeNull();
    expect(f.message).toMatch(/^疑似错评/);
    expect(f.message).toContain('需入户核实');
    expect(f.values.vehicles).toBe('小型轿车 赣B12345（初次登记 2020-03-01）');
    expect(f.evidence['资产类型']).toBe('车辆登记');
    expect(f.evidence['与户主关系']).toBe('之子');
    expect(f.locations.some((l) => l.kind === 'vehicles' && l.column === '身份证号')).toBe(true);
  });

  it('does not count motorcycles, tricycles or farm vehicles as cars', () => {
    expect(run({ vehicles: [car(SON, '普通二轮摩托车'), car(HEAD, '三轮汽车'), car(HEAD, '拖拉机')] })).toEqual([]);
  });

  it('counts urban or commercial property, not a rural home', () => {
    expect(run({ property: [house(SON, '赣县城区红旗大道8号3栋2单元501室', '住宅')] })).toHaveLength(1);
    expect(run({ property: [house(SON, '黄金镇圩上', '商业')] })).toHaveLength(1);
    expect(run({ property: [house(SON, '黄金镇黄金村上屋组12号', '住宅')] })).toEqual([]);
    expect(run({ property: [house(SON, '黄金镇黄金村上屋组12号', '宅基地')] })).toEqual([]);
  });

  it('counts an active business, not a cancelled one', () => {
    expect(run({ business: [firm(HEAD, '存续')] })).toHaveLength(1);
    expect(run({ business: [firm(HEAD, '注销')] })).toEqual([]);
  });

  it('rates the public payroll high, and reports each roster of one person apart', () => {
    const found = run({ payroll: [job(HEAD)], vehicles: [car(HEAD, '小型普通客车')] });
    expect(found.map((f) => [f.evidence['资产类型'], f.severity]).sort()).toEqual([
      ['财政供养人员', 'high'],
      ['车辆登记', 'medium'],
    ]);
  });

  it('matches by ID: nobody outside the household; a mistyped ID only with the member\'s name (DOMAIN 3.1)', () => {
    expect(run({ vehicles: [car(NEIGHBOUR, '小型轿车')], payroll: [job(NEIGHBOUR)] })).toEqual([]);
    const badCheck = `${SON.id.slice(0, 17)}${SON.id.endsWith('0') ? '1' : '0'}`;
    const [f, ...rest] = run({ vehicles: [car(SON, '小型轿车', badCheck)] });
    expect(rest).toEqual([]);
    expect(f.personId).toBe(SON.id);
    expect(f.message).toContain(`（名单中的身份证号与在册人员${SON.id}相差一位且姓名相符，应为同一人，在册一侧的号码校验正确）`);
    expect(run({ vehicles: [car({ ...SON, name: '王邻' }, '小型轿车', badCheck)] })).toEqual([]);
  });

  it('leaves out a member whom hukou shows as dead', () => {
    const deadSon = { ...SON, hukouCells: { personStatus: '死亡' } };
    expect(run({ vehicles: [car(SON, '小型轿车')] }, [HEAD, deadSon])).toEqual([]);
  });

  it('finds nothing in a household without assets', () => {
    expect(run({})).toEqual([]);
  });
});
