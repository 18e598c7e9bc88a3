/**
 * A helper cadre with more registered households than the policy's helperCap. Each household counts once, under
 * its reference helper (handbook, else national, else board); one person is the same name with a shared phone
 * or the same unit. One finding per household of that helper, naming the helper and the count.
 */
import { KIND_LABELS } from '../../model/kinds.js';
import type { Rule } from '../types.js';
import { householdBase } from '../util.js';
import { helperPeople, type Mention } from './helpers.js';

const unique = (xs: readonly (string | null)[]): string[] => [...new Set(xs.filter((x): x is string => x !== null && x !== ''))];

function identity(group: readonly Mention[]): { phones: string[]; units: string[]; how: string } {
  const phones = unique(group.flatMap((m) => m.phones));
  const units = unique(group.map((m) => m.unit));
  const how = [phones.length > 0 ? '电话' : '', units.length > 0 ? '单位' : ''].filter(Boolean).join('或');
  return { phones, units, how: how === '' ? '仅按姓名（无电话和单位）' : `姓名相同且${how}相同` };
}

export const helperLoad: Rule = {
  id: 'assistance/helper-load',
  category: 'assistance',
  title: '帮扶责任人帮扶户数超过上限',
  description:
    '同一帮扶责任人（姓名相同且电话或单位相同；同名而电话、单位都不同的视为不同的人）帮扶的在册户数超过策略规定的上限。每户按《一本通》、国办系统、公示牌的顺序取其帮扶责任人计一次。该帮扶人的每一户各列一条。',
  severity: 'medium',
  *check(ds) {
    const cap = ds.policy.helperCap.value;
    for (const group of helperPeople(ds).values()) {
      const refs = group.filter((m) => m.reference);
      const households = new Set(refs.map((m) => m.household));
      if (households.size <= cap) continue;
      const { phones, units, how } = identity(group);
      const name = refs[0].name;
      const contact = [...phones, ...units].join('，');
      const shown = `${name}${contact ? `（${contact}）` : ''}`;
      for (const m of refs) {
        const h = m.household;
        yield {
          ...householdBase(h),
          field: 'helperLoad',
          values: { [m.kind]: `${shown}，共帮扶${String(households.size)}户` },
          correct: null,
          message: `${h.headName ?? ''}户（户编号 ${h.householdId}）的帮扶责任人${shown}共帮扶${String(households.size)}户，超过每人不超过${String(cap)}户的规定`,
          suggestion: '调整帮扶力量，为超出上限的户另行明确帮扶责任人，并同步更新国办系统、《一本通》和公示牌',
          evidence: {
            帮扶责任人: name,
            帮扶责任人电话: phones.join('、') || null,
            帮扶单位: units.join('、') || null,
            帮扶户数: households.size,
            帮扶户数上限: cap,
            同一帮扶人认定: how,
            帮扶人取自: KIND_LABELS[m.kind],
          },
          locations: [m.location],
        };
      }
    }
  },
};
