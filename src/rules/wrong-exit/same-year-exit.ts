/**
 * 错退 by timing (DOMAIN §5.2): an exited household whose 脱贫年度 is the year of its 首次识别时间 — identified
 * and lifted out within one year. Exit years before identification are a data contradiction, not this lead.
 */
import { digitsToInt } from '../../normalize/text.js';
import type { Rule } from '../types.js';
import { householdBase } from '../util.js';
import { householdValue } from '../shared/household-value.js';
import { at } from '../shared/display.js';
import { exitEvidence, exitLead, exitOf } from './exited.js';

export const sameYearExit: Rule = {
  id: 'wrong-exit/same-year-exit',
  category: 'wrong_exit',
  title: '疑似错退：识别当年即脱贫',
  description: '国办系统记录为已脱贫的户，脱贫年度与首次识别时间在同一年。这是需入户核实的线索：核实识别和退出程序是否真实完整。每户列一条。',
  severity: 'medium',
  *check(ds) {
    for (const h of ds.households) {
      const exit = exitOf(h);
      if (!exit || exit.year === null) continue;
      const first = householdValue(h.national, (r) => r.firstIdentified, (d) => d, (d) => d);
      if (!first || digitsToInt(first.value.slice(0, 4)) !== exit.year) continue;
      yield {
        ...householdBase(h),
        field: 'exitYear',
        values: { national: `首次识别 ${first.value}，${String(exit.year)}年脱贫` },
        correct: null,
        message: `${exitLead(h, exit)}，首次识别时间为 ${first.value}，识别当年即脱贫，需入户核实`,
        suggestion: '核实该户识别和脱贫退出程序（民主评议、公示公告、签字确认）是否真实完整，以及脱贫时收入和“两不愁三保障”是否达标',
        evidence: { ...exitEvidence(exit), 首次识别时间: first.value },
        locations: [at('national', first.row.loc, 'firstIdentified'), at('national', exit.row.loc, 'exitYear')],
      };
    }
  },
};
