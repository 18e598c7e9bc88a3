/** One audit result from the results of audits of separate counties (by-county.ts), as one audit of all would give it. */
import type { AuditResult, Coverage } from '../model/audit.js';
import type { Finding } from '../model/finding.js';
import { compareText, sortFindings } from '../model/order.js';
import { summarize } from './result.js';

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();

function mergeCoverage(parts: readonly AuditResult[]): Coverage {
  const out: Coverage = {};
  for (const part of parts) {
    for (const [kind, c] of Object.entries(part.coverage) as [keyof Coverage, NonNullable<Coverage[keyof Coverage]>][]) {
      const had = out[kind];
      out[kind] = had
        ? { townships: union(had.townships, c.townships), villages: union(had.villages, c.villages), households: had.households + c.households }
        : c;
    }
  }
  return out;
}

/**
 * The parts' inputs in the order of `files` (every file of every part); households and findings sorted together
 * (one finding kept where two share an id), the summary counted again. Every part has the same as-of date and policy.
 * Coverage lists each county's villages: one audit of every file would take a village name in two counties
 * for one village.
 */
export function mergeResults(parts: readonly AuditResult[], files: readonly string[]): AuditResult {
  if (parts.length === 1) return parts[0];
  // As one audit lists the inputs: the files in order, the hukou sheets last (read after the others).
  const at = new Map(files.map((f, i) => [f, i]));
  const rank = (i: AuditResult['inputs'][number]) => (i.kind === 'hukou' ? files.length : 0) + (at.get(i.file) ?? files.length);
  const byId = new Map<string, Finding>();
  for (const part of parts) for (const f of part.findings) if (!byId.has(f.id)) byId.set(f.id, f);
  const findings = sortFindings([...byId.values()]);
  const first = parts[0];
  return {
    schemaVersion: first.schemaVersion,
    generatedBy: first.generatedBy,
    asOf: first.asOf,
    policy: first.policy,
    inputs: parts.flatMap((p) => p.inputs).sort((a, b) => rank(a) - rank(b)),
    coverage: mergeCoverage(parts),
    households: parts.flatMap((p) => p.households).sort((a, b) => compareText(a.householdId, b.householdId)),
    summary: summarize(
      findings,
      parts.reduce((n, p) => n + p.summary.households, 0),
      parts.reduce((n, p) => n + p.summary.people, 0),
    ),
    findings,
  };
}
