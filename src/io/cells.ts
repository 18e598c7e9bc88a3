import type { Cell } from './types.js';

export function numberCell(v: number, fmt: string | undefined): Cell {
  return { v, fmt: fmt || 'General', numeric: true };
}

/** Text cell; an empty string is no cell. */
export function textCell(v: string): Cell | undefined {
  return v === '' ? undefined : { v };
}

/** A cell as text, the way the table layer compares it: strings as they are, numbers in plain JS form. */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.v === null) return '';
  return typeof cell.v === 'string' ? cell.v : String(cell.v);
}
