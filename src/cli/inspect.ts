/** `jingzhun inspect`: what the tool sees in each file — the command a clerk runs when "the file doesn't work". */
import { ReadError } from '../io/types.js';
import { isSourceKind, type SourceKind } from '../model/kinds.js';
import { readSheets, type SheetReading, type RowProblem } from '../sources/read.js';
import type { Mapping } from '../sources/mapping.js';
import { collectFiles } from './files.js';

export interface InspectOptions {
  json?: boolean;
  kind?: string;
  mapping?: Mapping;
  problems?: number;
}

export interface SheetReport {
  sheet: string;
  hidden: boolean;
  kind: SourceKind | null;
  layout: string | null;
  layoutLabel: string | null;
  score: number;
  decidedBy: string | null;
  problem: string | null;
  candidates: { layout: string; score: number }[];
  headerRow: number | null;
  headerRows: number | null;
  titleRows: string[];
  unitNote: string | null;
  columns: { column: number; header: string; field: string | null; fieldLabel: string | null; note: string | null }[];
  rows: number;
  kept: number;
  rejected: number;
  rowsWithProblems: number;
  problemCount: number;
  skipped: { blank: number; footer: number; repeatedHeader: number };
  problems: RowProblem[];
}

export interface FileReport {
  file: string;
  format: string | null;
  encoding: string | null;
  error: string | null;
  sheets: SheetReport[];
}

async function inspectSheet(s: SheetReading): Promise<SheetReport> {
  for await (const _ of s.records()) void _; // counting happens as rows are parsed
  const spec = s.detection?.spec ?? null;
  const skipped = { blank: 0, footer: 0, repeatedHeader: 0 };
  for (const k of s.skipped()) skipped[k.reason]++;
  const cols = s.detection?.columns.length ? s.detection.columns : (s.table?.columns ?? []).map((c) => ({ index: c.index, header: c.header, field: null, duplicateOf: null }));
  return {
    sheet: s.sheet,
    hidden: s.hidden,
    kind: spec?.kind ?? null,
    layout: spec?.id ?? null,
    layoutLabel: spec?.label ?? null,
    score: s.detection?.score ?? 0,
    decidedBy: s.detection?.decidedBy || null,
    problem: s.problem,
    candidates: (s.detection?.candidates ?? []).filter((c) => c.score > 0).map((c) => ({ layout: c.spec.id, score: c.score })),
    headerRow: s.table?.headerRow ?? null,
    headerRows: s.table?.headerRowCount ?? null,
    titleRows: s.table?.titleRows ?? [],
    unitNote: s.table?.unitNote ?? null,
    columns: cols.map((c) => ({
      column: c.index + 1,
      header: c.header,
      field: c.field,
      fieldLabel: c.field && spec ? spec.fields[c.field].label : null,
      note: c.duplicateOf !== null ? `与第${c.duplicateOf + 1}列重复，该列为空的行取本列的值` : null,
    })),
    rows: s.stats.rows,
    kept: s.stats.kept,
    rejected: s.stats.rejected,
    rowsWithProblems: s.stats.withProblems,
    problemCount: s.stats.problems,
    skipped,
    problems: s.problems,
  };
}

export async function inspectFile(file: string, opts: InspectOptions): Promise<FileReport> {
  const kind = opts.kind && isSourceKind(opts.kind) ? opts.kind : undefined;
  const report: FileReport = { file, format: null, encoding: null, error: null, sheets: [] };
  try {
    for await (const s of readSheets(file, { kind, mapping: opts.mapping, keepProblems: opts.problems ?? 20 })) {
      report.format = s.format;
      report.encoding = s.encoding;
      report.sheets.push(await inspectSheet(s));
    }
  } catch (e) {
    if (e instanceof ReadError) report.error = e.message;
    else report.error = `读取 ${file} 时出错：${e instanceof Error ? e.message : String(e)}`;
  }
  return report;
}

const FORMAT_LABELS: Record<string, string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  'xls-biff8': 'Excel 97-2003 工作簿（.xls）',
  'xls-biff5': 'Excel 5.0/95 工作簿（.xls）',
  'xls-html': '网页表格（以 .xls 保存的 HTML）',
  'xls-spreadsheetml': 'XML 电子表格 2003',
  csv: 'CSV 文本',
  tsv: '制表符分隔文本',
};
const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM）',
  'utf-16le': 'UTF-16LE（Unicode 文本）',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030/GBK',
};

export function formatReport(r: FileReport): string {
  const out: string[] = [];
  if (r.error) {
    out.push(`✗ ${r.file}`, `  无法读取：${r.error}`);
    return out.join('\n');
  }
  const enc = r.encoding ? `，编码 ${ENCODING_LABELS[r.encoding] ?? r.encoding}` : '';
  out.push(`文件：${r.file}（${FORMAT_LABELS[r.format ?? ''] ?? r.format}${enc}）`);
  for (const s of r.sheets) {
    const head = `  工作表「${s.sheet}」${s.hidden ? '（隐藏）' : ''}：`;
    if (!s.kind) {
      out.push(`${head}未使用 — ${s.problem}`);
      if (s.candidates.length) out.push(`    候选：${s.candidates.map((c) => `${c.layout}（${c.score}）`).join('、')}`);
      continue;
    }
    out.push(`${head}${s.layoutLabel}（${s.kind}，得分 ${s.score}；${s.decidedBy}）`);
    const above = [...s.titleRows.map((t) => `标题“${t}”`), ...(s.unitNote ? [`单位行“${s.unitNote}”`] : [])];
    out.push(`    表头：第${s.headerRow}行${s.headerRows === 2 ? '起两行（合并表头）' : ''}${above.length ? `；表头上方：${above.join('，')}` : ''}`);
    const used = s.columns.filter((c) => c.field);
    const unused = s.columns.filter((c) => !c.field);
    out.push(`    已识别的列（${used.length}）：${used.map((c) => `${c.header}→${c.fieldLabel}`).join('；')}`);
    if (unused.length) out.push(`    未使用的列（${unused.length}）：${unused.map((c) => (c.note ? `${c.header}（${c.note}）` : c.header)).join('；')}`);
    const sk = s.skipped;
    out.push(
      `    数据行 ${s.rows}：保留 ${s.kept}，拒绝 ${s.rejected}，有问题的行 ${s.rowsWithProblems}（问题 ${s.problemCount} 处）；` +
        `跳过空行 ${sk.blank}、合计/落款行 ${sk.footer}、重复表头 ${sk.repeatedHeader}`,
    );
    if (s.problems.length) {
      out.push(`    问题（前 ${s.problems.length} 条）：`);
      for (const p of s.problems) {
        const where = `第${p.loc.row}行${p.column ? ` ${p.column}` : ''}`;
        out.push(`      ${where}：${p.message}${p.value ? `［${p.value}］` : ''}`);
      }
    }
  }
  return out.join('\n');
}

/** Returns the exit code: 2 when a file named on the command line cannot be read. */
export async function runInspect(paths: string[], opts: InspectOptions, write: (s: string) => void): Promise<number> {
  const collected = await collectFiles(paths);
  const reports: FileReport[] = [];
  let code = 0;
  for (const m of collected.missing) {
    reports.push({ file: m.file, format: null, encoding: null, error: m.reason, sheets: [] });
    code = 2;
  }
  for (const file of collected.files) {
    const r = await inspectFile(file, opts);
    if (!r.error && !r.sheets.some((s) => s.kind)) {
      r.error = `${file} 中没有可识别的表格：${r.sheets.map((s) => `工作表「${s.sheet}」${s.problem ?? ''}`).join('；') || '文件中没有工作表'}`;
    }
    if (r.error && collected.explicit.has(file)) code = 2;
    reports.push(r);
  }
  if (opts.json) {
    write(JSON.stringify({ files: reports, skipped: collected.skipped }, null, 2) + '\n');
  } else {
    for (const r of reports) write(formatReport(r) + '\n\n');
    if (collected.skipped.length) {
      write(`已跳过的文件（${collected.skipped.length}）：\n`);
      for (const s of collected.skipped) write(`  ${s.file}：${s.reason}\n`);
    }
    if (reports.length === 0 && collected.skipped.length === 0) write('没有找到可读取的电子表格文件。\n');
  }
  return code;
}

