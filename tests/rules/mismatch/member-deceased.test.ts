import { describe, expect, it } from 'vitest';
import { memberDeceased } from '../../../src/rules/mismatch/member-deceased.js';
import { deaths } from '../../../src/sources/index.js';
import { emptyRosters } from '../../../src/link/index.js';
import { dataset, findingsOf, parsedRow } from '../data-quality/build.js';
import { family, ZHANG, type Cells, type FamilyKind } from './family.js';

const WIFE = ZHANG[1];
const hukouStatus = (i: number, personStatus: string, changeDate = '2021-04-05') => (k: FamilyKind, c: Cells, j: number) =>
  k === 'hukou' && j === i ? { ...c, personStatus, changeDate } : c;

describe('mismatch/member-deceased', () => {
  it('a member dead in hukou and still listed: one finding per source still listing them', () => {
    const found = findingsOf(memberDeceased, dataset(family({ edit: hukouStatus(1, '死亡') })));
    expect(found.map((f) => [f.personId, f.field, f.correct])).toEqual([
      [WIFE.id, 'member', 'national'],
      [WIFE.id, 'member', 'household-file'],
      [WIFE.id, 'member', 'one-book'],
    ]);
    const [f] = found;
    expect(f.values).toEqual({ national: `仍在册：李四（${WIFE.id}）`, hukou: '死亡' });
    expect(f.evidence).toMatchObject({ 人员状态: '死亡', 户籍变动日期: '2021-04-05' });
    expect(f.message).toBe(`李四（${WIFE.id}）户籍人员状态为“死亡”（变动日期 2021-04-05），国办系统仍将其列为本户成员（应减未减）`);
    expect(f.suggestion).toContain('死亡减员');
    expect(f.locations.map((l) => [l.kind, l.column])).toEqual([
      ['national', '姓名'],
      ['hukou', '人员状态'],
    ]);
  });

  it('moved out (code 2) and cancelled count too', () => {
    const moved = findingsOf(memberDeceased, dataset(family({ edit: hukouStatus(2, '2') })));
    expect(moved).toHaveLength(3);
    expect(moved[0].suggestion).toContain('迁出减员');
    expect(findingsOf(memberDeceased, dataset(family({ edit: hukouStatus(2, '注销') })))).toHaveLength(3);
  });

  it('uses the deaths roster by ID when hukou still shows the person as normal', () => {
    const rosters = { ...emptyRosters(), deaths: [parsedRow(deaths, { name: '李四', idNumber: WIFE.id, deathDate: '2022-01-09' })] };
    const found = findingsOf(memberDeceased, dataset({ ...family({ without: ['household-file', 'one-book'] }), rosters }));
    expect(found).toHaveLength(1);
    // Hukou's 正常 stands beside the roster's death, and the advice rests on the roster, asking hukou to follow.
    expect(found[0].values).toEqual({ national: `仍在册：李四（${WIFE.id}）`, hukou: '正常（未注销）', deaths: '死亡（2022-01-09）' });
    expect(found[0].evidence['死亡日期']).toBe('2022-01-09');
    expect(found[0].evidence['户籍人员状态']).toBe('正常');
    expect(found[0].locations.map((l) => l.kind)).toEqual(['national', 'deaths', 'hukou']);
    expect(found[0].suggestion).toBe('以死亡人员名单为准（核实后），在国办系统中为该成员办理死亡减员，并更新家庭人口；户籍仍登记为正常，请户籍部门核实后办理死亡注销');
    // Without hukou data: the roster alone, nothing asked of hukou.
    const alone = findingsOf(memberDeceased, dataset({ ...family({ without: ['household-file', 'one-book', 'hukou'] }), rosters }));
    expect(alone.map((f) => [f.values, f.suggestion])).toEqual([
      [{ national: `仍在册：李四（${WIFE.id}）`, deaths: '死亡（2022-01-09）' }, '以死亡人员名单为准（核实后），在国办系统中为该成员办理死亡减员，并更新家庭人口'],
    ]);
  });

  it('takes a deaths-roster row with a mistyped ID for the registered person of that name, and says so', () => {
    const bad = WIFE.id.slice(0, 12) + String((Number(WIFE.id[12]) + 1) % 10) + WIFE.id.slice(13);
    const row = parsedRow(deaths, { name: '李四', idNumber: bad, deathDate: '2022-01-09' });
    expect(row.idNumber?.status).toBe('badCheck');
    const found = findingsOf(memberDeceased, dataset({ ...family({ without: ['household-file', 'one-book'] }), rosters: { ...emptyRosters(), deaths: [row] } }));
    expect(found.map((f) => f.personId)).toEqual([WIFE.id]);
    expect(found[0].evidence['死亡人员名单关联方式']).toBe(`名单中的身份证号与在册人员${WIFE.id}相差一位且姓名相符，应为同一人，在册一侧的号码校验正确`);
    // Another name with the same mistyped ID is someone else.
    const other = parsedRow(deaths, { name: '赵六', idNumber: bad, deathDate: '2022-01-09' });
    expect(findingsOf(memberDeceased, dataset({ ...family({ without: ['household-file', 'one-book'] }), rosters: { ...emptyRosters(), deaths: [other] } }))).toEqual([]);
  });

  it('only the sources still listing the person: removed from national, still in the archive', () => {
    const edit = (k: FamilyKind, c: Cells, i: number) =>
      i === 1 && (k === 'national' || k === 'one-book') ? null : hukouStatus(1, '死亡')(k, c, i);
    expect(findingsOf(memberDeceased, dataset(family({ edit }))).map((f) => f.correct)).toEqual(['household-file']);
  });

  it('finds nothing for normal, military or blank statuses', () => {
    expect(findingsOf(memberDeceased, dataset(family()))).toEqual([]);
    expect(findingsOf(memberDeceased, dataset(family({ edit: hukouStatus(2, '服兵役') })))).toEqual([]);
    expect(findingsOf(memberDeceased, dataset(family({ edit: (k, c) => (k === 'hukou' ? { ...c, personStatus: '' } : c) })))).toEqual([]);
  });
});
