/**
 * Worksheet XML → raw rows, one decoded text chunk at a time. Not an XML parser: it looks for the few tags of
 * `<sheetData>` (`<row>`, `<c>` and a cell's `<v>`, `<is>`, `<f>`) in the chunk text, reading start tags
 * character by character and finding the rest with indexOf, and keeps the unfinished end of a chunk (a tag or a
 * cell cut in two) for the next one. Rows and cells without an `r` attribute follow the one before.
 * Everything after `</sheetData>` is left unread.
 */
import type { RawRow } from './types.js';
import { cellOf, type CellContext, type CellParts } from './xlsx-fast-cell.js';
import { ATTR_R, ATTR_S, ATTR_T, columnAt, digitsAt, matchAt, readStartTag, SELF_CLOSING, tagAt } from './xlsx-fast-text.js';

const LT = 60;
const SLASH = 47;
const BANG = 33;

/** `s` has the end tag `</name>` (or `</name ` …) at `at`. */
function endTagAt(s: string, at: number, name: string): boolean {
  if (s.charCodeAt(at + 1) !== SLASH || !matchAt(s, at + 2, name)) return false;
  const next = s.charCodeAt(at + 2 + name.length);
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

  constructor(private readonly ctx: CellContext) {}

  /** Tokenizes `chunk` (after what was kept of the previous one); completed rows are appended to `out`. */
  push(chunk: string, out: RawRow[]): void {
    if (this.done) return;
    const s = this.pending + chunk;
    const i = this.scan(s, out);
    this.pending = this.done ? '' : s.slice(i);
  }

  /** The part ended. Throws when it ended inside the sheet data. */
  end(): void {
    if (this.done) return;
    if (this.inData || this.pending.trim() !== '') throw new Error('工作表数据不完整');
  }

  /** Scans `s` from the start; returns where the unfinished rest begins. */
  private scan(s: string, out: RawRow[]): number {
    let i = 0;
    while (!this.done) {
      const lt = s.charCodeAt(i) === LT ? i : s.indexOf('<', i);
      if (lt < 0) return s.length;
      if (lt + 1 >= s.length) return lt;
      if (this.inData && tagAt(s, lt, 'c')) {
        const next = this.cell(s, lt);
        if (next < 0) return lt;
        i = next;
        continue;
      }
      if (s.charCodeAt(lt + 1) === BANG) {
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
          if (s.charCodeAt(gt - 1) === SLASH) this.done = true;
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
    this.row = { row: number, cells: [] };
    if (a[SELF_CLOSING] === 1) this.closeRow(out);
    return next;
  }

  private closeRow(out: RawRow[]): void {
    if (this.row) out.push(this.row);
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
    const cell = cellOf(s, p, this.ctx);
    if (cell) this.row.cells[column] = cell;
    return next;
  }

  /** Finds the value of the cell whose content begins at `from`; returns the index after `</c>`, -1 when unfinished. */
  private content(s: string, from: number): number {
    const p = this.parts;
    if (s.charCodeAt(from) === LT && s.charCodeAt(from + 1) === 118 /* v */ && s.charCodeAt(from + 2) === 62) {
      // The usual cell, `<c …><v>…</v></c>`.
      let k = from + 3;
      let c = s.charCodeAt(k);
      while (c !== LT) {
        if (c !== c) return -1;
        c = s.charCodeAt(++k);
      }
      if (matchAt(s, k, '</v></c>')) {
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
      if (!name || s.charCodeAt(b - 1) === SLASH) {
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
