/**
 * .xlsx through exceljs's streaming writer (rows are committed as they are written, so a county of
 * 40,000 households does not build a workbook model in memory), with fixed document dates and zip
 * times so that output is reproducible.
 */
import { writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { isNumCell } from '../views.js';
import type { GridSheet } from './grid.js';
import { fixZipTimes } from './zip-times.js';

export async function writeXlsx(path: string, sheets: GridSheet[], stamp: Date): Promise<void> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = '会昌县乡村振兴局';
  wb.lastModifiedBy = '会昌县乡村振兴局';
  wb.created = stamp;
  wb.modified = stamp;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.widths.length > 0) ws.columns = s.widths.map((width) => ({ width }));
    const headers = new Set(s.headerRows);
    const textColumns = new Set(s.textColumns);
    for (const m of s.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    s.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      const header = headers.has(r + 1);
      cells.forEach((c, i) => {
        if (c === null || c === undefined) return;
        const cell = row.getCell(i + 1);
        if (isNumCell(c)) {
          cell.value = c.num;
          cell.numFmt = c.fmt;
        } else {
          cell.value = c;
          if (typeof c === 'string' && textColumns.has(i) && !header) cell.numFmt = '@';
        }
        if (header) {
          cell.font = { bold: true };
          cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
        }
      });
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
  await done;
  await writeFile(path, fixZipTimes(Buffer.concat(chunks), stamp));
}
