/**
 * Finds the table in a sheet: title and unit rows, the header (one or two rows), then data rows, skipping and
 * recording blank rows, footers and page-break repeats of the header. Knows nothing about poverty: the caller
 * scores candidate header rows.
 */
import type { Cell, RawRow, RowSkip, SheetSource } from './types.js';
import { RowFeed } from './table-feed.js';
import { cellText } from './cells.js';
import { normalizeHeaderText } from './header-text.js';
import {
  isGroupRow,
  isSecondRow,
  singleRowColumns,
  twoRowColumns,
  type HeaderTexts,
  type TableColumn,
} from './table-header.js';

export { normalizeHeaderText } from './header-text.js';
export type { TableColumn } from './table-header.js';

export interface TableRow {
  row: number;
  cells: (Cell | undefined)[];
}

export interface SkippedRow {
  row: number;
  reason: 'blank' | 'footer' | 'repeatedHeader';
  text: string;
}

export interface Table {
  sheet: string;
  /** First header row (1-based). */
  headerRow: number;
  headerRowCount: 1 | 2;
  columns: TableColumn[];
  /** Non-blank rows above the header, each as its cell texts joined by a space. */
  titleRows: string[];
  /** Unit stated above the header (`单位：万元` → `万元`), or null. */
  unitNote: string | null;
  /** Rows left out, in order; complete once the rows have been read to the end. */
  skipped: SkippedRow[];
  /** Data rows with their original row numbers; can be read once (by this or by `batches()`). */
  rows(): AsyncIterable<TableRow>;
  /** The same data rows in batches (never empty), one await per batch where the reader gives batches. */
  batches(): AsyncIterable<TableRow[]>;
}

export interface OpenTableOptions {
  /** Score of a candidate header row (its normalised cell texts); the best row above 0 is the header. */
  scoreHeader: (texts: string[]) => number;
  /** Rows looked at for the header (default 30). */
  scanRows?: number;
  /**
   * Rows the caller will not use (see `SheetSource.rows`): a reader may leave them out. Never the rows looked
   * at for the header, so that the table is found as in a full read.
   */
  skip?: RowSkip;
}

const FOOTER_START =
  /^(?:合计|总计|小计|制表|填报|填表|审核|审批|负责人|单位负责人|主管领导|分管领导|经办人|统计人|报送|签字|盖章|(?:备注|说明|注|日期|填报日期|联系人|联系电话)[:：]|(?:调查|核查|核实|入户)(?:人|员|日期|时间)[:：]|[\u4e00-\u9fff]{1,6}(?:签字|签名|签章)(?:[:：]|$))/;
const FOOTER_ANYWHERE = /(?:制表|填报|填表|审核|审批|负责|经办|统计)人?[:：]/;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const UNIT = /(?:^|[\s(（[【])单位[:：]\s*([^\s)）\]】,，;；]+)/;

function texts(row: RawRow): HeaderTexts {
  return Array.from({ length: row.cells.length }, (_, i) => normalizeHeaderText(cellText(row.cells[i])));
}

function isText(row: RawRow): boolean[] {
  return Array.from({ length: row.cells.length }, (_, i) => typeof row.cells[i]?.v === 'string');
}

/** Cell texts, trimmed, '' for empty cells (what a page-break repeat of the header copies exactly). */
function rawTexts(row: RawRow): string[] {
  return Array.from({ length: row.cells.length }, (_, i) => cellText(row.cells[i]).trim());
}

/** Non-empty cell texts, trimmed. */
function filledTexts(row: RawRow): string[] {
  const out: string[] = [];
  for (const cell of row.cells) {
    const t = cellText(cell).trim();
    if (t) out.push(t);
  }
  return out;
}

function unitOf(row: RawRow): string | null {
  for (const t of filledTexts(row)) {
    const m = UNIT.exec(t.normalize('NFKC'));
    if (m) return m[1];
  }
  return null;
}

function isFooter(filled: string[]): boolean {
  const first = filled[0].normalize('NFKC').replace(/\s+/g, '');
  return FOOTER_START.test(first) || (filled.length === 1 && FOOTER_ANYWHERE.test(first));
}

/** The row repeats a header row: most of its texts stand where they stand in the header. */
function repeats(row: string[], header: string[]): boolean {
  let filled = 0;
  let same = 0;
  let headerFilled = 0;
  for (const t of header) if (t) headerFilled++;
  row.forEach((t, i) => {
    if (!t) return;
    filled++;
    if (t === header[i]) same++;
  });
  return same > 0 && same * 10 >= filled * 8 && same * 10 >= headerFilled * 6;
}

function bestRow(buffer: RawRow[], score: (texts: string[]) => number): number {
  let best = -1;
  let bestScore = 0;
  buffer.forEach((row, i) => {
    const s = score(texts(row));
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}

export async function openTable(sheet: SheetSource, opts: OpenTableOptions): Promise<Table | null> {
  const scanRows = opts.scanRows ?? 30;
  const skip = opts.skip;
  const feed = new RowFeed(sheet, skip && ((row) => row > scanRows && skip(row)));
  // Rows read so far; a batch may bring more than the rows looked at for the header.
  const read: RawRow[] = [];
  while (read.length < scanRows) {
    const next = await feed.next();
    if (!next) break;
    read.push(...next);
  }
  const buffer = read.slice(0, scanRows);
  const best = bestRow(buffer, opts.scoreHeader);
  if (best < 0) {
    await feed.close();
    return null;
  }

  let first = best;
  let count: 1 | 2 = 1;
  const below = buffer[best + 1];
  const above = buffer[best - 1];
  const at = buffer[best];
  if (below && below.row === at.row + 1 && isSecondRow(texts(at), at.row, texts(below), isText(below), sheet.merges)) {
    count = 2;
  } else if (
    above &&
    above.row === at.row - 1 &&
    isGroupRow(texts(above), isText(above)) &&
    isSecondRow(texts(above), above.row, texts(at), isText(at), sheet.merges)
  ) {
    first = best - 1;
    count = 2;
  }
  const headerRows = buffer.slice(first, first + count);
  const headerTexts = headerRows.map(texts);
  const headerRaw = headerRows.map(rawTexts);
  const columns =
    count === 2
      ? twoRowColumns(headerTexts[0], headerRows[0].row, headerTexts[1], sheet.merges)
      : singleRowColumns(headerTexts[0]);

  const titleRows: string[] = [];
  let unitNote: string | null = null;
  for (const row of buffer.slice(0, first)) {
    const filled = filledTexts(row);
    if (filled.length === 0) continue;
    titleRows.push(filled.join(' '));
    unitNote ??= unitOf(row);
  }

  const skipped: SkippedRow[] = [];
  const rest = read.slice(first + count);
  const titles = new Set(titleRows);

  const titleStarts = new Set([...titles].map((t) => t.split(' ')[0]));

  // The first text of most rows repeats (county, township): its verdict is kept for the next row.
  let lastColumn = -1;
  let lastText = '';
  let lastVerdict = false;

  /** Most rows are data: only a row whose first text could start a header repeat, a title or a footer is examined. */
  function plainData(row: RawRow): boolean {
    for (let i = 0; i < row.cells.length; i++) {
      const t = cellText(row.cells[i]).trim();
      if (!t) continue;
      if (i === lastColumn && t === lastText) return lastVerdict;
      lastColumn = i;
      lastText = t;
      return (lastVerdict = firstTextIsData(i, t));
    }
    return false;
  }

  function firstTextIsData(i: number, t: string): boolean {
    if (headerRaw.some((h) => h[i] === t) || titleStarts.has(t)) return false;
    // Footers start with Chinese words: printable ASCII (a household number, an ID) is data.
    if (PRINTABLE_ASCII.test(t)) return true;
    const n = t.normalize('NFKC').replace(/\s+/g, '');
    return !FOOTER_START.test(n) && !FOOTER_ANYWHERE.test(n);
  }

  function classify(row: RawRow): SkippedRow['reason'] | null {
    if (plainData(row)) return null;
    const filled = filledTexts(row);
    if (filled.length === 0) return 'blank';
    const t = rawTexts(row);
    if (headerRaw.some((h) => repeats(t, h)) || titles.has(filled.join(' '))) return 'repeatedHeader';
    if (isFooter(filled)) return 'footer';
    return null;
  }

  /** One row's data row, or null (recorded as skipped). */
  function keepOne(row: RawRow): TableRow | null {
    const reason = classify(row);
    if (!reason) return row;
    skipped.push({ row: row.row, reason, text: filledTexts(row).join(' ') });
    return null;
  }

  /** The data rows of `rows` (skipped ones recorded). */
  function keep(rows: RawRow[]): TableRow[] {
    const out: TableRow[] = [];
    for (const row of rows) {
      const kept = keepOne(row);
      if (kept) out.push(kept);
    }
    return out;
  }

  async function* batches(): AsyncGenerator<TableRow[]> {
    try {
      const first = keep(rest.splice(0));
      if (first.length > 0) yield first;
      // The reader's iterator is awaited here directly: no layer between it and the caller.
      const { batchIterator, rowIterator } = feed;
      while (!feed.done) {
        if (batchIterator) {
          const next = await batchIterator.next();
          if (next.done) feed.done = true;
          else {
            const out = keep(next.value);
            if (out.length > 0) yield out;
          }
        } else if (rowIterator) {
          const next = await rowIterator.next();
          if (next.done) feed.done = true;
          else {
            const row = keepOne(next.value);
            if (row) yield [row];
          }
        }
      }
    } finally {
      // Left early: let the reader close its file.
      await feed.close();
    }
  }

  async function* rows(): AsyncGenerator<TableRow> {
    for await (const batch of batches()) yield* batch;
  }

  return {
    sheet: sheet.name,
    headerRow: headerRows[0].row,
    headerRowCount: count,
    columns,
    titleRows,
    unitNote,
    skipped,
    rows,
    batches,
  };
}
