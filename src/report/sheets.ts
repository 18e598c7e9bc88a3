/** The table sheets of the audit workbook: 汇总, 问题清单, one per category, 数据质量, 来源覆盖. */
import type { HouseholdCoverage, InputSummary } from '../model/audit.js';
import { CATEGORIES, CATEGORY_LABELS, SEVERITIES, SEVERITY_LABELS, type Category, type Finding, type Location, type Severity } from '../model/finding.js';
import { KIND_LABELS, MAIN_KINDS } from '../model/kinds.js';
import { FROZEN_FINDING_COLUMNS, evidenceKeys, findingColumns, kindsIn } from './finding-columns.js';
import { compareText } from '../model/order.js';
import { addTable, type Column, type WorkbookWriter } from './table.js';

export const NO_TOWNSHIP = '未注明乡镇';
export const NO_VILLAGE = '未注明村';
const TOTAL = '合计';

interface SummaryRow {
  township: string | null;
  total: boolean;
  byCategory: Map<Category, number>;
  bySeverity: Map<Severity, number>;
  /** Problems (warnings not included). */
  count: number;
  /** Risk warnings: counted apart, they are not problems. */
  warnings: number;
}

const emptyRow = (township: string | null, total = false): SummaryRow => ({
  township,
  total,
  byCategory: new Map(),
  bySeverity: new Map(),
  count: 0,
  warnings: 0,
});

/** One row per township (findings without a township last), then the totals. */
function summaryRows(findings: readonly Finding[]): SummaryRow[] {
  const rows = new Map<string | null, SummaryRow>();
  const totals = emptyRow(null, true);
  const add = (r: SummaryRow, f: Finding): void => {
    if (f.severity === 'warning') {
      r.warnings += 1;
      return;
    }
    r.byCategory.set(f.category, (r.byCategory.get(f.category) ?? 0) + 1);
    r.bySeverity.set(f.severity, (r.bySeverity.get(f.severity) ?? 0) + 1);
    r.count += 1;
  };
  for (const f of findings) {
    let row = rows.get(f.township);
    if (row === undefined) {
      row = emptyRow(f.township);
      rows.set(f.township, row);
    }
    add(row, f);
    add(totals, f);
  }
  return [...[...rows.values()].sort((a, b) => compareText(a.township, b.township)), totals];
}

/** 汇总: problems by township × category, with totals and by severity; risk warnings counted apart. */
export async function addSummarySheet(wb: WorkbookWriter, findings: readonly Finding[]): Promise<void> {
  const columns: Column<SummaryRow>[] = [
    { header: '乡镇', value: (r) => (r.total ? TOTAL : (r.township ?? NO_TOWNSHIP)) },
    ...CATEGORIES.map<Column<SummaryRow>>((c) => ({ header: CATEGORY_LABELS[c], value: (r) => r.byCategory.get(c) ?? 0 })),
    { header: TOTAL, value: (r) => r.count },
    ...SEVERITIES.filter((s) => s !== 'warning').map<Column<SummaryRow>>((s) => ({
      header: `其中：${SEVERITY_LABELS[s]}`,
      value: (r) => r.bySeverity.get(s) ?? 0,
    })),
    { header: '风险提示（不计入问题）', value: (r) => r.warnings },
  ];
  await addTable(wb, '汇总', columns, summaryRows(findings), { freezeColumns: 1, filter: false, bold: (r) => r.total });
}

/** 问题清单 and one sheet per category present (with that category's evidence columns). */
export async function addFindingSheets(wb: WorkbookWriter, findings: readonly Finding[]): Promise<void> {
  await addTable(wb, '问题清单', findingColumns(kindsIn(findings)), findings, { freezeColumns: FROZEN_FINDING_COLUMNS, pagesWide: 2 });
  for (const category of CATEGORIES) {
    const subset = findings.filter((f) => f.category === category);
    if (subset.length === 0) continue;
    const columns = findingColumns(kindsIn(subset), evidenceKeys(subset));
    await addTable(wb, CATEGORY_LABELS[category], columns, subset, { freezeColumns: FROZEN_FINDING_COLUMNS, pagesWide: 2 });
  }
}

interface QualityRow {
  kind: string | null;
  file: string | null;
  sheet: string | null;
  row: number | null;
  column: string | null;
  name: string | null;
  problem: string;
  suggestion: string | null;
  id: string | null;
}

function compareRow(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

function qualityRows(findings: readonly Finding[], inputs: readonly InputSummary[]): QualityRow[] {
  const rows: QualityRow[] = [];
  for (const input of inputs) {
    if (input.error === null) continue;
    const kind = input.kind === null ? null : KIND_LABELS[input.kind];
    rows.push({ kind, file: input.file, sheet: input.sheet, row: null, column: null, name: null, problem: input.error, suggestion: null, id: null });
  }
  for (const f of findings) {
    if (f.category !== 'data_quality') continue;
    const locations: (Location | null)[] = f.locations.length === 0 ? [null] : f.locations;
    for (const l of locations) {
      rows.push({
        kind: l === null ? null : KIND_LABELS[l.kind],
        file: l?.file ?? null,
        sheet: l?.sheet ?? null,
        row: l?.row ?? null,
        column: l?.column ?? null,
        name: f.name,
        problem: f.message,
        suggestion: f.suggestion,
        id: f.id,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      compareText(a.sheet, b.sheet) ||
      compareRow(a.row, b.row) ||
      compareText(a.column, b.column) ||
      compareText(a.id, b.id),
  );
}

/** 数据质量: problems of the inputs, one row per file location. */
export async function addQualitySheet(wb: WorkbookWriter, findings: readonly Finding[], inputs: readonly InputSummary[]): Promise<void> {
  const columns: Column<QualityRow>[] = [
    { header: '来源', value: (r) => r.kind },
    { header: '文件', value: (r) => r.file },
    { header: '工作表', value: (r) => r.sheet },
    { header: '行号', value: (r) => r.row },
    { header: '列', value: (r) => r.column },
    { header: '姓名', value: (r) => r.name },
    { header: '问题说明', value: (r) => r.problem, wrap: true },
    { header: '整改建议', value: (r) => r.suggestion, wrap: true },
    { header: '问题编号', value: (r) => r.id },
  ];
  await addTable(wb, '数据质量', columns, qualityRows(findings, inputs));
}

function presence(v: boolean | null | undefined): string {
  return v === true ? '是' : v === false ? '否' : '不覆盖';
}

/** 来源覆盖: each registered household × main source: 是 / 否 / 不覆盖. */
export async function addCoverageSheet(wb: WorkbookWriter, households: readonly HouseholdCoverage[]): Promise<void> {
  const sorted = [...households].sort(
    (a, b) => compareText(a.township, b.township) || compareText(a.village, b.village) || compareText(a.householdId, b.householdId),
  );
  const columns: Column<HouseholdCoverage>[] = [
    { header: '乡镇', value: (h) => h.township },
    { header: '村', value: (h) => h.village },
    { header: '户编号', value: (h) => h.householdId },
    { header: '户主', value: (h) => h.headName },
    ...MAIN_KINDS.map<Column<HouseholdCoverage>>((k) => ({
      header: KIND_LABELS[k],
      value: (h) => presence(h.sources[k]),
      mark: (h) => h.sources[k] === false,
    })),
  ];
  await addTable(wb, '来源覆盖', columns, sorted, { freezeColumns: 4 });
}
