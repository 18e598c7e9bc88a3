/**
 * Formats read whole through SheetJS: legacy .xls (BIFF8, BIFF5 with its code page), HTML tables and
 * SpreadsheetML 2003 saved as .xls, and xlsx layouts the streaming reader cannot take. Raw values: numbers stay
 * numbers with their format, text stays text, dates stay serial numbers.
 */
import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import type { Cell, FileFormat, MergeRange, RawRow, SheetSource, WorkbookSource } from './types.js';
import { numberCell, textCell } from './cells.js';
import { fsError, readError, wrapError, DAMAGED } from './errors.js';

// Code-page tables, so that BIFF5 text in code page 936 (GBK) decodes to Chinese.
XLSX.set_cptable(cptable);

const OPTIONS: XLSX.ParsingOptions = {
  cellDates: false,
  raw: true,
  cellNF: true,
  cellStyles: true,
  cellFormula: false,
  cellHTML: false,
  dense: true,
};

/** Error text SheetJS keeps for error cells without a display text. */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
};

function toCell(c: XLSX.CellObject | undefined): Cell | undefined {
  if (!c) return undefined;
  switch (c.t) {
    case 'n':
      return typeof c.v === 'number' ? numberCell(c.v, typeof c.z === 'string' ? c.z : undefined) : undefined;
    case 's':
      return textCell(c.v === undefined ? '' : String(c.v));
    case 'b':
      return { v: c.v === true };
    case 'e':
      return { v: c.w ?? ERROR_TEXT[c.v as number] ?? '#ERROR' };
    case 'd':
      // Not produced with cellDates off; kept as the text the file shows if a format ever does.
      return textCell(c.w ?? String(c.v));
    default:
      return undefined;
  }
}

function sheetSource(name: string, ws: XLSX.WorkSheet, hidden: boolean): SheetSource {
  const merges: MergeRange[] = (ws['!merges'] ?? []).map((m) => ({
    top: m.s.r + 1,
    left: m.s.c + 1,
    bottom: m.e.r + 1,
    right: m.e.c + 1,
  }));
  const hiddenColumns: number[] = [];
  (ws['!cols'] ?? []).forEach((col, i) => {
    if (col?.hidden) hiddenColumns.push(i);
  });
  const data: XLSX.CellObject[][] = (ws as XLSX.DenseWorkSheet)['!data'] ?? [];
  return {
    name,
    hidden,
    merges,
    hiddenColumns,
    async *rows(): AsyncGenerator<RawRow> {
      for (let r = 0; r < data.length; r++) {
        const line = data[r];
        if (!line) continue;
        const cells: (Cell | undefined)[] = [];
        let any = false;
        for (let c = 0; c < line.length; c++) {
          const cell = toCell(line[c]);
          if (cell) {
            cells[c] = cell;
            any = true;
          }
        }
        if (any) yield { row: r + 1, cells };
      }
    },
  };
}

function workbookSource(
  file: string,
  format: FileFormat,
  encoding: string | null,
  wb: XLSX.WorkBook,
): WorkbookSource {
  const props = wb.Workbook?.Sheets ?? [];
  const sheets = wb.SheetNames.map((name, i) => sheetSource(name, wb.Sheets[name], (props[i]?.Hidden ?? 0) !== 0));
  return { file, format, encoding, date1904: wb.Workbook?.WBProps?.date1904 === true, sheets };
}

function parse(file: string, input: Buffer | string): XLSX.WorkBook {
  try {
    return XLSX.read(input, { ...OPTIONS, type: typeof input === 'string' ? 'string' : 'buffer' });
  } catch (err) {
    throw wrapError(file, err);
  }
}

async function load(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw fsError(file, err);
  }
}

/** Which BIFF a compound file holds; throws for compound files that are not workbooks. */
function biffFormat(file: string, buf: Buffer): FileFormat {
  let cfb: unknown;
  try {
    cfb = XLSX.CFB.read(buf, { type: 'buffer' });
  } catch (err) {
    throw wrapError(file, err);
  }
  const has = (name: string) => XLSX.CFB.find(cfb, name) != null;
  if (has('Workbook')) return 'xls-biff8';
  if (has('Book')) return 'xls-biff5';
  if (has('EncryptedPackage')) throw readError(file, '文件设有密码保护，请在 Excel 中取消密码后重新保存');
  throw readError(file, `${DAMAGED}（可能是 Word 等其他 Office 文件）`);
}

/** Legacy binary .xls (compound file). */
export async function openBiff(file: string): Promise<WorkbookSource> {
  const buf = await load(file);
  const format = biffFormat(file, buf);
  return workbookSource(file, format, null, parse(file, buf));
}

/** xlsx read whole (layouts the streaming reader cannot take). */
export async function openSheetJs(file: string, format: 'xlsx'): Promise<WorkbookSource> {
  return workbookSource(file, format, null, parse(file, await load(file)));
}

/** HTML table or SpreadsheetML 2003 already decoded to text. */
export function openMarkup(
  file: string,
  format: 'xls-html' | 'xls-spreadsheetml',
  text: string,
  encoding: string,
): WorkbookSource {
  const wb = parse(file, text);
  if (wb.SheetNames.length === 0) throw readError(file, `${DAMAGED}（没有找到表格）`);
  return workbookSource(file, format, encoding, wb);
}
