/**
 * One `<c>` element of a worksheet as a raw cell, by its type attribute: shared strings (`s`), formula string
 * results (`str`), inline strings (`inlineStr`), booleans (`b`), errors (`e`), ISO dates (`d`, turned into
 * the serial number the 1900 or 1904 date system gives them) and numbers (`n` or none: the file's own number
 * with the number format of the cell's style). Formulas give their cached value.
 */
import type { Cell } from './types.js';
import { numberCell, textCell } from './cells.js';
import { itemText, xmlText } from './xlsx-fast-text.js';
import { digitsAt, matchBytes, utf8 } from './xlsx-fast-bytes.js';

export interface CellContext {
  strings: string[];
  /** Format code per style index. */
  formats: (string | undefined)[];
  date1904: boolean;
}

/** Where the parts of one cell lie in the bytes being tokenized (-1: absent). */
export interface CellParts {
  /** The `t` attribute's value. */
  typeStart: number;
  typeEnd: number;
  /** The `s` attribute's value. */
  styleStart: number;
  styleEnd: number;
  /** Content of `<v>`. */
  valueStart: number;
  valueEnd: number;
  /** Content of `<is>`. */
  inlineStart: number;
  inlineEnd: number;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const ISO = /^\s*(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/;

/**
 * Serial number of an ISO 8601 date or time (`t="d"` cells), as Excel counts days: wall-clock time, any zone
 * designator ignored; in the 1900 system days before 1900-03-01 are one less (Excel's 1900-02-29).
 */
export function isoToSerial(text: string, date1904: boolean): number | null {
  const m = ISO.exec(text);
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  const seconds = m[4] === undefined ? 0 : Number(m[4]) * 3600 + Number(m[5]) * 60 + (m[6] === undefined ? 0 : Number(m[6]));
  if (m[1] === undefined) return seconds / 86_400;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  let days = (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
  if (!date1904 && days < 61) days -= 1;
  return days + seconds / 86_400;
}

function isType(b: Buffer, p: CellParts, type: string): boolean {
  return p.typeEnd - p.typeStart === type.length && matchBytes(b, p.typeStart, type);
}

function styleFormat(b: Buffer, p: CellParts, ctx: CellContext): string | undefined {
  if (p.styleStart < 0) return undefined;
  const index = digitsAt(b, p.styleStart, p.styleEnd);
  return index >= 0 ? ctx.formats[index] : undefined;
}

function dateCell(text: string, fmt: string | undefined, ctx: CellContext): Cell | undefined {
  const serial = isoToSerial(text, ctx.date1904);
  if (serial === null) return textCell(text.trim());
  if (fmt && fmt !== 'General') return numberCell(serial, fmt);
  // The cell is a date by its type even where its style says General: show it as the file wrote it.
  if (!/\d{4}-\d{2}-\d{2}/.test(text)) return numberCell(serial, 'hh:mm:ss');
  return numberCell(serial, Number.isInteger(serial) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss');
}

/** Integers below this are written by counts, years, months and date serials: their cells are shared. */
const SMALL = 10_000_000;
/** Below this (date serials up to 2079 included), a format's integer cells are kept in a list, not a Map. */
const LOW = 65_536;

/** The cells of one number format's integers. */
interface IntegerCells {
  low: (Cell | undefined)[];
  high: Map<number, Cell>;
}

/**
 * Cells made once and handed out again (cells are never changed after reading): one per shared string (by
 * index; null when the string is empty: no cell) and one per small integer and number format. Kept across the
 * sheets of a workbook.
 */
export class CellCache {
  private readonly strings: (Cell | null | undefined)[] = [];
  private readonly integers = new Map<string | undefined, IntegerCells>();

  constructor(private readonly ctx: CellContext) {
    for (let i = 0; i < ctx.strings.length; i++) this.strings.push(undefined);
  }

  sharedString(index: number): Cell | undefined {
    let cell = this.strings[index];
    if (cell === undefined) this.strings[index] = cell = textCell(this.ctx.strings[index]) ?? null;
    return cell ?? undefined;
  }

  /** The cell of a non-negative integer below SMALL with its number format. */
  integer(n: number, fmt: string | undefined): Cell {
    let cells = this.integers.get(fmt);
    if (!cells) this.integers.set(fmt, (cells = { low: new Array<Cell | undefined>(LOW), high: new Map() }));
    if (n < LOW) return (cells.low[n] ??= numberCell(n, fmt));
    let cell = cells.high.get(n);
    if (!cell) cells.high.set(n, (cell = numberCell(n, fmt)));
    return cell;
  }
}

/** The value of a plain run of at most 7 digits between `start` and `end` (no sign, point or space); else -1. */
function smallIntegerAt(b: Buffer, start: number, end: number): number {
  if (end <= start || end - start > 7) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n < SMALL ? n : -1;
}

function sharedStringCell(b: Buffer, p: CellParts, ctx: CellContext, cache?: CellCache): Cell | undefined {
  if (p.valueStart < 0 || p.valueEnd === p.valueStart) return undefined;
  const index = digitsAt(b, p.valueStart, p.valueEnd);
  if (index < 0 || index >= ctx.strings.length) {
    throw new Error(`共享字符串编号「${utf8(b, p.valueStart, p.valueEnd).slice(0, 20)}」不存在`);
  }
  return cache ? cache.sharedString(index) : textCell(ctx.strings[index]);
}

/**
 * The raw cell, or undefined for a cell without a value, from the bytes of a `<c>` element (positions in `p`).
 * Throws (Chinese message) on damaged content. With a `cache`, shared-string cells and small-integer cells are
 * the objects made for them before.
 */
export function cellOf(b: Buffer, p: CellParts, ctx: CellContext, cache?: CellCache): Cell | undefined {
  const hasValue = p.valueStart >= 0;
  // The two usual types, `s` and none (or `n`), told apart without a call.
  const oneLetter = p.typeEnd - p.typeStart === 1 ? b[p.typeStart] : 0;
  if (oneLetter === 115) return sharedStringCell(b, p, ctx, cache);
  if (p.typeStart < 0 || p.typeEnd === p.typeStart || oneLetter === 110) {
    if (!hasValue) return undefined;
    if (cache) {
      const small = smallIntegerAt(b, p.valueStart, p.valueEnd);
      if (small >= 0) return cache.integer(small, styleFormat(b, p, ctx));
    }
    const text = utf8(b, p.valueStart, p.valueEnd);
    if (text.trim() === '') return undefined;
    const n = Number(text);
    return Number.isFinite(n) ? numberCell(n, styleFormat(b, p, ctx)) : textCell(xmlText(text));
  }
  if (isType(b, p, 'inlineStr')) {
    if (p.inlineStart >= 0) {
      const item = utf8(b, p.inlineStart, p.inlineEnd);
      return textCell(itemText(item, 0, item.length));
    }
    return hasValue ? textCell(xmlText(utf8(b, p.valueStart, p.valueEnd))) : undefined;
  }
  if (!hasValue) return undefined;
  const text = xmlText(utf8(b, p.valueStart, p.valueEnd));
  if (isType(b, p, 'str')) return textCell(text);
  if (isType(b, p, 'b')) {
    const t = text.trim();
    if (t === '1' || t === 'true') return { v: true };
    if (t === '0' || t === 'false') return { v: false };
    return textCell(text);
  }
  if (isType(b, p, 'e')) return textCell(text);
  if (isType(b, p, 'd')) return dateCell(text, styleFormat(b, p, ctx), ctx);
  throw new Error(`单元格类型「${utf8(b, p.typeStart, p.typeEnd).slice(0, 20)}」无法识别`);
}
