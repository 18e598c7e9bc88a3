/** Reads the fixture workbooks with SheetJS into the reader contract's `Cell` shape (test helper). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import type { Cell } from '../../src/io/types.js';

export const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export interface FixtureRow {
  kind: string;
  value: Cell;
  expected: string;
}

/** Rows of the first sheet below the header: column A kind (optional), the value cell, and the expectation. */
export function readWorkbook(name: string): { date1904: boolean; rows: FixtureRow[] } {
  const wb = XLSX.read(readFileSync(fixture(name)), { cellNF: true });
  const ws = wb.Sheets[wb.SheetNames[0]];
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  const threeColumns = range.e.c >= 2;
  const rows: FixtureRow[] = [];
  for (let r = 1; r <= range.e.r; r++) {
    const at = (c: number): XLSX.CellObject | undefined => ws[XLSX.utils.encode_cell({ r, c })];
    const valueCell = at(threeColumns ? 1 : 0);
    const expectedCell = at(threeColumns ? 2 : 1);
    if (!valueCell || !expectedCell) continue;
    const v = valueCell.v;
    const value: Cell =
      typeof v === 'number'
        ? { v, numeric: true, fmt: valueCell.z === undefined ? undefined : String(valueCell.z) }
        : { v: v === undefined || v instanceof Date ? null : v };
    rows.push({ kind: threeColumns ? String(at(0)?.v ?? '') : 'date', value, expected: String(expectedCell.v) });
  }
  return { date1904: wb.Workbook?.WBProps?.date1904 === true, rows };
}

/** Data lines of a simple comma-separated fixture (no quoted fields), header dropped. */
export function readCsv(name: string): string[][] {
  return readFileSync(fixture(name), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}
