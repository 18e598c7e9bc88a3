/**
 * Independent readers and checks for the sample tests: they do not use src/sample (nor src/normalize), so a
 * mistake in the generator cannot hide behind the same mistake in the check.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643 check character, written again from the standard. */
export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

export function isValidId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = id.slice(6, 10);
  const m = id.slice(10, 12);
  const d = id.slice(12, 14);
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) return false;
  return checkChar(id.slice(0, 17)) === id[17];
}

/** 15-digit ID → 18 digits. */
export function upgradeId(old: string): string {
  const first17 = `${old.slice(0, 6)}19${old.slice(6)}`;
  return first17 + checkChar(first17);
}

/** Undoes typing variants: full-width characters, spaces, lower-case x. */
export function cleanId(text: string): string {
  return text
    .replace(/[\uff10-\uff19\uff38\uff58]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** A money cell (number, `1,234.50`, `¥1234.50`, `1234.50元`) in fen, as a bigint. */
export function cents(value: unknown): bigint {
  if (typeof value === 'number') return BigInt(Math.round(value * 100));
  const text = String(value).replace(/[¥,元\s]/g, '');
  const [whole, frac = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
}

export type Row = unknown[];

/** Rows of an xlsx sheet as value arrays (index 0 = column A). */
export async function xlsxRows(path: string, sheet: string | number = 0): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = typeof sheet === 'number' ? wb.worksheets[sheet] : wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${path}`);
  const rows: Row[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = row.values as unknown[];
    rows[n - 1] = values.slice(1);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Text file lines (CRLF or LF), decoded. */
export function textLines(path: string, encoding: 'gb18030' | 'utf-8' | 'utf-16le'): string[] {
  const text = iconv.decode(readFileSync(path), encoding, { stripBOM: true });
  return text.split(/\r?\n/).filter((l) => l !== '');
}

/** Minimal CSV split (the sample quotes only cells with commas or quotes). */
export function csvCells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Objects keyed by header from a header line and data lines. */
export function records(header: string[], rows: string[][]): Record<string, string>[] {
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
