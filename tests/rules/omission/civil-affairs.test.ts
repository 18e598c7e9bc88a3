import { describe, expect, it } from 'vitest';
import { national } from '../../../src/sources/index.js';
import type { HukouRecord } from '../../../src/sources/index.js';
import type { Rosters } from '../../../src/link/model.js';
import { civilAffairsOmission } from '../../../src/rules/omission/civil-affairs.js';
import { findingsOf, parsedRow } from '../data-quality/build.js';
import { household, hukouRow, member, PLACE, rosterRow, world, type Parts } from '../split-household/build.js';

const HEAD = member('刘福', '19600101', '011', '户主', '户主');
const POOR = member('王贫', '19700505', '051', '户主', '户主');
const dibao = (who: { name: string; id: string }, place: { township?: string; village?: string } = PLACE, category = '农村低保') =>
  rosterRow('civil-affairs', { name: who.name, idNumber: who.id, category, count: '3', ...place });

function run(rosters: Partial<Rosters>, hukou: HukouRecord[] = [], parts: Parts[] = [household({ no: 'H1', members: [HEAD] })]) {
  return findingsOf(civilAffairsOmission, world({ parts, hukou, rosters }));
}

describe('omission/civil-affairs', () => {
  it('flags a 低保 person of a covered village who is in no registered household', () => {
    const [f, ...rest] = run({ 'civil-affairs': [dibao(POOR)] });
    expect(rest).toEqual([]);
    expect(f.category).toBe('omission');
    expect(f.householdId).toBeNull();
    expect(f.personId).toBe(POOR.id);
    expect(f.name).toBe('王贫');
    expect(f.field).toBe('presence');
    expect(f.correct).toBeNull();
    expect(f.township).toBe('黄金镇');
    expect(f.village).toBe('黄金村');
    expect(f.message).toMatch(/^疑似漏评/);
    expect(f.message).toContain('享受农村低保，保障人数3人');
    expect(f.message).toContain('需入户核实');
    expect(f.evidence['保障类别']).toBe('农村低保');
    expect(f.evidence['保障人数']).toBe(3);
  });

  it('is not an omission: a 低保 person who is registered (低保贫困户)', () => {
    const registered = household({ no: 'H2', members: [POOR], household: { attribute: '低保贫困户' } });
    expect(run({ 'civil-affairs': [dibao(POOR)] }, [], [household({ no: 'H1', members: [HEAD] }), registered])).toEqual([]);
  });

  it('recognises a registered person whose national ID was damaged in Excel (first 15 digits and name)', () => {
    const damaged = [
      parsedRow(national, { ...PLACE, householdNo: 'H1', name: HEAD.name, idNumber: HEAD.id, relation: '户主' }),
      parsedRow(national, { ...PLACE, householdNo: 'H1', name: POOR.name, idNumber: { v: `${POOR.id.slice(0, 15)}000`, numeric: true }, relation: '之子' }),
    ];
    expect(run({ 'civil-affairs': [dibao(POOR)] }, [], [{ national: damaged, hukou: [] }])).toEqual([]);
  });

  it('looks only inside the national data’s area: the roster’s village, or the person’s hukou village', () => {
    const away = { township: '韩坊乡', village: '新屋村' };
    expect(run({ 'civil-affairs': [dibao(POOR, away)] })).toEqual([]);
    const [f] = run({ 'civil-affairs': [dibao(POOR, away)] }, [hukouRow('HK9', POOR)]);
    expect(f.evidence['户籍户号']).toBe('HK9');
    expect(f.values.hukou).toBe('户号 HK9');
  });

  it('counts a village without registered households of a covered township as the area', () => {
    const [f, ...rest] = run({ 'civil-affairs': [dibao(POOR, { township: PLACE.township, village: '无贫困户村' })] });
    expect(rest).toEqual([]);
    expect(f.village).toBe('无贫困户村');
  });

  it('is not a lead when the person has died or moved out', () => {
    expect(run({ 'civil-affairs': [dibao(POOR)] }, [hukouRow('HK9', POOR, { personStatus: '死亡' })])).toEqual([]);
    expect(run({ 'civil-affairs': [dibao(POOR)] }, [hukouRow('HK9', POOR, { personStatus: '迁出' })])).toEqual([]);
    const death = rosterRow('deaths', { name: POOR.name, idNumber: POOR.id, deathDate: '2023-01-01' });
    expect(run({ 'civil-affairs': [dibao(POOR)], deaths: [death] })).toEqual([]);
  });

  it('says so when the person shares a hukou household with a registered household', () => {
    const [f] = run({ 'civil-affairs': [dibao(POOR, PLACE, '特困供养')] }, [hukouRow('HK-H1', POOR)]);
    expect(f.evidence['同户籍户的在册户']).toBe('H1（户主刘福）');
    expect(f.message).toContain('与在册户同一户籍户');
  });

  it('without a valid roster ID, compares the name within the village', () => {
    const noId = (name: string) => rosterRow('civil-affairs', { name, idNumber: '36072119700505', category: '孤儿', ...PLACE });
    expect(run({ 'civil-affairs': [noId('刘福')] })).toEqual([]);
    const [f] = run({ 'civil-affairs': [noId('王贫')] });
    expect(f.personId).toBeNull();
    expect(f.message).toContain('无效，按姓名核对');
  });

  it('reports a person listed twice once', () => {
    expect(run({ 'civil-affairs': [dibao(POOR), dibao(POOR)] })).toHaveLength(1);
  });
});
