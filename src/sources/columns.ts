/**
 * A sheet column read as one field of a layout. Parsers are pure, and most columns repeat a few values (village,
 * township, cause, yes/no, the household fields repeated on every member row), so a cell equal to one seen
 * before takes the earlier result: the parser runs once per distinct value, and the records share one value
 * (one village string, one IdResult for a head ID repeated on member rows) instead of a copy each.
 * Values are never changed after parsing, so sharing them is safe.
 *
 * Columns of values that hardly repeat (ID numbers, names) stop remembering after a few thousand rows, so that
 * memory does not follow the sheet; the previous row's cell is always remembered (household fields repeat on
 * consecutive rows).
 */
import type { Cell, CellValue } from '../io/types.js';
import type { AnyField } from './define.js';
import { blank as blankCell, type Parsed, type ParseContext } from './fields.js';

interface Seen {
  /** The cell first seen with this value (xlsx cells of one shared string are one object). */
  cell: Cell;
  v: CellValue;
  fmt: string | undefined;
  numeric: boolean | undefined;
  parsed: Parsed<unknown>;
}

/** Lookups per check of the hit rate. */
const WINDOW = 4096;
/** Distinct values remembered at most; the memory is emptied when full. */
const CAPACITY = 1024;

/** U+FFFD, what a decoder puts for bytes its encoding cannot read. */
const REPLACEMENT = '\ufffd';

/**
 * A text cell holding U+FFFD lost characters when the file was decoded (a damaged byte, or a character its
 * encoding lacks): a problem of the cell, whatever the field makes of the rest.
 */
function undecodable(cell: Cell, parsed: Parsed<unknown>): Parsed<unknown> {
  if (parsed.problem !== null || typeof cell.v !== 'string' || !cell.v.includes(REPLACEMENT)) return parsed;
  return { value: parsed.value, problem: '含有无法识别的字符（文件编码损坏，或该字符不在文件的编码中），请按原件核对' };
}

/** Same cell value: `===`, except that 0 and -0 differ (they are one key of a Map). */
function sameValue(a: CellValue, b: CellValue): boolean {
  return a === b && (a !== 0 || 1 / a === 1 / (b as number));
}

export class FieldColumn {
  private seen: Map<CellValue, Seen> | null = new Map();
  private last: Seen | null = null;
  private blank: Parsed<unknown> | null = null;
  private lookups = 0;
  private hits = 0;

  constructor(
    /** 0-based column index in the sheet. */
    readonly index: number,
    readonly field: string,
    /** The header as the file has it. */
    readonly header: string,
    private readonly def: AnyField,
    private readonly ctx: ParseContext,
    /** Later columns with the same header: read where this one is blank in a row. */
    private readonly copies: readonly number[] = [],
  ) {}

  /** This column's cell of a row, or, where it is blank, the first filled copy's. */
  cellOf(cells: readonly (Cell | undefined)[]): Cell | undefined {
    const cell = cells[this.index];
    if (this.copies.length === 0 || !blankCell(cell)) return cell;
    for (const i of this.copies) if (!blankCell(cells[i])) return cells[i];
    return cell;
  }

  /** The parsed cell: the same result object for equal cells (value, number format and numeric flag). */
  parse(cell: Cell | undefined): Parsed<unknown> {
    if (cell === undefined) return (this.blank ??= this.def.parse(undefined, this.ctx));
    const last = this.last;
    if (last !== null && last.cell === cell) return last.parsed;
    const v = cell.v;
    if (last !== null && sameValue(last.v, v) && last.fmt === cell.fmt && last.numeric === cell.numeric) return last.parsed;
    const seen = this.seen;
    if (seen === null) return this.remember(cell, null);
    const hit = seen.get(v);
    this.lookups++;
    if (hit !== undefined && (hit.cell === cell || (sameValue(hit.v, v) && hit.fmt === cell.fmt && hit.numeric === cell.numeric))) {
      this.hits++;
      this.last = hit;
      return hit.parsed;
    }
    if (this.lookups === WINDOW) {
      // Mostly distinct values: remembering them costs more than it saves.
      if (this.hits * 4 < this.lookups) this.seen = null;
      this.lookups = this.hits = 0;
    }
    return this.remember(cell, this.seen);
  }

  private remember(cell: Cell, seen: Map<CellValue, Seen> | null): Parsed<unknown> {
    const entry: Seen = { cell, v: cell.v, fmt: cell.fmt, numeric: cell.numeric, parsed: undecodable(cell, this.def.parse(cell, this.ctx)) };
    this.last = entry;
    if (seen !== null) {
      if (seen.size >= CAPACITY) seen.clear();
      seen.set(cell.v, entry);
    }
    return entry.parsed;
  }
}
