/** From the linked dataset and its findings to the audit result written as findings.json and the workbook. */
import { CATEGORIES, SEVERITIES, type Category, type Finding, type Severity } from '../model/finding.js';
import { MAIN_KINDS, type MainKind } from '../model/kinds.js';
import { SCHEMA_VERSION, type AuditResult, type Coverage, type HouseholdCoverage, type Summary } from '../model/audit.js';
import type { Dataset } from '../link/model.js';
import { holds, covers } from '../link/coverage.js';

export const GENERATED_BY = 'jingzhun 0.1.0';

const sorted = (m: Map<string, string>) => [...m.values()].sort();

function coverage(ds: Dataset): Coverage {
  const out: Coverage = {};
  for (const [kind, c] of Object.entries(ds.coverage)) {
    if (!c) continue;
    const households = ds.households.filter((h) => holds(h, kind as MainKind)).length;
    out[kind as keyof Coverage] = { townships: sorted(c.townships), villages: sorted(c.villages), households };
  }
  return out;
}

function householdCoverage(ds: Dataset): HouseholdCoverage[] {
  return ds.households.map((h) => {
    const sources = {} as HouseholdCoverage['sources'];
    for (const kind of MAIN_KINDS) sources[kind] = holds(h, kind) ? true : covers(ds, kind, h) ? false : null;
    return { householdId: h.householdId, township: h.township, village: h.village, headName: h.headName, sources };
  });
}

function zeroCategories(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}

/** The summary of a result's findings, for `households` registered households of `people` people. */
export function summarize(findings: readonly Finding[], households: number, people: number): Summary {
  const byCategory = zeroCategories();
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byTownship: Record<string, Record<Category, number>> = {};
  let warnings = 0;
  for (const f of findings) {
    bySeverity[f.severity]++;
    if (f.severity === 'warning') {
      warnings++;
      continue;
    }
    byCategory[f.category]++;
    const t = f.township ?? '未注明乡镇';
    (byTownship[t] ??= zeroCategories())[f.category]++;
  }
  return { households, people, findings: findings.length - warnings, warnings, byCategory, bySeverity, byTownship };
}

export function buildResult(ds: Dataset, findings: Finding[]): AuditResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedBy: GENERATED_BY,
    asOf: ds.asOf,
    policy: ds.policy,
    inputs: ds.inputs,
    coverage: coverage(ds),
    households: householdCoverage(ds),
    summary: summarize(
      findings,
      ds.households.length,
      ds.households.reduce((n, h) => n + h.people.filter((p) => p.records.national).length, 0),
    ),
    findings,
  };
}
