/**
 * Builders for data-quality and duplicate rule tests: records parsed from cells by the real field parsers
 * (so problems look as the readers make them), a linked dataset, and the findings one rule gives.
 */
import { expect } from 'vitest';
import type { Cell } from '../../../src/io/types.js';
import type { FieldMap, FieldProblem, SourceRecord, SourceSpec } from '../../../src/sources/define.js';
import { cellText } from '../../../src/normalize/text.js';
import { idCheckChar } from '../../../src/normalize/id.js';
import { loadPolicy } from '../../../src/model/policy.js';
import { findingSchema, type Finding } from '../../../src/model/finding.js';
import { linkDataset, emptyRosters, type LoadedSources } from '../../../src/link/index.js';
import type { Dataset } from '../../../src/link/model.js';
import type { Rule } from '../../../src/rules/types.js';
import { toFinding } from '../../../src/rules/fingerprint.js';
import { make } from '../../helpers/records.js';

export const policy = await loadPolicy();

/** A valid 18-character ID: area code + YYYYMMDD + 3-digit sequence (odd = male) + computed check character. */
export function validIdFor(birth: string, seq: string, area = '360721'): string {
  const first17 = `${area}${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

/**
 * A record parsed from cells as the reader parses them: each cell through its field's parser, problems kept
 * with the column header (`headers` overrides the field label as the file's header).
 */
export function parsedRow<F extends FieldMap>(
  spec: SourceSpec<F>,
  cells: Partial<Record<keyof F & string, string | Cell>>,
  opts: { file?: string; headers?: Partial<Record<keyof F & string, string>> } = {},
): SourceRecord<F> {
  const values: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [key, cell] of Object.entries(cells) as [keyof F & string, string | Cell][]) {
    const field = spec.fields[key];
    const parsed = field.parse(typeof cell === 'string' ? { v: cell } : cell, { date1904: false, moneyMultiplier: 1 });
    values[key] = parsed.value;
    if (parsed.problem) {
      problems.push({ field: key, column: opts.headers?.[key] ?? field.label, value: cellText(cell), message: parsed.problem });
    }
  }
  const rec = make(spec, { ...(values as Partial<SourceRecord<F>>), problems });
  if (opts.file) rec.loc = { ...rec.loc, file: opts.file };
  return rec;
}

export function sources(parts: Partial<LoadedSources>): LoadedSources {
  return {
    national: [],
    'household-file': [],
    'one-book': [],
    ledger: [],
    hukou: [],
    'notice-board': [],
    rosters: emptyRosters(),
    inputs: [],
    rejected: [],
    hukouRead: 0,
    ...parts,
  };
}

export function dataset(parts: Partial<LoadedSources>, asOf = '2024-06-30'): Dataset {
  return linkDataset(sources(parts), policy, asOf);
}

/** The findings of one rule, each checked against the finding schema; ids must be distinct (none merged away). */
export function findingsOf(rule: Rule, ds: Dataset): Finding[] {
  const out = [...rule.check(ds)].map((d) => findingSchema.parse(toFinding(rule, d)));
  expect(new Set(out.map((f) => f.id)).size).toBe(out.length);
  return out;
}
