/** From a file to normalised records: open, find each sheet's table, recognise its layout, parse its rows. */
import { basename } from 'node:path';
import { openWorkbook } from '../io/open.js';
import { openTable, type Table, type TableRow, type SkippedRow } from '../io/table.js';
import type { FileFormat } from '../io/types.js';
import { cellText } from '../normalize/text.js';
import { unitMultiplier } from '../normalize/money.js';
import type { SourceKind } from '../model/kinds.js';
import type { FieldProblem, Loc, SourceRecord, SourceSpec, FieldMap } from './define.js';
import { detect, type Detection } from './detect.js';
import { headerHits } from './match.js';
import type { Mapping } from './mapping.js';
import type { ParseContext } from './fields.js';
import { SPECS } from './index.js';

export interface ReadOptions {
  /** Explicit kind from a CLI flag: overrides recognition. */
  kind?: SourceKind;
  mapping?: Mapping;
  /** How many problems to keep per sheet for display (all are counted). */
  keepProblems?: number;
  /**
   * Parse only these fields (plus the identifying ones) up front; `ParsedRow.complete()` parses the rest. For
   * streaming a large file where most rows are dropped after a look at a few columns (the hukou passes).
   */
  fields?: readonly string[];
}

export interface SheetStats {
  /** Data rows seen under the header (blank, footer and repeated-header rows not included). */
  rows: number;
  kept: number;
  rejected: number;
  /** Rows with at least one field problem (kept). */
  withProblems: number;
  problems: number;
}

/** One problem row for reports: where, which column, what. */
export interface RowProblem {
  loc: Loc;
  column: string | null;
  field: string | null;
  value: string;
  message: string;
  /** The row was rejected (nothing usable), not only a field problem. */
  rejected: boolean;
}

export interface SheetReading {
  file: string;
  format: FileFormat;
  encoding: string | null;
  sheet: string;
  hidden: boolean;
  table: Table | null;
  detection: Detection | null;
  /** Chinese reason the sheet is not used (no header, unrecognised, tie). */
  problem: string | null;
  stats: SheetStats;
  /** The first problems (up to keepProblems), for display. */
  problems: RowProblem[];
  skipped(): SkippedRow[];
  /** Parsed rows; consume fully before asking for the next sheet (xlsx sheets stream in order). */
  records(): AsyncIterable<ParsedRow>;
}

export interface ParsedRow {
  spec: SourceSpec;
  loc: Loc;
  /** Null when the row was rejected. With `ReadOptions.fields`, only those fields are parsed yet. */
  record: SourceRecord<FieldMap> | null;
  rejected: string | null;
  /** What a rejected row held (its non-empty cells), so the report can show it; '' for kept rows. */
  text: string;
  /** Parses the fields left out by `ReadOptions.fields` (and their problems) into `record`; returns it. */
  complete(): SourceRecord<FieldMap> | null;
}

const emptyStats = (): SheetStats => ({ rows: 0, kept: 0, rejected: 0, withProblems: 0, problems: 0 });

function scoreHeaderFor(opts: ReadOptions): (texts: string[]) => number {
  const pool = opts.kind ? SPECS.filter((s) => s.kind === opts.kind) : SPECS;
  return (texts) => {
    let best = 0;
    for (const spec of pool) best = Math.max(best, headerHits(spec, texts, opts.mapping));
    return best >= 2 ? best : 0;
  };
}

/** Reads a file sheet by sheet. Throws `ReadError` (Chinese) when the file cannot be opened at all. */
export async function* readSheets(file: string, opts: ReadOptions = {}): AsyncGenerator<SheetReading> {
  const wb = await openWorkbook(file);
  const keep = opts.keepProblems ?? 20;
  for (const sheet of wb.sheets) {
    const table = await openTable(sheet, { scoreHeader: scoreHeaderFor(opts) });
    const stats = emptyStats();
    const problems: RowProblem[] = [];
    const base = {
      file,
      format: wb.format,
      encoding: wb.encoding,
      sheet: sheet.name,
      hidden: sheet.hidden,
      table,
      stats,
      problems,
      skipped: () => table?.skipped ?? [],
    };
    if (!table) {
      yield { ...base, detection: null, problem: '找不到表头行：前30行中没有可识别的列名', records: emptyRows };
      continue;
    }
    const detection = detect(table.columns, { forced: opts.kind, mapping: opts.mapping, names: `${basename(file)} ${sheet.name}` });
    if (!detection.spec) {
      yield { ...base, detection, problem: detection.problem, records: () => drain(table) };
      continue;
    }
    const spec = detection.spec;
    const ctx: ParseContext = { date1904: wb.date1904, moneyMultiplier: (table.unitNote && unitMultiplier(table.unitNote)) || 1 };
    const note = (p: RowProblem) => {
      stats.problems++;
      if (problems.length < keep) problems.push(p);
    };
    yield {
      ...base,
      detection,
      problem: null,
      records: () => parseRows(spec, detection, table, file, ctx, stats, note, opts.fields),
    };
  }
}

async function* emptyRows(): AsyncIterable<ParsedRow> {}

/** An unusable sheet is still read through so that the next sheet of a streamed workbook can start. */
async function* drain(table: Table): AsyncIterable<ParsedRow> {
  for await (const _row of table.rows()) void _row;
}

async function* parseRows(
  spec: SourceSpec,
  detection: Detection,
  table: Table,
  file: string,
  ctx: ParseContext,
  stats: SheetStats,
  note: (p: RowProblem) => void,
  only?: readonly string[],
): AsyncIterable<ParsedRow> {
  const used = detection.columns.filter((c) => c.field !== null);
  const wanted = (f: string) => !only || only.includes(f) || spec.identifying.includes(f);
  const first = used.filter((c) => wanted(c.field as string));
  const later = used.filter((c) => !wanted(c.field as string));
  // Every record has every field of its layout, null where the sheet has no such column.
  const template: Record<string, unknown> = Object.fromEntries(Object.keys(spec.fields).map((f) => [f, null]));
  const parseInto = (rec: Record<string, unknown>, cols: typeof used, cells: TableRow['cells'], problems: FieldProblem[]) => {
    for (const col of cols) {
      const field = col.field as string;
      const cell = cells[col.index];
      const parsed = spec.fields[field].parse(cell, ctx);
      rec[field] = parsed.value;
      if (parsed.problem) problems.push({ field, column: col.header, value: cellText(cell), message: parsed.problem });
    }
  };
  const none = () => null;
  for await (const row of table.rows()) {
    stats.rows++;
    const loc: Loc = { file, sheet: table.sheet, row: row.row };
    const rowProblems: FieldProblem[] = [];
    const rec: Record<string, unknown> = { ...template, loc, problems: rowProblems };
    parseInto(rec, first, row.cells, rowProblems);
    if (spec.identifying.every((f) => rec[f] === null || rec[f] === undefined)) {
      stats.rejected++;
      const names = spec.identifying.map((f) => spec.fields[f].label).join('和');
      const reason = `该行没有${names}，无法使用，已跳过`;
      const text = rowText(row.cells);
      note({ loc, column: null, field: null, value: text, message: reason, rejected: true });
      yield { spec, loc, record: null, rejected: reason, text, complete: none };
      continue;
    }
    stats.kept++;
    const record = rec as SourceRecord<FieldMap>;
    /** Notes the problems found since `from`; a row with problems is counted once (when its first ones appear). */
    const report = (from: number) => {
      if (from === 0 && rowProblems.length > 0) stats.withProblems++;
      for (const p of rowProblems.slice(from)) note({ loc, column: p.column, field: p.field, value: p.value, message: p.message, rejected: false });
    };
    report(0);
    let done = later.length === 0;
    const complete = () => {
      if (!done) {
        done = true;
        const before = rowProblems.length;
        parseInto(rec, later, row.cells, rowProblems);
        report(before);
      }
      return record;
    };
    yield { spec, loc, record, rejected: null, text: '', complete };
  }
}

function rowText(cells: TableRow['cells']): string {
  return cells
    .map((c) => cellText(c))
    .filter((t) => t !== '')
    .join(' | ')
    .slice(0, 120);
}
