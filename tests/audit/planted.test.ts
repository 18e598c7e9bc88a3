/**
 * Planted problems (issues 3 and 4): sample counties of three seeds, generated with their planted problems and
 * hard negatives (truth.json), audited in-process. A finding matches a plant on category, 户编号, person ID,
 * field and the source to correct. Per category, precision and recall must be 1.0; risk warnings must be
 * exactly the planted near-threshold incomes; no hard negative may draw a finding of its categories.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import { collectFiles } from '../../src/cli/files.js';
import { CATEGORIES, type Finding } from '../../src/model/finding.js';
import { loadPolicy } from '../../src/model/policy.js';
import { generateSample, type PlantRecord, type SampleManifest } from '../../src/sample/index.js';

const SEEDS = [1, 2, 3] as const;
const OPTIONS = { households: 80, hukouPeople: 2000, asOf: '2026-11-27' };

/** Every pattern issues 3 and 4 ask for, by the generator's plant rule names. */
const PATTERNS = [
  // issue 3: data quality, mismatch, duplicate
  'household_absent_household-file', 'household_absent_one-book', 'household_absent_notice-board', 'member_absent_one_book',
  'member_dead_still_national', 'newborn_missing_national', 'name_homophone', 'id_typo', 'id_typo_check_char', 'relation_differs',
  'attribute_base_differs', 'income_differs', 'helper_phone_differs', 'household_size_differs', 'person_in_two_households',
  'member_not_in_hukou_household', 'two_heads', 'id_excel_damaged', 'id_15_digit',
  // issue 4
  'split_elderly_after_start_child_with_assets', 'split_elderly_in_window', 'partial_registration', 'exit_income_below_threshold', 'exit_income_near_threshold',
  'exit_dangerous_house', 'exit_child_out_of_school', 'exit_no_medical_insurance', 'exit_ill_without_cover', 'exit_unsafe_water',
  'exit_same_year', 'member_vehicles', 'member_property', 'member_business', 'member_payroll', 'head_child_on_payroll',
  'low_income_not_registered', 'no_helper', 'helper_over_cap', 'board_damaged', 'board_not_hung', 'board_phone_invalid',
  'board_phone_missing', 'subsidy_differs_from_payout',
];

/** Every hard negative and formatting-only variant asked for. */
const NEGATIVES = [
  'split_long_ago', 'split_no_child_in_area', 'split_child_registered', 'not_exited_dangerous_house', 'registered_low_income',
  'roster_person_not_registered', 'member_motorcycle', 'member_closed_business', 'income_within_tolerance', 'phone_punctuation',
  'village_suffix', 'attribute_stage_only',
];

interface Keyed {
  key: string;
  category: string;
  text: string;
}

const keyOf = (category: string, householdId: string | null, personId: string | null, field: string | null, correct: string | null) =>
  [category, householdId ?? '-', personId ?? '-', field ?? '-', correct ?? '-'].join(' | ');

const planted = (p: PlantRecord): Keyed => ({
  key: keyOf(p.category, p.householdId, p.personId, p.field, p.source),
  category: p.category,
  text: `[${p.rule}] ${p.note}`,
});

const found = (f: Finding): Keyed => ({
  key: keyOf(f.category, f.householdId, f.personId, f.field, f.correct),
  category: f.category,
  text: `[${f.rule}] ${f.message}`,
});

/** Multiset difference: items of `a` left after removing one item of the same key per item of `b`. */
function minus(a: readonly Keyed[], b: readonly Keyed[]): Keyed[] {
  const left = b.map((x) => x.key);
  return a.filter((x) => {
    const i = left.indexOf(x.key);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

interface Score {
  missing: Keyed[];
  extra: Keyed[];
  table: string;
}

const ratio = (n: number, d: number) => (d === 0 ? '1.00' : (n / d).toFixed(2));

function score(expected: readonly Keyed[], actual: readonly Keyed[]): Score {
  const missing = minus(expected, actual);
  const extra = minus(actual, expected);
  const lines = ['category          planted  found  matched  precision  recall'];
  for (const c of CATEGORIES) {
    const e = expected.filter((x) => x.category === c).length;
    const a = actual.filter((x) => x.category === c).length;
    const m = e - missing.filter((x) => x.category === c).length;
    lines.push(`${c.padEnd(18)}${String(e).padStart(7)}${String(a).padStart(7)}${String(m).padStart(9)}${ratio(m, a).padStart(11)}${ratio(m, e).padStart(8)}`);
  }
  const list = (title: string, xs: Keyed[]) => (xs.length ? [`${title}:`, ...xs.map((x) => `  ${x.key}  ${x.text}`)] : []);
  return { missing, extra, table: ['', ...lines, ...list('planted, not found', missing), ...list('found, not planted', extra)].join('\n') };
}

interface Run {
  manifest: SampleManifest;
  findings: Finding[];
}

let base: string;
const runs = new Map<number, Run>();

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'jingzhun-planted-'));
  const policy = await loadPolicy();
  for (const seed of SEEDS) {
    const out = join(base, String(seed));
    const manifest = await generateSample({ out, seed, ...OPTIONS });
    const { files } = await collectFiles([out]);
    const { result } = await runAudit({ inputs: files.map((file) => ({ file })), explicit: new Set(), policy, asOf: OPTIONS.asOf });
    runs.set(seed, { manifest, findings: result.findings });
  }
}, 120_000);

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

function run(seed: number): Run {
  const r = runs.get(seed);
  if (!r) throw new Error(`no run for seed ${seed}`);
  return r;
}

describe('planted sample counties audited', () => {
  it('the seeds together plant every pattern and every hard negative, each seed every category', () => {
    const rules = new Set(SEEDS.flatMap((s) => run(s).manifest.plants.map((p) => p.rule)));
    const negatives = new Set(SEEDS.flatMap((s) => run(s).manifest.negatives.map((n) => n.pattern)));
    expect(PATTERNS.filter((p) => !rules.has(p))).toEqual([]);
    expect(NEGATIVES.filter((n) => !negatives.has(n))).toEqual([]);
    for (const seed of SEEDS) {
      const categories = new Set(run(seed).manifest.plants.map((p) => p.category));
      expect(CATEGORIES.filter((c) => !categories.has(c)), `seed ${seed}`).toEqual([]);
    }
  });

  it.each(SEEDS)('seed %i: precision and recall 1.0 in every category', (seed) => {
    const { manifest, findings } = run(seed);
    const s = score(
      manifest.plants.filter((p) => !p.warning).map(planted),
      findings.filter((f) => f.severity !== 'warning').map(found),
    );
    expect({ missing: s.missing.map((x) => x.key), extra: s.extra.map((x) => x.key) }, s.table).toEqual({ missing: [], extra: [] });
  });

  it.each(SEEDS)('seed %i: risk warnings are exactly the planted incomes barely above the threshold', (seed) => {
    const { manifest, findings } = run(seed);
    const expected = manifest.plants.filter((p) => p.warning).map(planted);
    expect(expected.length).toBeGreaterThan(0);
    const s = score(expected, findings.filter((f) => f.severity === 'warning').map(found));
    expect({ missing: s.missing.map((x) => x.key), extra: s.extra.map((x) => x.key) }, s.table).toEqual({ missing: [], extra: [] });
  });

  it.each(SEEDS)('seed %i: households without a plant get no data-quality, mismatch or duplicate finding', (seed) => {
    const { manifest, findings } = run(seed);
    const touched = new Set(manifest.plants.map((p) => p.householdId));
    const compared = ['data_quality', 'mismatch', 'duplicate'];
    const onClean = findings.filter((f) => compared.includes(f.category) && f.householdId !== null && !touched.has(f.householdId));
    expect(onClean.map((f) => found(f).text)).toEqual([]);
  });

  it.each(SEEDS)('seed %i: no finding on the hard negatives', (seed) => {
    const { manifest, findings } = run(seed);
    expect(manifest.negatives.length).toBeGreaterThan(0);
    const hits = manifest.negatives.flatMap((n) =>
      findings
        .filter((f) => (n.categories as string[]).includes(f.category) && (n.fields === null || (f.field !== null && n.fields.includes(f.field))))
        .filter((f) => (n.householdId !== null && f.householdId === n.householdId) || (n.personId !== null && f.personId === n.personId))
        .map((f) => `${n.pattern}（${n.note}）← ${found(f).text}`),
    );
    expect(hits).toEqual([]);
  });
});
