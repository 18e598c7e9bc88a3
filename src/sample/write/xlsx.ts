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

/**
 * One style object per (number format, header) pair, shared by every cell that has it: exceljs recognises a
 * style object it has seen and skips re-serialising it, which is most of the writing time of a large sheet.
 */
class SharedStyles {
  private readonly made = new Map<string, Partial<ExcelJS.Style>>();

  get(numFmt: string | null, header: boolean): Partial<ExcelJS.Style> {
    const key = `${header ? 'h' : 'd'}|${numFmt ?? ''}`;
    let style = this.made.get(key);
    if (!style) {
      style = {};
      if (numFmt !== null) style.numFmt = numFmt;
      if (header) {
        style.font = { bold: true };
        style.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      }
      this.made.set(key, style);
    }
    return style;
  }
}

/**
 * `author`: the document's creator and last editor (the county office that keeps the file); `sharedStrings`:
 * text in the shared-string table, as Excel and WPS write it (inline strings otherwise).
 */
export async function writeXlsx(path: string, sheets: GridSheet[], stamp: Date, author: string, sharedStrings = false): Promise<void> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: sharedStrings });
  wb.creator = author;
  wb.lastModifiedBy = author;
  wb.created = stamp;
  wb.modified = stamp;
  const styles = new SharedStyles();
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
          cell.style = styles.get(c.fmt, header);
        } else {
          cell.value = c;
          cell.style = styles.get(typeof c === 'string' && textColumns.has(i) && !header ? '@' : null, header);
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
