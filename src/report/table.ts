/** One table per worksheet: header row, frozen panes, autofilter, widths measured from the content. */
import { columnLetter, type CellStyle, type XlsxWriter } from '../io/xlsx-write.js';
import { LINE_HEIGHT, STYLES, cellText, outWidth, wrappedLines, type Out, type StyleName } from './cells.js';

export type WorkbookWriter = XlsxWriter;

export interface Column<T> {
  header: string;
  value: (row: T) => Out;
  /** Long text: wrapped inside a width-limited column. */
  wrap?: boolean;
  /** This row's cell is highlighted (the value of the source to correct). */
  mark?: (row: T) => boolean;
  maxWidth?: number;
}

export interface TableOptions<T> {
  /** Columns kept visible while scrolling right (the header row is always frozen). */
  freezeColumns?: number;
  /** Autofilter over the table (default true). */
  filter?: boolean;
  /** Rows written in bold (totals). */
  bold?: (row: T) => boolean;
  /** Printed pages across (the print is scaled to fit); default 1. */
  pagesWide?: number;
}

const MIN_WIDTH = 6;
const MAX_TEXT_WIDTH = 40;
const MAX_WRAP_WIDTH = 50;

function styleOf(v: Out, marked: boolean, bold: boolean, wrap: boolean): StyleName {
  if (typeof v === 'number') return marked ? 'markNumber' : bold ? 'boldNumber' : 'number';
  return marked ? 'markText' : bold ? 'bold' : wrap ? 'wrap' : 'text';
}

/** Writes `rows` as a new worksheet `name` and ends it. */
export async function addTable<T>(
  wb: WorkbookWriter,
  name: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
  opts: TableOptions<T> = {},
): Promise<void> {
  const widths = columns.map((c) => outWidth(c.header));
  /** The widest a column is made: content beyond it wraps or is cut off on screen. */
  const caps = columns.map((c) => c.maxWidth ?? (c.wrap ? MAX_WRAP_WIDTH : MAX_TEXT_WIDTH));
  // Each cell's value, worked out once for the widths and the rows (measured until its column is at its widest).
  const table = rows.map((row) =>
    columns.map((c, i) => {
      const v = c.value(row);
      if (widths[i] < caps[i]) widths[i] = Math.max(widths[i], outWidth(v));
      return v;
    }),
  );
  const frozen = opts.freezeColumns ?? 0;
  const colWidths = columns.map((_, i) => Math.min(caps[i], Math.max(MIN_WIDTH, widths[i])) + 2);
  const ws = wb.addSheet(name, {
    widths: colWidths,
    frozen: { columns: frozen, rows: 1 },
    // A4 landscape; the header row (and the frozen columns) repeated on every printed page.
    page: { paperSize: 9, landscape: true, fitToWidth: opts.pagesWide ?? 1, fitToHeight: 0 },
    printTitles: { rows: 1, columns: frozen },
  });
  const heightOf = (values: Out[], wrapAll: boolean): number | undefined => {
    let lines = 1;
    values.forEach((v, i) => {
      if (wrapAll || columns[i].wrap) lines = Math.max(lines, wrappedLines(v, colWidths[i]));
    });
    return lines > 1 ? lines * LINE_HEIGHT : undefined;
  };
  const headerValues = columns.map((c) => cellText(c.header));
  await ws.addRow(
    headerValues,
    headerValues.map(() => STYLES.header),
    heightOf(headerValues, true),
  );
  const styles: CellStyle[] = new Array<CellStyle>(columns.length);
  for (let n = 0; n < rows.length; n++) {
    const row = rows[n];
    const bold = opts.bold?.(row) ?? false;
    const values = table[n].map((v) => (typeof v === 'string' ? cellText(v) : v));
    columns.forEach((c, i) => {
      const marked = c.mark?.(row) ?? false;
      styles[i] = values[i] === null && !marked ? STYLES.none : STYLES[styleOf(values[i], marked, bold, c.wrap ?? false)];
    });
    // Awaited only when the writer asks (its compressed pieces lag behind): not one await per row.
    const lag = ws.addRow(values, styles, heightOf(values, false));
    if (lag) await lag;
  }
  if (opts.filter ?? true) ws.autoFilter(`A1:${columnLetter(columns.length)}${String(rows.length + 1)}`);
  await ws.end();
}
