/**
 * One finding per problem, however many rows repeat it: drafts with the same fingerprint (a household field
 * repeated on every member row, a head ID repeated on each row) become one draft listing every row.
 */
import type { Finding, Location } from '../../model/finding.js';
import type { FindingDraft } from '../types.js';
import { fingerprint } from '../fingerprint.js';

type Value = Finding['values'][keyof Finding['values']];
type Scalar = string | number | boolean | null;

const ROWS_LABEL = '涉及行数';

function sameLocation(a: Location, b: Location): boolean {
  return a.kind === b.kind && a.file === b.file && a.sheet === b.sheet && a.row === b.row && a.column === b.column;
}

function scalars(v: Value): Scalar[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** Merges drafts that share a fingerprint: locations and distinct values are joined, the first message kept. */
export function mergeDrafts(ruleId: string, drafts: Iterable<FindingDraft>): FindingDraft[] {
  const byKey = new Map<string, { draft: FindingDraft; rows: number }>();
  for (const d of drafts) {
    const key = fingerprint(ruleId, d);
    const prior = byKey.get(key);
    if (!prior) {
      byKey.set(key, { draft: { ...d, values: { ...d.values }, locations: [...d.locations] }, rows: 1 });
      continue;
    }
    prior.rows++;
    const into = prior.draft;
    for (const loc of d.locations) if (!into.locations.some((l) => sameLocation(l, loc))) into.locations.push(loc);
    for (const [kind, v] of Object.entries(d.values) as [keyof Finding['values'], Value][]) {
      const all = scalars(into.values[kind]);
      for (const x of scalars(v)) if (!all.includes(x)) all.push(x);
      into.values[kind] = all.length === 1 ? all[0] : all;
    }
  }
  return [...byKey.values()].map(({ draft, rows }) =>
    rows > 1 ? { ...draft, evidence: { ...draft.evidence, [ROWS_LABEL]: rows } } : draft,
  );
}
