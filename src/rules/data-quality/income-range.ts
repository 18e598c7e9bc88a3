/** Per-capita income outside the plausible range of the policy (≤ min or > max), per household and source. */
import { KIND_LABELS } from '../../model/kinds.js';
import { incomePlausible } from '../../model/policy.js';
import type { FindingDraft, Rule } from '../types.js';
import { everyRecord, type RecordRef } from './records.js';
import { refBase, refLocation } from './describe.js';

const KINDS = new Set(['national', 'household-file', 'one-book']);

function income(ref: RecordRef): number | null {
  const v = ref.record.income;
  return typeof v === 'number' ? v : null;
}

export const incomeRange: Rule = {
  id: 'data-quality/income-range',
  category: 'data_quality',
  title: '人均纯收入超出合理范围',
  description: '国办系统、一户一档或《一本通》填写的人均纯收入不大于策略下限（默认0元）或超过上限（默认100000元），多为漏填、错填单位或多打了位数。每户每个来源列一次。',
  severity: 'medium',
  *check(ds) {
    const { min, max } = ds.policy.incomeRange;
    const groups = new Map<string, RecordRef[]>();
    for (const ref of everyRecord(ds)) {
      if (!ref.member || !KINDS.has(ref.kind) || ref.unit === null) continue;
      const v = income(ref);
      if (v === null || incomePlausible(ds.policy, v)) continue;
      const key = `${ref.kind}\u0001${ref.unit}`;
      const g = groups.get(key);
      if (g) g.push(ref);
      else groups.set(key, [ref]);
    }
    for (const refs of groups.values()) {
      const first = refs[0];
      const values = [...new Set(refs.map((r) => income(r) as number))].sort((a, b) => a - b);
      const kindLabel = KIND_LABELS[first.kind];
      const shown = values.map((v) => `${String(v)}元`).join('、');
      const low = values.some((v) => v <= min);
      const why = [low ? `不大于${String(min)}元` : '', values.some((v) => v > max) ? `超过${String(max)}元` : ''].filter(Boolean).join('或');
      const draft: FindingDraft = {
        ...refBase(first),
        personId: null,
        name: first.headName ?? first.name,
        subject: 'income:range',
        field: 'income',
        values: { [first.kind]: values.length === 1 ? values[0] : values },
        correct: first.kind,
        message: `${kindLabel}中${first.headName ?? first.name ?? ''}户的人均纯收入为${shown}，${why}，超出合理范围`,
        suggestion: `核实该户收入，更正${kindLabel}的人均纯收入${first.kind === 'national' ? '' : '（应与国办系统一致）'}`,
        evidence: { 合理范围: `大于${String(min)}元且不超过${String(max)}元` },
        locations: refs.map((r) => refLocation(r, 'income')),
      };
      yield draft;
    }
  },
};
