/** Legacy spreadsheet formats through SheetJS: BIFF8 .xls, HTML tables and SpreadsheetML 2003 saved as .xls. */
import { writeFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { isNumCell } from '../views.js';
import type { GridSheet } from './grid.js';

export type SheetJsBookType = 'biff8' | 'html' | 'xlml';

function worksheet(s: GridSheet): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxCol = 0;
  s.rows.forEach((cells, r) => {
    cells.forEach((c, col) => {
      if (c === null || c === undefined) return;
      const address = XLSX.utils.encode_cell({ r, c: col });
      if (isNumCell(c)) ws[address] = { t: 'n', v: c.num, z: c.fmt };
      else if (typeof c === 'number') ws[address] = { t: 'n', v: c };
      else ws[address] = { t: 's', v: c };
      maxCol = Math.max(maxCol, col);
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, s.rows.length - 1), c: maxCol } });
  ws['!merges'] = s.merges.map((m) => ({ s: { r: m.top - 1, c: m.left - 1 }, e: { r: m.bottom - 1, c: m.right - 1 } }));
  if (s.widths.length > 0) ws['!cols'] = s.widths.map((wch) => ({ wch }));
  return ws;
}

export async function writeSheetJs(path: string, sheets: GridSheet[], bookType: SheetJsBookType): Promise<void> {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, worksheet(s), s.name);
  const out: Buffer = XLSX.write(wb, { type: 'buffer', bookType });
  await writeFile(path, out);
}
