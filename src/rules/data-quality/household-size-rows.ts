/** The national 人数 field against the household's own member rows. */
import { national } from '../../sources/index.js';
import type { Rule } from '../types.js';
import { householdBase, location } from '../util.js';
import { memberRows } from './head-count.js';

const SIZE_LABEL = national.fields.householdSize.label;

export const householdSizeRows: Rule = {
  id: 'data-quality/household-size-rows',
  category: 'data_quality',
  title: '家庭人口数与成员行数不符',
  description: '国办系统中一户填写的“人数”与该户的成员行数不一致，或同一户各行填写的人数不一致。每户列一次。',
  severity: 'medium',
  *check(ds) {
    for (const h of ds.households) {
      const rows = memberRows(h);
      if (rows.length === 0) continue;
      const sizes = [...new Set(rows.map((r) => r.householdSize).filter((n): n is number => n !== null))].sort((a, b) => a - b);
      if (sizes.length === 0 || (sizes.length === 1 && sizes[0] === rows.length)) continue;
      const shown = sizes.map(String).join('、');
      const inHukou = h.people.filter((p) => p.records.hukou && p.records.national).length;
      yield {
        ...householdBase(h),
        subject: 'householdSize:rows',
        field: 'householdSize',
        values: { national: sizes.length === 1 ? sizes[0] : sizes },
        correct: 'national',
        message:
          sizes.length === 1
            ? `国办系统户编号 ${h.householdId} 填写的人数为 ${shown}，但该户有 ${rows.length} 条成员记录`
            : `国办系统户编号 ${h.householdId} 各成员行填写的人数不一致（${shown}），该户有 ${rows.length} 条成员记录`,
        suggestion: '以户籍为准核实该户成员，使国办系统的“人数”与成员记录一致（多出的成员应删除，缺少的成员应补录）',
        evidence: { 成员行数: rows.length, 填写的人数: shown, ...(inHukou ? { 与户籍对上的成员数: inHukou } : {}) },
        locations: rows.map((r) => location('national', r.loc, SIZE_LABEL)),
      };
    }
  },
};
