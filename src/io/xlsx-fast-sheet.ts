/**
 * Worksheet XML → raw rows, one decoded text chunk at a time. Not an XML parser: it looks for the few tags of
 * `<sheetData>` (`<row>`, `<c>` and a cell's `<v>`, `<is>`, `<f>`) in the chunk text, reading start tags
 * character by character and finding the rest with indexOf, and keeps the unfinished end of a chunk (a tag or a
 * cell cut in two) for the next one. Rows and cells without an `r` attribute follow the one before.
 * Everything after `</sheetData>` is left unread.
 */
import type { RawRow } from './types.js';
import { cellOf, type CellCache, type CellContext, type CellParts } from './xlsx-fast-cell.js';
import { ATTR_R, ATTR_S, ATTR_T, codeAt, columnAt, digitsAt, matchAt, readStartTag, SELF_CLOSING, tagAt } from './xlsx-fast-text.js';

const LT = 60;
const SLASH = 47;
const BANG = 33;

/** The character after a tag name: `>`, `/` or white space. */
function endsName(c: number): boolean {
  return c === 62 || c === SLASH || c <= 32;
}

/** `</v></c>` stands at `at` (the end of the usual cell), compared without a call. */
function closesValueAndCell(s: string, at: number): boolean {
  return (
    codeAt(s, at + 1) === SLASH &&
    codeAt(s, at + 2) === 118 &&
    codeAt(s, at + 3) === 62 &&
    codeAt(s, at + 4) === LT &&
    codeAt(s, at + 5) === SLASH &&
    codeAt(s, at + 6) === 99 &&
    codeAt(s, at + 7) === 62
  );
}

/** `s` has the end tag `</name>` (or `</name ` …) at `at`. */
function endTagAt(s: string, at: number, name: string): boolean {
  if (codeAt(s, at + 1) !== SLASH || !matchAt(s, at + 2, name)) return false;
  const next = codeAt(s, at + 2 + name.length);
  return next === 62 || next <= 32;
}

export class SheetTokenizer {
  private pending = '';
  private inData = false;
  /** `</sheetData>` was reached: the rest of the part holds no cells. */
  done = false;
  private row: RawRow | null = null;
  private rowNumber = 0;
  private column = -1;
  /** One past the last cell stored in the open row. */
  private rowEnd = 0;
  /** The widest row so far: a new row's cell list is made this long (no growing), then cut to its own end. */
  private width = 0;
  /** Attribute value ranges of the tag being read (see readStartTag). */
  private readonly attributes = new Int32Array(7);
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
   * The chunk is read where it lies: `pending + chunk` would be a rope (slow to read character by character),
   * and joining them copies the chunk. Only the kept rest and the chunk's text up to its first `</row>` are
   * joined and read first, as if the chunk had been cut there.
   */
  push(chunk: string, out: RawRow[]): void {
    if (this.done) return;
    let s = chunk;
    let from = 0;
    if (this.pending !== '') {
      const cut = chunk.indexOf('</row>') + 6;
      if (cut < 6) {
        s = [this.pending, chunk].join('');
      } else {
        const head = [this.pending, chunk.slice(0, cut)].join('');
        const i = this.scan(head, 0, out);
        if (this.done) return this.finish();
        if (i === head.length) from = cut;
        else s = [head.slice(i), chunk.slice(cut)].join('');
      }
    }
    const i = this.scan(s, from, out);
    if (this.done) return this.finish();
    this.pending = s.slice(i);
  }

  private finish(): void {
    this.pending = '';
  }

  /** The part ended. Throws when it ended inside the sheet data. */
  end(): void {
    if (this.done) return;
    if (this.inData || this.pending.trim() !== '') throw new Error('工作表数据不完整');
  }

  /** Scans `s` from `from`; returns where the unfinished rest begins. */
  private scan(s: string, from: number, out: RawRow[]): number {
    let i = from;
    while (!this.done) {
      const lt = codeAt(s, i) === LT ? i : s.indexOf('<', i);
      if (lt < 0) return s.length;
      if (lt + 1 >= s.length) return lt;
      // `<c`: the most frequent tag by far.
      if (this.inData && codeAt(s, lt + 1) === 99 && endsName(codeAt(s, lt + 2))) {
        const next = this.cell(s, lt);
        if (next < 0) return lt;
        i = next;
        continue;
      }
      if (codeAt(s, lt + 1) === BANG) {
        const comment = s.startsWith('<!--', lt);
        const close = comment ? s.indexOf('-->', lt + 4) : s.indexOf('>', lt);
        if (close < 0) return lt;
        i = close + (comment ? 3 : 1);
        continue;
      }
      if (this.inData && tagAt(s, lt, 'row')) {
        const next = this.openRow(s, lt, out);
        if (next < 0) return lt;
        i = next;
        continue;
      }
      const gt = s.indexOf('>', lt);
      if (gt < 0) return lt;
      i = gt + 1;
      if (!this.inData) {
        if (tagAt(s, lt, 'sheetData')) {
          if (codeAt(s, gt - 1) === SLASH) this.done = true;
          else this.inData = true;
        }
      } else if (endTagAt(s, lt, 'row')) {
        this.closeRow(out);
      } else if (endTagAt(s, lt, 'sheetData')) {
        this.closeRow(out);
        this.done = true;
      }
    }
    return s.length;
  }

  /** Reads `<row …>` at `lt`; returns the index after it, -1 when unfinished. */
  private openRow(s: string, lt: number, out: RawRow[]): number {
    const a = this.attributes;
    const next = readStartTag(s, lt + 4, a);
    if (next < 0) return -1;
    this.closeRow(out);
    const number = a[ATTR_R] < 0 ? this.rowNumber + 1 : digitsAt(s, a[ATTR_R], a[ATTR_R + 1]);
    if (number < 1) throw new Error(`行号「${s.slice(lt, Math.min(next, lt + 40))}」无效`);
    this.rowNumber = number;
    this.column = -1;
    this.row = { row: number, cells: new Array<RawRow['cells'][number]>(this.width) };
    this.rowEnd = 0;
    if (a[SELF_CLOSING] === 1) this.closeRow(out);
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
  private cell(s: string, lt: number): number {
    const a = this.attributes;
    const start = readStartTag(s, lt + 2, a);
    if (start < 0) return -1;
    const empty = a[SELF_CLOSING] === 1;
    const p = this.parts;
    let next = start;
    if (!empty) {
      next = this.content(s, start);
      if (next < 0) return -1;
    }
    const ref = a[ATTR_R];
    const column = ref < 0 ? this.column + 1 : columnAt(s, ref, a[ATTR_R + 1]);
    if (column < 0) throw new Error(`单元格引用「${s.slice(ref, Math.min(a[ATTR_R + 1], ref + 20))}」无效`);
    if (!this.row) throw new Error('单元格不在任何行内');
    this.column = column;
    if (empty) return next;
    p.typeStart = a[ATTR_T];
    p.typeEnd = a[ATTR_T + 1];
    p.styleStart = a[ATTR_S];
    p.styleEnd = a[ATTR_S + 1];
    const cell = cellOf(s, p, this.ctx, this.cache);
    if (cell) {
      this.row.cells[column] = cell;
      if (column >= this.rowEnd) this.rowEnd = column + 1;
    }
    return next;
  }

  /** Finds the value of the cell whose content begins at `from`; returns the index after `</c>`, -1 when unfinished. */
  private content(s: string, from: number): number {
    const p = this.parts;
    if (codeAt(s, from) === LT && codeAt(s, from + 1) === 118 /* v */ && codeAt(s, from + 2) === 62) {
      // The usual cell, `<c …><v>…</v></c>`.
      let k = from + 3;
      let c = codeAt(s, k);
      while (c !== LT) {
        if (c !== c) return -1;
        c = codeAt(s, ++k);
      }
      if (closesValueAndCell(s, k)) {
        p.valueStart = from + 3;
        p.valueEnd = k;
        p.inlineStart = p.inlineEnd = -1;
        return k + 8;
      }
      if (k + 8 > s.length) return -1;
    }
    const close = s.indexOf('</c>', from);
    if (close < 0) return -1;
    this.children(s, from, close);
    return close + 4;
  }

  /** Finds `<v>` and `<is>` between `from` and `to` (the cell's content); formulas are passed over. */
  private children(s: string, from: number, to: number): void {
    const p = this.parts;
    p.valueStart = p.valueEnd = p.inlineStart = p.inlineEnd = -1;
    let j = from;
    while (j < to) {
      const a = s.indexOf('<', j);
      if (a < 0 || a >= to) return;
      const b = s.indexOf('>', a);
      if (b < 0 || b > to) throw new Error('单元格内容不完整');
      const name = tagAt(s, a, 'v') ? 'v' : tagAt(s, a, 'is') ? 'is' : tagAt(s, a, 'f') ? 'f' : '';
      if (!name || codeAt(s, b - 1) === SLASH) {
        if (name === 'v') p.valueStart = p.valueEnd = b + 1;
        j = b + 1;
        continue;
      }
      const end = s.indexOf(`</${name}>`, b);
      if (end < 0 || end > to) throw new Error('单元格内容不完整');
      if (name === 'v') {
        p.valueStart = b + 1;
        p.valueEnd = end;
      } else if (name === 'is') {
        p.inlineStart = b + 1;
        p.inlineEnd = end;
      }
      j = end + name.length + 3;
    }
  }
}
