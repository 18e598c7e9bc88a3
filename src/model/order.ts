import type { Finding } from './finding.js';

/** Code-unit order with nulls last: the same on every machine, whatever its locale. */
export function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Report order of findings: township, village, householdId, personId, rule, field, id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.township, b.township) ||
    compareText(a.village, b.village) ||
    compareText(a.householdId, b.householdId) ||
    compareText(a.personId, b.personId) ||
    compareText(a.rule, b.rule) ||
    compareText(a.field, b.field) ||
    compareText(a.id, b.id)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
