/**
 * The hand-built county (fixtures/handbuilt): spreadsheets written by hand and saved with LibreOffice, with the
 * findings decided by hand from DOMAIN §5 (fixtures/handbuilt/expected.json). The built CLI audits the folder;
 * its data-quality, mismatch and duplicate findings must be exactly the expected ones.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jingzhun, type CliResult } from '../helpers/cli.js';
import { auditResultSchema, type AuditResult } from '../../src/model/audit.js';
import { CATEGORIES, FIELDS } from '../../src/model/finding.js';
import { SOURCE_KINDS } from '../../src/model/kinds.js';

const ROOT = fileURLToPath(new URL('../../fixtures/handbuilt/', import.meta.url));
const DATA = join(ROOT, 'data');
const COMPARED = ['data_quality', 'mismatch', 'duplicate'] as const;

const entrySchema = z.object({
  category: z.enum(CATEGORIES),
  householdId: z.string().regex(/^\d{16}$/).nullable(),
  personId: z.string().regex(/^\d{17}[\dX]$/).nullable(),
  field: z.enum(FIELDS),
  correct: z.enum(SOURCE_KINDS).nullable(),
  why: z.string().min(1),
});
const expectationSchema = z.object({ expected: z.array(entrySchema), expectedAbsent: z.array(entrySchema) });

const expectation = expectationSchema.parse(JSON.parse(readFileSync(join(ROOT, 'expected.json'), 'utf8')));

interface Keyed {
  category: string;
  householdId: string | null;
  personId: string | null;
  field: string | null;
  correct: string | null;
}

const key = (f: Keyed) => [f.category, f.householdId ?? '-', f.personId ?? '-', f.field ?? '-', f.correct ?? '-'].join(' | ');

/** Multiset difference: keys of `a` left over after removing one occurrence per key of `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((k) => {
    const i = left.indexOf(k);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function validId(id: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * WEIGHTS[i];
  return '10X98765432'[sum % 11] === id[17];
}

let run: CliResult;
let result: AuditResult;
let actual: { key: string; text: string }[];

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'jz-handbuilt-'));
  run = jingzhun(['audit', DATA, '--as-of', '2026-11-27', '--out', out, '--quiet']);
  if (run.code !== 0 && run.code !== 1) throw new Error(`audit failed (${String(run.code)}): ${run.stderr}${run.stdout}`);
  result = auditResultSchema.parse(JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')));
  actual = result.findings
    .filter((f) => (COMPARED as readonly string[]).includes(f.category))
    .map((f) => ({ key: key(f), text: `${key(f)}  [${f.rule}] ${f.name ?? ''}：${f.message}` }));
});

describe('the hand-built county: the expectations themselves', () => {
  it('name valid 18-character IDs and keys that are unique', () => {
    const all = [...expectation.expected, ...expectation.expectedAbsent];
    for (const e of all) if (e.personId) expect(validId(e.personId), e.personId).toBe(true);
    const keys = all.map(key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the hand-built county audited by the CLI', () => {
  it('reads every file as the source it is, every row, none rejected', () => {
    const read = (name: string) =>
      result.inputs.filter((i) => i.file.endsWith(name)).map((i) => ({ kind: i.kind, rows: i.rows, rejected: i.rejected, error: i.error }));
    // Data rows as written in fixtures/handbuilt/src/*.csv.
    expect(read('国办系统导出_赣县区.xlsx')).toEqual([{ kind: 'national', rows: 50, rejected: 0, error: null }]);
    expect(read('一户一档_田村镇韩坊乡.xls')).toEqual([{ kind: 'household-file', rows: 49, rejected: 0, error: null }]);
    expect(read('一本通_家庭成员.xlsx')).toEqual([{ kind: 'one-book', rows: 49, rejected: 0, error: null }]);
    expect(read('户籍人口信息.xls')).toEqual([{ kind: 'hukou', rows: 55, rejected: 0, error: null }]);
    expect(read('公示牌调查表.csv')).toEqual([{ kind: 'notice-board', rows: 14, rejected: 0, error: null }]);
    expect(result.summary.households).toBe(15);
  });

  it('finds every expected problem', () => {
    const missing = minus(expectation.expected.map(key), actual.map((a) => a.key));
    expect(missing, 'expected findings the audit did not report').toEqual([]);
  });

  it('reports nothing else of the compared categories', () => {
    const extra = minus(actual.map((a) => a.key), expectation.expected.map(key));
    const shown = extra.map((k) => actual.find((a) => a.key === k)?.text ?? k);
    expect(shown, 'findings the hand-made expectation does not contain').toEqual([]);
  });

  it('reports none of the planted non-problems', () => {
    const absent = new Set(expectation.expectedAbsent.map(key));
    const hits = actual.filter((a) => absent.has(a.key)).map((a) => a.text);
    expect(hits, 'planted non-problems reported as findings').toEqual([]);
  });
});
