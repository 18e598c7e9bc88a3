/**
 * 错退 by income (DOMAIN §5.2): an exited household whose per-capita income — the national, archive or handbook
 * figure, or the handbook ledger recomputed per year (lines summed, 支出 lines subtracted, ÷ household size) for
 * the exit year and the years after it — is below the exit threshold of its exit year. Income AT the threshold is
 * not below it. With nothing below, a risk warning (`warning`), not a finding: a figure above the threshold by no
 * more than the policy's warning margin, or a ledger year below that year's own, higher line (a later exit
 * threshold, or from 2021 the monitoring line: a fall back towards poverty after the exit, not a wrong exit).
 * Ledger years before the exit are not compared (the household was poor then); without an exit year only the
 * ledger years' own lines are, and only for a warning. Figures outside the plausible range (policy incomeRange)
 * are data-quality/income-range's and are not used. One finding per household.
 */
import type { Location } from '../../model/finding.js';
import { incomePlausible, nearThreshold, thresholdFor, type Policy, type Threshold } from '../../model/policy.js';
import type { SourceKind } from '../../model/kinds.js';
import type { Dataset, RegisteredHousehold } from '../../link/model.js';
import { oneBookLedger, type NationalRecord, type HouseholdFileRecord, type OneBookRecord } from '../../sources/index.js';
import type { Rule, FindingDraft } from '../types.js';
import { householdBase, location } from '../util.js';
import { householdValue } from '../shared/household-value.js';
import { at, label, moneyText } from '../shared/display.js';
import { ledgerYear } from '../benefit/benefit-amount.js';
import { exitEvidence, exitLead, exitOf, type Exit } from './exited.js';

type FigureKind = 'national' | 'household-file' | 'one-book';
type IncomeRow = NationalRecord | HouseholdFileRecord | OneBookRecord;

interface Figure {
  kind: FigureKind;
  value: number;
  /** The exit year's threshold: below it is the lead. Null without an exit year. */
  threshold: Threshold | null;
  /** A ledger year's own line where it is higher than the exit year's: below it is a risk. */
  own: Threshold | null;
  /** What a finding says of the figure: worked out only for the few figures that make one. */
  describe(): FigureText;
}

interface FigureText {
  /** Chinese, e.g. `国办系统人均纯收入`, `《一本通》收支流水2023年人均收入`. */
  what: string;
  /** Evidence column: one per source, the ledger's years together. */
  column: string;
  /** Evidence text of the figure within its column. */
  shown: string;
  locations: Location[];
}

const cents = (n: number): number => Math.round(n * 100) / 100;

function thresholdText(t: Threshold): string {
  const name = t.kind === 'exit' ? '脱贫标准' : '防返贫监测标准';
  const from = t.fromYear !== t.year ? `（沿用${String(t.fromYear)}年标准）` : '';
  return `${String(t.year)}年${name}${String(t.value)}元${from}`;
}

/** Household size for the ledger: the national 人数, else its member rows. */
function householdSize(h: RegisteredHousehold): number | null {
  const size = householdValue(h.national, (r) => r.householdSize, String, String)?.value;
  if (size !== undefined && size > 0) return size;
  const rows = h.people.filter((p) => p.records.national).length;
  return rows > 0 ? rows : null;
}

function sourceFigures(ds: Dataset, h: RegisteredHousehold, exit: Exit): Figure[] {
  if (exit.year === null) return [];
  const threshold = thresholdFor(ds.policy, exit.year);
  if (!threshold) return [];
  const sources: [FigureKind, readonly IncomeRow[]][] = [
    ['national', h.national],
    ['household-file', h.archive?.rows ?? []],
    ['one-book', h.oneBook?.rows ?? []],
  ];
  const out: Figure[] = [];
  for (const [kind, rows] of sources) {
    const v = householdValue<number, IncomeRow>(rows, (r) => r.income, String, moneyText);
    if (!v) continue;
    const describe = (): FigureText => {
      const what = `${label(kind)}人均纯收入`;
      return { what, column: what, shown: moneyText(v.value), locations: [at(kind, v.row.loc, 'income')] };
    };
    out.push({ kind, value: v.value, threshold, own: null, describe });
  }
  return out;
}

function ledgerFigures(ds: Dataset, h: RegisteredHousehold, exit: Exit): Figure[] {
  const size = householdSize(h);
  if (size === null) return [];
  const threshold = exit.year === null ? null : thresholdFor(ds.policy, exit.year);
  const byYear = new Map<number, typeof h.ledger>();
  for (const r of h.ledger) {
    const year = ledgerYear(r);
    if (year === null || r.amount === null || (exit.year !== null && year < exit.year)) continue;
    const list = byYear.get(year);
    if (list) list.push(r);
    else byYear.set(year, [r]);
  }
  const out: Figure[] = [];
  for (const [year, lines] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
    const yearLine = thresholdFor(ds.policy, year);
    const own = yearLine && (!threshold || yearLine.value > threshold.value) ? yearLine : null;
    if (!threshold && !own) continue;
    const total = lines.reduce((s, r) => s + (r.category?.includes('支出') ? -1 : 1) * (r.amount ?? 0), 0);
    out.push({
      kind: 'one-book',
      value: cents(total / size),
      threshold,
      own,
      describe: () => ({
        what: `《一本通》收支流水${String(year)}年人均收入（${String(lines.length)}笔合计${moneyText(cents(total))}÷${String(size)}人）`,
        column: '《一本通》收支流水人均收入',
        shown: `${String(year)}年：${moneyText(cents(total / size))}`,
        locations: lines.map((r) => location('one-book', r.loc, oneBookLedger.fields.amount.label)),
      }),
    });
  }
  return out;
}

/** How a figure stands: below the exit year's line (the lead), below its own year's higher line, or just above. */
type Verdict = { kind: 'below' | 'near'; line: Threshold } | { kind: 'own'; line: Threshold; exitLine: Threshold | null };

function verdictOf(policy: Policy, f: Figure): Verdict | null {
  if (f.threshold && f.value < f.threshold.value) return { kind: 'below', line: f.threshold };
  if (f.own && f.value < f.own.value) return { kind: 'own', line: f.own, exitLine: f.threshold };
  if (f.threshold && nearThreshold(policy, f.value, f.threshold.value)) return { kind: 'near', line: f.threshold };
  return null;
}

type Judged = [Figure, Verdict];

function draft(ds: Dataset, h: RegisteredHousehold, exit: Exit, figures: Figure[], judged: Judged[]): FindingDraft {
  const texts = new Map(figures.map((f) => [f, f.describe()]));
  const text = (f: Figure): FigureText => texts.get(f) ?? f.describe();
  const margin = `${String(Math.round(ds.policy.warningMargin.value * 10000) / 100)}%`;
  const figureText = ([f, v]: Judged): string => {
    const head = `${text(f).what}为${moneyText(f.value)}，`;
    if (v.kind === 'below') return `${head}低于${thresholdText(v.line)}`;
    if (v.kind === 'own') return `${head}${v.exitLine ? `不低于${thresholdText(v.exitLine)}，但` : ''}低于${thresholdText(v.line)}`;
    return `${head}${f.value === v.line.value ? '等于' : '仅略高于'}${thresholdText(v.line)}`;
  };
  const below = judged.filter(([, v]) => v.kind === 'below');
  const values: FindingDraft['values'] = {};
  const byKind = new Map<SourceKind, string[]>();
  for (const f of figures) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), `${text(f).what}：${moneyText(f.value)}`]);
  for (const [kind, list] of byKind) values[kind] = list.length === 1 ? list[0] : list;
  const thresholds = [...new Set(figures.flatMap((f) => [f.threshold, f.own].flatMap((t) => (t ? [thresholdText(t)] : []))))].join('；');
  const evidence: FindingDraft['evidence'] = { ...exitEvidence(exit), 适用标准: thresholds };
  for (const f of figures) {
    const { column, shown } = text(f);
    const prior = evidence[column];
    evidence[column] = typeof prior === 'string' ? `${prior}；${shown}` : shown;
  }
  const base = { ...householdBase(h), field: 'income' as const, values, correct: null, evidence };
  const locations = [at('national', exit.row.loc, exit.key), ...figures.flatMap((f) => text(f).locations)];
  if (below.length > 0) {
    return {
      ...base,
      message: `${exitLead(h, exit)}，但${below.map(figureText).join('；')}，需入户核实`,
      suggestion: '入户核实该户收入（工资性、经营性、财产性、转移性收入）及核算过程；确未达到脱贫标准的，按程序纠正脱贫认定，并更正各来源的人均纯收入',
      locations,
    };
  }
  return {
    ...base,
    severity: 'warning',
    message: `风险提示：${h.headName ?? ''}户（户编号 ${h.householdId}）国办系统记录为${exit.text}，${judged.map(figureText).join('；')}${judged.some(([, v]) => v.kind === 'near') ? `（不超过标准的${margin}）` : ''}，有返贫风险，需关注`,
    suggestion: '将该户列为重点关注对象，核实收入稳定性，必要时纳入防返贫动态监测',
    locations,
  };
}

export const lowIncome: Rule = {
  id: 'wrong-exit/low-income',
  category: 'wrong_exit',
  title: '疑似错退：脱贫户人均纯收入低于脱贫标准',
  description:
    '国办系统记录为已脱贫的户，其国办系统、一户一档、《一本通》人均纯收入，或《一本通》收支流水按年度重算的脱贫当年及以后各年人均收入，低于脱贫年度的脱贫标准。等于标准不算低于；高于标准但不超过预警幅度的，或流水某年人均收入低于该年更高的标准（以后年度的脱贫标准、2021年起的防返贫监测标准）的，只作风险提示（有返贫风险，不是错退）。脱贫以前年度的流水不比较。这是需入户核实的线索；每户列一条。',
  severity: 'high',
  *check(ds) {
    for (const h of ds.households) {
      const exit = exitOf(h);
      if (!exit) continue;
      // An implausible figure (0, blank typed as 0, a misplaced unit) is data-quality/income-range's, not a lead.
      const figures = [...sourceFigures(ds, h, exit), ...ledgerFigures(ds, h, exit)].filter((f) => incomePlausible(ds.policy, f.value));
      const judged = figures.flatMap((f): Judged[] => {
        const v = verdictOf(ds.policy, f);
        return v ? [[f, v]] : [];
      });
      if (judged.length > 0) yield draft(ds, h, exit, figures, judged);
    }
  },
};
