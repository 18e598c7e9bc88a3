/** A sheet laid out cell by cell (titles, headers, data, footers), ready for any spreadsheet writer. */
import type { MergeRange } from '../../io/types.js';
import type { ViewCell } from '../views.js';

export interface GridSheet {
  name: string;
  rows: ViewCell[][];
  /** 1-based, inclusive (as in src/io/types.ts). */
  merges: MergeRange[];
  /** 1-based numbers of the header rows (bold, wrapped). */
  headerRows: number[];
  /** 0-based columns whose text cells are formatted as text (`@`): ID numbers, phones, codes. */
  textColumns: number[];
  /** Column widths in characters. */
  widths: number[];
}

export function grid(name: string, rows: ViewCell[][], extra: Partial<Omit<GridSheet, 'name' | 'rows'>> = {}): GridSheet {
  return { name, rows, merges: extra.merges ?? [], headerRows: extra.headerRows ?? [], textColumns: extra.textColumns ?? [], widths: extra.widths ?? [] };
}

/** Column indexes of the given headers. */
export function columnsOf(header: readonly string[], names: readonly string[]): number[] {
  return names.map((n) => header.indexOf(n)).filter((i) => i >= 0);
}

/** A width per column from the header and cell text lengths (Chinese characters count double). */
export function autoWidths(rows: ViewCell[][], columns: number): number[] {
  const widths = new Array<number>(columns).fill(6);
  for (const r of rows.slice(0, 200)) {
    r.forEach((c, i) => {
      if (typeof c !== 'string' || i >= columns) return;
      let w = 0;
      for (const ch of c.split('\n')[0]) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
      widths[i] = Math.min(40, Math.max(widths[i], w + 2));
    });
  }
  return widths;
}
