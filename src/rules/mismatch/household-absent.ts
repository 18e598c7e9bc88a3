/**
 * A registered household that a source covering its village does not hold: one finding per household and
 * source. Outside a source's coverage (or with the link left ambiguous) absence says nothing.
 */
import type { MainKind } from '../../model/kinds.js';
import type { Rule, FindingDraft } from '../types.js';
import type { RegisteredHousehold } from '../../link/model.js';
import { covers, holds } from '../../link/coverage.js';
import { householdBase } from '../util.js';
import { label, at, ambiguousFor } from '../shared/display.js';

const CHECKED: readonly MainKind[] = ['household-file', 'one-book', 'notice-board', 'hukou'];

const FIX: Record<MainKind, string> = {
  national: '',
  'household-file': '以国办系统为准，为该户补建一户一档',
  'one-book': '以国办系统为准，为该户补填《一本通》',
  'notice-board': '为该户制作并悬挂公示牌，内容以国办系统为准',
  hukou: '核实户籍：该户在国办系统中的成员在户籍数据中均未找到，请核对成员身份证号和户籍所在地；如户籍登记有误，由户籍部门更正',
};

function absent(h: RegisteredHousehold, kind: MainKind): FindingDraft {
  const where = [h.township, h.village].filter(Boolean).join('');
  const members = h.people.filter((p) => p.records.national).length;
  const message =
    kind === 'hukou'
      ? `国办系统在册的${h.headName ?? ''}户（户编号 ${h.householdId}，${String(members)}人）的成员在户籍数据中均未找到，而户籍数据包含${where}`
      : `国办系统在册的${h.headName ?? ''}户（户编号 ${h.householdId}）在${label(kind)}中没有记录，而${label(kind)}包含${where}的其他户`;
  return {
    ...householdBase(h),
    field: 'presence',
    values: { national: `在册（${String(members)}人）`, [kind]: '无' },
    correct: kind === 'hukou' ? null : kind,
    message,
    suggestion: FIX[kind],
    evidence: { 户编号: h.householdId, 户主: h.headName, 核查范围: `${label(kind)}数据包含本村` },
    locations: h.national.map((r) => at('national', r.loc)),
  };
}

export const householdAbsent: Rule = {
  id: 'mismatch/household-absent',
  category: 'mismatch',
  title: '在册户在其他来源中缺失',
  description:
    '国办系统在册的贫困户，在一户一档、《一本通》、公示牌或户籍中找不到（户籍：该户成员一个也找不到）。只在该来源的数据覆盖该村时才列为问题；每户每个来源只列一条。',
  severity: 'high',
  *check(ds) {
    for (const h of ds.households) {
      for (const kind of CHECKED) {
        if (holds(h, kind) || !covers(ds, kind, h) || ambiguousFor(ds, kind, h)) continue;
        yield absent(h, kind);
      }
    }
  },
};
