import { fileURLToPath } from 'node:url';
import type { Cell, RawRow, SheetSource, WorkbookSource } from '../../src/io/types.js';

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url));
}

export async function readRows(sheet: SheetSource): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of sheet.rows()) rows.push(row);
  return rows;
}

/** Cell values of each row, holes as undefined. */
export async function values(sheet: SheetSource): Promise<Map<number, (Cell['v'] | undefined)[]>> {
  const out = new Map<number, (Cell['v'] | undefined)[]>();
  for (const row of await readRows(sheet)) out.set(row.row, Array.from(row.cells, (c) => c?.v));
  return out;
}

export function sheet(wb: WorkbookSource, name: string): SheetSource {
  const found = wb.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${wb.file}`);
  return found;
}

export function cellAt(rows: RawRow[], row: number, col: number): Cell | undefined {
  return rows.find((r) => r.row === row)?.cells[col];
}
