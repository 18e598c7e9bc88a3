/**
 * A sheet's rows → records of one layout. Each row's cells are parsed column by column (FieldColumn reuses the
 * result of an equal cell) into a scratch list of field values, and the record is made from it in one go
 * (records.ts). Problems travel with the record and are noted for the sheet's report.
 */
import type { TableRow } from '../io/table.js';
import { cellText } from '../normalize/text.js';
import type { FieldMap, FieldProblem, Loc, SourceRecord, SourceSpec } from './define.js';
import type { Detection } from './detect.js';
import type { ParseContext } from './fields.js';
import { FieldColumn } from './columns.js';
import { fieldsOf, NO_PROBLEMS, recordMaker, type RecordMaker } from './records.js';
import type { ParsedRow, RowProblem, SheetStats } from './read.js';

type Cells = TableRow['cells'];

/** A column with the position of its field in the record. */
interface Slotted {
  column: FieldColumn;
  slot: number;
}

export class SheetParser {
  /** Fields parsed as each row is read. */
  private readonly first: Slotted[];
  /** Fields left for `ParsedRow.complete()`. */
  private readonly later: Slotted[];
  /** Record positions of the identifying fields. */
  private readonly identifying: number[];
  private readonly make: RecordMaker;
  /** Field values of the row being read, in record order; null between rows. */
  private readonly values: unknown[];
  private readonly rejection: string;

  constructor(
    readonly spec: SourceSpec,
    detection: Detection,
    ctx: ParseContext,
    private readonly file: string,
    private readonly sheet: string,
    private readonly stats: SheetStats,
    private readonly note: (p: RowProblem) => void,
    /** Parse only these fields (and the identifying ones) up front. */
    only?: readonly string[],
  ) {
    const fields = fieldsOf(spec);
    const wanted = (f: string) => !only || only.includes(f) || spec.identifying.includes(f);
    // A header twice (the first copy sometimes left blank): the copies fill the blanks of the one read.
    const copies = new Map<number, number[]>();
    for (const c of detection.columns) if (c.duplicateOf !== null) copies.set(c.duplicateOf, [...(copies.get(c.duplicateOf) ?? []), c.index]);
    const columns = detection.columns.flatMap((c) =>
      c.field === null
        ? []
        : [{ column: new FieldColumn(c.index, c.field, c.header, spec.fields[c.field], ctx, copies.get(c.index)), slot: fields.indexOf(c.field) }],
    );
    this.first = columns.filter((c) => wanted(c.column.field));
    this.later = columns.filter((c) => !wanted(c.column.field));
    this.identifying = spec.identifying.map((f) => fields.indexOf(f));
    this.make = recordMaker(spec);
    this.values = fields.map(() => null);
    const labels = spec.identifying.map((f) => spec.fields[f].label);
    const names = labels.length > 1 ? `${labels.slice(0, -1).join('、')}或${labels[labels.length - 1]}` : labels[0];
    this.rejection = `该行没有${names}，无法使用，已跳过`;
  }

  row(row: TableRow): ParsedRow {
    const stats = this.stats;
    stats.rows++;
    const loc: Loc = { file: this.file, sheet: this.sheet, row: row.row };
    const values = this.values;
    let problems = NO_PROBLEMS;
    for (const { column, slot } of this.first) {
      const cell = column.cellOf(row.cells);
      const parsed = column.parse(cell);
      values[slot] = parsed.value;
      if (parsed.problem !== null) {
        if (problems === NO_PROBLEMS) problems = [];
        problems.push(problemOf(column, cell, parsed.problem));
      }
    }
    const kept = this.identified();
    const record = kept ? this.make(values, loc, problems) : null;
    for (const { slot } of this.first) values[slot] = null;
    if (!record) {
      stats.rejected++;
      const text = rowText(row.cells);
      this.note({ loc, column: null, field: null, value: text, message: this.rejection, rejected: true });
      return new SheetRow(this, loc, null, this.rejection, text, null);
    }
    stats.kept++;
    this.report(record, 0);
    return new SheetRow(this, loc, record, null, '', this.later.length > 0 ? row.cells : null);
  }

  /** Parses the fields left for later into `record` and notes their problems. */
  complete(record: SourceRecord<FieldMap>, cells: Cells): void {
    const rec = record as Record<string, unknown>;
    const before = record.problems.length;
    for (const { column } of this.later) {
      const cell = column.cellOf(cells);
      const parsed = column.parse(cell);
      rec[column.field] = parsed.value;
      if (parsed.problem !== null) {
        if (record.problems === NO_PROBLEMS) record.problems = [];
        record.problems.push(problemOf(column, cell, parsed.problem));
      }
    }
    this.report(record, before);
  }

  /** One of the identifying fields of the row being read has a value. */
  private identified(): boolean {
    for (const slot of this.identifying) if (this.values[slot] !== null && this.values[slot] !== undefined) return true;
    return false;
  }

  /** Notes the record's problems from `from` on; a row with problems is counted once (when its first ones appear). */
  private report(record: SourceRecord<FieldMap>, from: number): void {
    const problems = record.problems;
    if (problems.length === from) return;
    if (from === 0) this.stats.withProblems++;
    for (let i = from; i < problems.length; i++) {
      const p = problems[i];
      this.note({ loc: record.loc, column: p.column, field: p.field, value: p.value, message: p.message, rejected: false });
    }
  }
}

function problemOf(column: FieldColumn, cell: Cells[number], message: string): FieldProblem {
  return { field: column.field, column: column.header, value: cellText(cell), message };
}

class SheetRow implements ParsedRow {
  constructor(
    private readonly parser: SheetParser,
    readonly loc: Loc,
    readonly record: SourceRecord<FieldMap> | null,
    readonly rejected: string | null,
    readonly text: string,
    /** The row's cells while fields are left to parse. */
    private cells: Cells | null,
  ) {}

  get spec(): SourceSpec {
    return this.parser.spec;
  }

  complete(): SourceRecord<FieldMap> | null {
    if (this.record && this.cells) {
      const cells = this.cells;
      this.cells = null;
      this.parser.complete(this.record, cells);
    }
    return this.record;
  }
}

/** What a rejected row held: its non-empty cells, for the report. */
function rowText(cells: Cells): string {
  return cells
    .map((c) => cellText(c))
    .filter((t) => t !== '')
    .join(' | ')
    .slice(0, 120);
}
