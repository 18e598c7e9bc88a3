/**
 * Worksheet XML → raw rows, one inflated chunk of bytes at a time. Not an XML parser: it looks for the few tags
 * of `<sheetData>` (`<row>`, `<c>` and a cell's `<v>`, `<is>`, `<f>`) in the bytes (markup is ASCII; see
 * xlsx-fast-bytes.ts), reading start tags byte by byte and finding the rest with indexOf, and keeps the
 * unfinished end of a chunk (a tag or a cell cut in two, a character's bytes cut in two) for the next one.
 * Rows and cells without an `r` attribute follow the one before. Everything after `</sheetData>` is left unread.
 */
import type { RawRow } from './types.js';
import { cellOf, type CellCache, type CellContext, type CellParts } from './xlsx-fast-cell.js';
import {
  byteAt,
  columnAt,
  digitsAt,
  endTagAtBytes,
  matchBytes,
  readStartTag,
  tagAttributes,
  tagAtBytes,
  utf8,
} from './xlsx-fast-bytes.js';

const LT = 60;
const SLASH = 47;
const BANG = 33;

/** The character after a tag name: `>`, `/` or white space. */
function endsName(c: number): boolean {
  return c === 62 || c === SLASH || c <= 32;
}

/** `</v></c>` stands at `at` (the end of the usual cell), compared without a call. */
function closesValueAndCell(b: Buffer, at: number): boolean {
  return (
    at + 7 < b.length &&
    b[at + 1] === SLASH &&
    b[at + 2] === 118 &&
    b[at + 3] === 62 &&
    b[at + 4] === LT &&
    b[at + 5] === SLASH &&
    b[at + 6] === 99 &&
    b[at + 7] === 62
  );
}

const EMPTY = Buffer.alloc(0);
const ROW_END = Buffer.from('</row>', 'latin1');
const COMMENT_END = Buffer.from('-->', 'latin1');
const CELL_END = Buffer.from('</c>', 'latin1');
const CHILD_END: Record<string, Buffer> = {
  v: Buffer.from('</v>', 'latin1'),
  is: Buffer.from('</is>', 'latin1'),
  f: Buffer.from('</f>', 'latin1'),
};

/** The cells in a list of `length` (holes where there are none). */
function widened(cells: RawRow['cells'], length: number): RawRow['cells'] {
  const wider = new Array<RawRow['cells'][number]>(length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell !== undefined) wider[i] = cell;
  }
  return wider;
}

/** Nothing but white space. */
function blankBytes(b: Buffer): boolean {
  for (const c of b) if (c > 32) return false;
  return true;
}

export class SheetTokenizer {
  /** The unfinished end of the bytes read so far. */
  private pending: Buffer = EMPTY;
  private inData = false;
  /** `</sheetData>` was reached: the rest of the part holds no cells. */
  done = false;
  private row: RawRow | null = null;
  private rowNumber = 0;
  private column = -1;
  /** One past the last cell stored in the open row. */
  private rowEnd = 0;
  /** The widest row so far: a new row's cell list is made this long, then cut to its own end. */
  private width = 0;
  /** Attribute value ranges of the tag being read. */
  private readonly attributes = tagAttributes();
  private readonly parts: CellParts = {
    typeStart: -1,
    typeEnd: -1,
    styleStart: -1,
    styleEnd: -1,
    valueStart: -1,
    valueEnd: -1,
    inlineStart: -1,
    inlineEnd: -1,
  };

  /** `cache`: the workbook's cells made once (see `CellCache`), kept across its sheets. */
  constructor(
    private readonly ctx: CellContext,
    private readonly cache?: CellCache,
  ) {}

  /**
   * Tokenizes `chunk` (after what was kept of the previous one); completed rows are appended to `out`.
   * The chunk is read where it lies: only the kept rest and the chunk's bytes up to its first `</row>` are
   * joined and read first, as if the chunk had been cut there.
   */
  push(chunk: Buffer, out: RawRow[]): void {
    if (this.done) return;
    let b = chunk;
    let from = 0;
    if (this.pending.length > 0) {
      const cut = chunk.indexOf(ROW_END) + 6;
      if (cut < 6) {
        b = Buffer.concat([this.pending, chunk]);
      } else {
        const head = Buffer.concat([this.pending, chunk.subarray(0, cut)]);
        const i = this.scan(head, 0, out);
        if (this.done) return this.finish();
        if (i === head.length) from = cut;
        else b = Buffer.concat([head.subarray(i), chunk.subarray(cut)]);
      }
    }
    const i = this.scan(b, from, out);
    if (this.done) return this.finish();
    // A copy: the rest is small, and the chunk need not be kept.
    this.pending = i < b.length ? Buffer.from(b.subarray(i)) : EMPTY;
  }

  private finish(): void {
    this.pending = EMPTY;
  }

  /** The part ended. Throws when it ended inside the sheet data. */
  end(): void {
    if (this.done) return;
    if (this.inData || !blankBytes(this.pending)) throw new Error('工作表数据不完整');
  }

  /** Scans `b` from `from`; returns where the unfinished rest begins. */
  private scan(b: Buffer, from: number, out: RawRow[]): number {
    let i = from;
    while (!this.done) {
      const lt = i < b.length && b[i] === LT ? i : b.indexOf(LT, i);
      if (lt < 0) return b.length;
      if (lt + 1 >= b.length) return lt;
      // `<c`: the most frequent tag by far.
      if (this.inData && b[lt + 1] === 99 && lt + 2 < b.length && endsName(b[lt + 2])) {
        const next = this.cell(b, lt);
        if (next < 0) return lt;
        i = next;
        continue;
      }
      if (b[lt + 1] === BANG) {
        const comment = matchBytes(b, lt, '<!--');
        const close = comment ? b.indexOf(COMMENT_END, lt + 4) : b.indexOf(62, lt);
        if (close < 0) return lt;
        i = close + (comment ? 3 : 1);
        continue;
      }
      if (this.inData && tagAtBytes(b, lt, 'row')) {
        const next = this.openRow(b, lt, out);
        if (next < 0) return lt;
        i = next;
        continue;
      }
      const gt = b.indexOf(62, lt);
      if (gt < 0) return lt;
      i = gt + 1;
      if (!this.inData) {
        if (tagAtBytes(b, lt, 'sheetData')) {
          if (b[gt - 1] === SLASH) this.done = true;
          else this.inData = true;
        }
      } else if (endTagAtBytes(b, lt, 'row')) {
        this.closeRow(out);
      } else if (endTagAtBytes(b, lt, 'sheetData')) {
        this.closeRow(out);
        this.done = true;
      }
    }
    return b.length;
  }

  /** Reads `<row …>` at `lt`; returns the index after it, -1 when unfinished. */
  private openRow(b: Buffer, lt: number, out: RawRow[]): number {
    const a = this.attributes;
    const next = readStartTag(b, lt + 4, a);
    if (next < 0) return -1;
    this.closeRow(out);
    const number = a.rStart < 0 ? this.rowNumber + 1 : digitsAt(b, a.rStart, a.rEnd);
    if (number < 1) throw new Error(`行号「${utf8(b, lt, Math.min(next, lt + 40))}」无效`);
    this.rowNumber = number;
    this.column = -1;
    this.row = { row: number, cells: new Array<RawRow['cells'][number]>(this.width) };
    this.rowEnd = 0;
    if (a.selfClosing) this.closeRow(out);
    return next;
  }

  private closeRow(out: RawRow[]): void {
    if (this.row) {
      this.row.cells.length = this.rowEnd;
      if (this.rowEnd > this.width) this.width = this.rowEnd;
      out.push(this.row);
    }
    this.row = null;
  }

  /** Reads the cell starting at `lt`; returns the index after it, -1 when unfinished. */
  private cell(b: Buffer, lt: number): number {
    const a = this.attributes;
    const start = readStartTag(b, lt + 2, a);
    if (start < 0) return -1;
    const empty = a.selfClosing;
    const p = this.parts;
    let next = start;
    if (!empty) {
      next = this.content(b, start);
      if (next < 0) return -1;
    }
    const ref = a.rStart;
    const column = ref < 0 ? this.column + 1 : columnAt(b, ref, a.rEnd);
    if (column < 0) throw new Error(`单元格引用「${utf8(b, ref, Math.min(a.rEnd, ref + 20))}」无效`);
    if (!this.row) throw new Error('单元格不在任何行内');
    this.column = column;
    if (empty) return next;
    p.typeStart = a.tStart;
    p.typeEnd = a.tEnd;
    p.styleStart = a.sStart;
    p.styleEnd = a.sEnd;
    const cell = cellOf(b, p, this.ctx, this.cache);
    if (cell) {
      // Stores stay inside the list (a store that grows it is another kind of store for V8, and mixing the two
      // at this spot makes every store slow): a row wider than the rows before is given a longer list.
      if (column >= this.row.cells.length) this.row.cells = widened(this.row.cells, Math.max(column + 1, 2 * this.row.cells.length));
      this.row.cells[column] = cell;
      if (column >= this.rowEnd) this.rowEnd = column + 1;
    }
    return next;
  }

  /** Finds the value of the cell whose content begins at `from`; returns the index after `</c>`, -1 when unfinished. */
  private content(b: Buffer, from: number): number {
    const p = this.parts;
    const n = b.length;
    if (from + 2 < n && b[from] === LT && b[from + 1] === 118 /* v */ && b[from + 2] === 62) {
      // The usual cell, `<c …><v>…</v></c>`.
      let k = from + 3;
      while (k < n && b[k] !== LT) k++;
      if (k >= n) return -1;
      if (closesValueAndCell(b, k)) {
        p.valueStart = from + 3;
        p.valueEnd = k;
        p.inlineStart = p.inlineEnd = -1;
        return k + 8;
      }
      if (k + 8 > n) return -1;
    }
    const close = b.indexOf(CELL_END, from);
    if (close < 0) return -1;
    this.children(b, from, close);
    return close + 4;
  }

  /** Finds `<v>` and `<is>` between `from` and `to` (the cell's content); formulas are passed over. */
  private children(b: Buffer, from: number, to: number): void {
    const p = this.parts;
    p.valueStart = p.valueEnd = p.inlineStart = p.inlineEnd = -1;
    let j = from;
    while (j < to) {
      const a = b.indexOf(LT, j);
      if (a < 0 || a >= to) return;
      const gt = b.indexOf(62, a);
      if (gt < 0 || gt > to) throw new Error('单元格内容不完整');
      const name = tagAtBytes(b, a, 'v') ? 'v' : tagAtBytes(b, a, 'is') ? 'is' : tagAtBytes(b, a, 'f') ? 'f' : '';
      if (!name || b[gt - 1] === SLASH) {
        if (name === 'v') p.valueStart = p.valueEnd = gt + 1;
        j = gt + 1;
        continue;
      }
      const end = b.indexOf(CHILD_END[name], gt);
      if (end < 0 || end > to) throw new Error('单元格内容不完整');
      if (name === 'v') {
        p.valueStart = gt + 1;
        p.valueEnd = end;
      } else if (name === 'is') {
        p.inlineStart = gt + 1;
        p.inlineEnd = end;
      }
      j = end + name.length + 3;
    }
  }
}
