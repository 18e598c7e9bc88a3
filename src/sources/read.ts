/** From a file to normalised records: open, find each sheet's table, recognise its layout, parse its rows. */
import { basename } from 'node:path';
import { openWorkbook } from '../io/open.js';
import { openTable, type Table, type TableRow, type SkippedRow } from '../io/table.js';
import type { FileFormat, RowSkip } from '../io/types.js';
import { unitMultiplier } from '../normalize/money.js';
import type { IdPool } from '../normalize/id.js';
import type { SourceKind } from '../model/kinds.js';
import type { Loc, SourceRecord, SourceSpec, FieldMap } from './define.js';
import { detect, type Detection } from './detect.js';
import { headerScorer } from './match.js';
import type { Mapping } from './mapping.js';
import type { ParseContext } from './fields.js';
import { SPECS } from './index.js';
import { SheetParser } from './sheet-parser.js';

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
  /**
   * Rows this answers true for are not parsed at all: counted in `stats.rows` and `stats.passedOver`, not given.
   * It sees the cells of the layout's fields as the reader gave them: a cell's text when it holds text ('' for an
   * empty cell or a field without a column), null when it holds anything else (a number, a date, a boolean).
   * For streaming a large file whose rows are mostly dropped, before any normalising: the caller must answer
   * true only for rows it would drop whatever their parsed values (and that are not rejected). `row`: the row's
   * number in the sheet.
   */
  passOver?: (text: (field: string) => string | null, row: number) => boolean;
  /**
   * Per sheet (by name), rows the caller will not use: left out unread where the reader can (lines of text
   * files); rows a reader gives anyway go through `passOver` and parsing as usual. Rows left out are in no count
   * of `SheetStats`; the rows the header is looked for in are always read.
   */
  skipRows?: (sheet: string) => RowSkip | undefined;
  /** ID results shared with the other files of a run (see IdPool). */
  ids?: IdPool;
  /** `fields` and `passOver` apply to sheets of this kind only (others are parsed in full); all sheets by default. */
  narrowKind?: SourceKind;
}

export interface SheetStats {
  /** Data rows seen under the header (blank, footer and repeated-header rows not included). */
  rows: number;
  kept: number;
  rejected: number;
  /** Rows with at least one field problem (kept). */
  withProblems: number;
  problems: number;
  /** Rows `ReadOptions.passOver` took out before parsing (counted in `rows` too). */
  passedOver: number;
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
  /** The same rows in batches (one await per batch where the reader gives batches); read either this or `records()`. */
  recordBatches(): AsyncIterable<ParsedRow[]>;
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

const emptyStats = (): SheetStats => ({ rows: 0, kept: 0, rejected: 0, withProblems: 0, problems: 0, passedOver: 0 });

function scoreHeaderFor(opts: ReadOptions): (texts: string[]) => number {
  const pool = opts.kind ? SPECS.filter((s) => s.kind === opts.kind) : SPECS;
  const score = headerScorer(pool, opts.mapping);
  return (texts) => {
    const best = score(texts);
    return best >= 2 ? best : 0;
  };
}

/** Reads a file sheet by sheet. Throws `ReadError` (Chinese) when the file cannot be opened at all. */
export async function* readSheets(file: string, opts: ReadOptions = {}): AsyncGenerator<SheetReading> {
  const wb = await openWorkbook(file);
  const keep = opts.keepProblems ?? 20;
  const scoreHeader = scoreHeaderFor(opts);
  for (const sheet of wb.sheets) {
    const table = await openTable(sheet, { scoreHeader, skip: opts.skipRows?.(sheet.name) });
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
      yield { ...base, detection: null, problem: '找不到表头行：前30行中没有可识别的列名', records: emptyRows, recordBatches: emptyRows };
      continue;
    }
    const detection = detect(table.columns, { forced: opts.kind, mapping: opts.mapping, names: `${basename(file)} ${sheet.name}` });
    if (!detection.spec) {
      yield { ...base, detection, problem: detection.problem, records: () => drain(table), recordBatches: () => drain(table) };
      continue;
    }
    const spec = detection.spec;
    const ctx: ParseContext = { date1904: wb.date1904, moneyMultiplier: (table.unitNote && unitMultiplier(table.unitNote)) || 1, ids: opts.ids };
    const note = (p: RowProblem) => {
      stats.problems++;
      if (problems.length < keep) problems.push(p);
    };
    const narrowed = opts.narrowKind === undefined || opts.narrowKind === spec.kind;
    const parser = () => new SheetParser(spec, detection, ctx, file, table.sheet, stats, note, narrowed ? opts.fields : undefined);
    const wanted = opts.passOver && narrowed ? rowFilter(detection, stats, opts.passOver) : null;
    yield {
      ...base,
      detection,
      problem: null,
      records: () => parseRows(parser(), table, wanted),
      recordBatches: () => parseBatches(parser(), table, wanted),
    };
  }
}

async function* emptyRows(): AsyncGenerator<never> {}

/** An unusable sheet is still read through so that the next sheet of a streamed workbook can start. */
async function* drain(table: Table): AsyncGenerator<never> {
  for await (const _batch of table.batches()) void _batch;
}

/** Whether a row is to be parsed, by `ReadOptions.passOver` (rows passed over are counted). */
type RowFilter = (row: TableRow) => boolean;

function rowFilter(detection: Detection, stats: SheetStats, passOver: NonNullable<ReadOptions['passOver']>): RowFilter {
  const columnOf = new Map<string, number>();
  for (const c of detection.columns) if (c.field !== null && !columnOf.has(c.field)) columnOf.set(c.field, c.index);
  let cells: TableRow['cells'] = [];
  const text = (field: string): string | null => {
    const i = columnOf.get(field);
    const cell = i === undefined ? undefined : cells[i];
    if (cell === undefined || cell.v === null) return '';
    return typeof cell.v === 'string' ? cell.v : null;
  };
  return (row) => {
    cells = row.cells;
    if (!passOver(text, row.row)) return true;
    stats.rows++;
    stats.passedOver++;
    return false;
  };
}

async function* parseRows(parser: SheetParser, table: Table, wanted: RowFilter | null): AsyncIterable<ParsedRow> {
  for await (const batch of table.batches()) for (const row of batch) if (!wanted || wanted(row)) yield parser.row(row);
}

async function* parseBatches(parser: SheetParser, table: Table, wanted: RowFilter | null): AsyncIterable<ParsedRow[]> {
  for await (const batch of table.batches()) yield (wanted ? batch.filter(wanted) : batch).map((row) => parser.row(row));
}
