import { describe, expect, it } from 'vitest';
import { householdFile } from '../../../src/sources/index.js';
import { basicNeeds } from '../../../src/rules/wrong-exit/basic-needs.js';
import { findingsOf, parsedRow } from '../data-quality/build.js';
import { household, member, PLACE, world, type Cells, type Member } from '../split-household/build.js';

const HEAD = member('刘福', '19800101', '011', '户主', '户主', { cells: { medicalInsurance: '是', health: '健康' } });
const EXITED: Cells = { status: '已脱贫', exitYear: '2019', income: '9000', dangerousHouse: '否', waterSafe: '是' };
const NOT_EXITED: Cells = { ...EXITED, status: '未脱贫', exitYear: '' };

/** As of 2024-06-30; compulsory-school age 6–15 inclusive (policy default). */
const child = (birth: string, cells: Cells): Member => member('刘小', birth, '031', '之子', '子', { cells: { medicalInsurance: '是', ...cells } });

function run(cells: Cells, members: readonly Member[] = [HEAD], other: Parameters<typeof world>[0]['other'] = {}) {
  return findingsOf(basicNeeds, world({ parts: [household({ no: 'H1', members, household: cells })], other }));
}

describe('wrong-exit/basic-needs', () => {
  it('flags an exited household in a dangerous house (危房户 = 是), once', () => {
    const [f, ...rest] = run({ ...EXITED, dangerousHouse: '是' });
    expect(rest).toEqual([]);
    expect(f.category).toBe('wrong_exit');
    expect(f.field).toBe('housing');
    expect(f.severity).toBe('high');
    expect(f.personId).toBeNull();
    expect(f.correct).toBeNull();
    expect(f.message).toMatch(/^疑似错退/);
    expect(f.message).toContain('国办系统“危房户”为“是”');
    expect(f.message).toContain('住房安全未保障，需入户核实');
    expect(f.values.national).toBe('危房户：是');
    expect(f.evidence['脱贫年度']).toBe(2019);
    expect(f.locations.some((l) => l.column === '危房户')).toBe(true);
  });

  it('reads 危房等级 C/D and the archive’s 住房情况', () => {
    expect(run({ ...EXITED, dangerLevel: 'D级' })[0].values.national).toBe('危房等级：D级危房');
    expect(run({ ...EXITED, dangerLevel: 'B级' })).toEqual([]);
    const archive = [parsedRow(householdFile, { ...PLACE, headName: HEAD.name, headId: HEAD.id, name: HEAD.name, idNumber: HEAD.id, housing: 'C级危房' })];
    const [f] = run(EXITED, [HEAD], { 'household-file': archive });
    expect(f.values['household-file']).toBe('C级危房');
    expect(f.message).toContain('一户一档“住房情况”为“C级危房”');
  });

  it('does not flag a household not yet exited that lives in a dangerous house', () => {
    expect(run({ ...NOT_EXITED, dangerousHouse: '是', dangerLevel: 'D级' })).toEqual([]);
  });

  it('flags unsafe drinking water', () => {
    const [f] = run({ ...EXITED, waterSafe: '否', waterDifficulty: '是' });
    expect(f.field).toBe('water');
    expect(f.message).toContain('国办系统“饮水安全”为“否”，国办系统“饮水困难”为“是”');
  });

  it('flags a healthy child of compulsory-school age not in school, per child', () => {
    const [f] = run(EXITED, [HEAD, child('20140101', { schooling: '非在校生', health: '健康' })]);
    expect(f.field).toBe('schooling');
    expect(f.name).toBe('刘小');
    expect(f.personId).not.toBeNull();
    expect(f.message).toContain('成员刘小（10岁，');
    expect(f.evidence['年龄']).toBe(10);
  });

  it('takes school age from 6 to 15 inclusive', () => {
    const at = (birth: string) => run(EXITED, [HEAD, child(birth, { schooling: '非在校生', health: '健康' })]).length;
    expect(at('20180630')).toBe(1); // 6
    expect(at('20180701')).toBe(0); // 5
    expect(at('20080701')).toBe(1); // 15
    expect(at('20080630')).toBe(0); // 16
  });

  it('leaves alone a child in school, and a sick or disabled child not in school', () => {
    expect(run(EXITED, [HEAD, child('20140101', { schooling: '小学', health: '健康' })])).toEqual([]);
    expect(run(EXITED, [HEAD, child('20140101', { schooling: '非在校生', health: '残疾' })])).toEqual([]);
    // Healthy must be stated: a blank or unreadable 健康状况 is unknown.
    expect(run(EXITED, [HEAD, child('20140101', { schooling: '非在校生', health: '体弱' })])).toEqual([]);
    expect(run(EXITED, [HEAD, child('20140101', { schooling: '非在校生' })])).toEqual([]);
  });

  it('flags a member stated without basic medical insurance; blank is unknown, not no', () => {
    const [f] = run(EXITED, [member('刘福', '19800101', '011', '户主', '户主', { cells: { medicalInsurance: '否' } })]);
    expect(f.field).toBe('insurance');
    expect(f.message).toContain('未参加城乡居民基本医疗保险');
    expect(run(EXITED, [member('刘福', '19800101', '011', '户主', '户主')])).toEqual([]);
  });

  it('flags a seriously ill member without 大病保险, apart from a missing basic insurance of the same person', () => {
    const ill = member('刘福', '19800101', '011', '户主', '户主', { cells: { health: '患有大病', seriousIllnessInsurance: '否', medicalInsurance: '否' } });
    const found = run(EXITED, [ill]);
    expect(found.map((f) => f.evidence['未保障事项']).sort()).toEqual(['基本医疗保险', '大病保险']);
    const insured = member('刘福', '19800101', '011', '户主', '户主', { cells: { health: '患有大病', seriousIllnessInsurance: '是', medicalInsurance: '是' } });
    expect(run(EXITED, [insured])).toEqual([]);
    const healthyUninsured = member('刘福', '19800101', '011', '户主', '户主', { cells: { health: '健康', seriousIllnessInsurance: '否', medicalInsurance: '是' } });
    expect(run(EXITED, [healthyUninsured])).toEqual([]);
  });

  it('finds nothing in a clean exited household', () => {
    expect(run(EXITED, [HEAD, child('20140101', { schooling: '小学', health: '健康' })])).toEqual([]);
  });
});
