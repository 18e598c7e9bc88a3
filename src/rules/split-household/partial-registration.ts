/**
 * 按人识别 instead of 整户识别 (DOMAIN §5.1): the registered household holds only part of its hukou household,
 * and living residents left out (h.hukouOthers: in no registered household) include working-age adults
 * (policy ages.working at the as-of date). One finding per household, naming everyone left out.
 */
import { hukou as hukouSpec } from '../../sources/index.js';
import type { HukouRecord } from '../../sources/index.js';
import { birthOf } from '../../link/records.js';
import { relationLabel } from '../../normalize/relation.js';
import type { Rule } from '../types.js';
import { householdBase, location } from '../util.js';
import { aliveInHukou } from '../shared/members.js';
import { at } from '../shared/display.js';
import { ageOn, inRange, livingMembers, registeredIds } from './family.js';

function shown(r: HukouRecord, age: number | null): string {
  const relation = r.relation ? `，${relationLabel(r.relation)}` : '';
  return `${r.name ?? '（无姓名）'}（${age === null ? '年龄不详' : `${String(age)}岁`}${relation}）`;
}

export const partialRegistration: Rule = {
  id: 'split-household/partial-registration',
  category: 'split_household',
  title: '疑似按人识别：只识别户籍户中的部分成员',
  description:
    '在册贫困户只包含其户籍户的一部分成员，未纳入的同户籍成员（不在任何在册户中、户籍状态正常）中有劳动年龄人口。这是需入户核实的线索：应核实是否共同生活、共同收支，应否整户识别。',
  severity: 'medium',
  *check(ds) {
    const working = ds.policy.ages.working;
    for (const h of ds.households) {
      const left = h.hukouOthers.filter((r) => aliveInHukou(r) && !registeredIds(ds).has(r.idNumber?.id ?? '') && r.householdNo !== null);
      const ages = left.map((r) => ageOn(birthOf(r), ds.asOf));
      if (!ages.some((a) => inRange(a, working))) continue;
      const members = livingMembers(ds, h);
      const nos = [...new Set(left.map((r) => r.householdNo as string))];
      const leftText = left.map((r, i) => shown(r, ages[i])).join('、');
      const memberText = members.map((p) => p.name ?? '（无姓名）').join('、');
      const range = `${String(working.min)}—${String(working.max)}周岁`;
      yield {
        ...householdBase(h),
        field: 'member',
        values: { national: `在册${String(members.length)}人：${memberText}`, hukou: `同户籍户未纳入${String(left.length)}人：${leftText}` },
        correct: null,
        message: `疑似按人识别：${h.headName ?? ''}户（户编号 ${h.householdId}，在册${String(members.length)}人）只包含户籍户（户号 ${nos.join('、')}）的部分成员，未纳入的${leftText}中有劳动年龄（${range}）人口，需入户核实`,
        suggestion: '核实该户籍户成员是否共同生活、共同收支；应整户识别的，将未纳入成员及其收入纳入核算，重新评议是否符合识别标准',
        evidence: { 户籍户号: nos.join('、'), 在册成员: memberText, 未纳入成员: leftText, 劳动年龄: range },
        locations: [...h.national.map((r) => at('national', r.loc, 'name')), ...left.map((r) => location('hukou', r.loc, hukouSpec.fields.name.label))],
      };
    }
  },
};
