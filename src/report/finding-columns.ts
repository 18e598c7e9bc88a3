/** Columns of the finding lists (问题清单 and the per-category sheets). */
import { CATEGORY_LABELS, FIELD_LABELS, SEVERITY_LABELS, type Finding } from '../model/finding.js';
import { KIND_LABELS, SOURCE_KINDS, type SourceKind } from '../model/kinds.js';
import type { Location } from '../model/finding.js';
import type { Out } from './cells.js';
import type { Column } from './table.js';

type Scalar = string | number | boolean | null;
const EMPTY = '（空）';
/** Shown where the source to correct is a field visit rather than a source. */
export const FIELD_VISIT = '入户核实';

function scalarText(v: Scalar): string {
  if (v === null || v === '') return EMPTY;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** A source's value for a cell: numbers stay numbers, text stays text, several records are joined. */
export function showValue(v: Scalar | Scalar[] | undefined): Out {
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.length === 0 ? EMPTY : v.map(scalarText).join('；');
  if (typeof v === 'number') return v;
  return scalarText(v);
}

export function locationText(l: Location): string {
  const parts = [`${KIND_LABELS[l.kind]}：${l.file}`];
  if (l.sheet !== null) parts.push(l.sheet);
  if (l.row !== null) parts.push(`第${String(l.row)}行`);
  if (l.column) parts.push(`${l.column}列`);
  return parts.join(' ');
}

/** Source kinds that appear in any finding's values, in the product's kind order. */
export function kindsIn(findings: readonly Finding[]): SourceKind[] {
  const seen = new Set<SourceKind>();
  for (const f of findings) for (const k of Object.keys(f.values)) seen.add(k as SourceKind);
  return SOURCE_KINDS.filter((k) => seen.has(k));
}

/** Evidence keys of the findings: their union, in first-seen order. */
export function evidenceKeys(findings: readonly Finding[]): string[] {
  const keys = new Set<string>();
  for (const f of findings) for (const k of Object.keys(f.evidence)) keys.add(k);
  return [...keys];
}

const head: Column<Finding>[] = [
  { header: '乡镇', value: (f) => f.township },
  { header: '村', value: (f) => f.village },
  { header: '户编号', value: (f) => f.householdId },
  { header: '户主/姓名', value: (f) => f.name },
  { header: '身份证号', value: (f) => f.personId },
  { header: '规则', value: (f) => f.ruleTitle },
  { header: '类别', value: (f) => CATEGORY_LABELS[f.category] },
  { header: '严重程度', value: (f) => SEVERITY_LABELS[f.severity] },
  { header: '字段', value: (f) => (f.field === null ? null : FIELD_LABELS[f.field]) },
];

const tail: Column<Finding>[] = [
  { header: '应更正来源', value: (f) => (f.correct === null ? FIELD_VISIT : KIND_LABELS[f.correct]) },
  { header: '问题说明', value: (f) => f.message, wrap: true },
  { header: '整改建议', value: (f) => f.suggestion, wrap: true },
  { header: '位置', value: (f) => (f.locations.length === 0 ? null : f.locations.map(locationText).join('\n')), wrap: true, maxWidth: 60 },
  { header: '问题编号', value: (f) => f.id },
];

/** Number of leading columns that stay visible while scrolling (乡镇 村 户编号 户主/姓名). */
export const FROZEN_FINDING_COLUMNS = 4;

/** Base columns, one column per source kind present, the given evidence keys, then the fix columns. */
export function findingColumns(kinds: readonly SourceKind[], evidence: readonly string[] = []): Column<Finding>[] {
  const kindCols = kinds.map<Column<Finding>>((k) => ({
    header: KIND_LABELS[k],
    value: (f) => showValue(f.values[k]),
    mark: (f) => f.correct === k,
    maxWidth: 30,
  }));
  const evidenceCols = evidence.map<Column<Finding>>((key) => ({
    header: key,
    value: (f) => (key in f.evidence ? showValue(f.evidence[key]) : null),
    maxWidth: 30,
  }));
  return [...head, ...kindCols, ...evidenceCols, ...tail];
}
