import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import type { FindingDraft, Rule } from './types.js';

/**
 * A finding's id: a fingerprint of rule + household or person + field + source to correct — never file, row or
 * values, so that next month's run gives the same id for the same problem.
 */
export function fingerprint(rule: string, d: FindingDraft): string {
  const household = d.householdId ?? `${d.township ?? ''}/${d.village ?? ''}/${d.name ?? ''}`;
  const person = d.subject ?? d.personId ?? '';
  const source = d.correct ?? Object.keys(d.values).sort().join('+');
  const text = [rule, household, person, d.field ?? '', source].join('\u0001');
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

export function toFinding(rule: Rule, d: FindingDraft): Finding {
  const { subject: _subject, severity, ...rest } = d;
  void _subject;
  return { id: fingerprint(rule.id, d), rule: rule.id, ruleTitle: rule.title, category: rule.category, severity: severity ?? rule.severity, ...rest };
}
