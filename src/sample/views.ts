/**
 * Per-source record views: plain rows keyed by the source's column names. The truth is rendered into
 * these, the plants step mutates them, the writers lay them out into files.
 */

/** A numeric spreadsheet cell with its number format (dates as serials, IDs typed as numbers). */
export interface NumCell {
  num: number;
  fmt: string;
}

export type ViewCell = string | number | NumCell | null;

export interface ViewRow {
  /** National 户编号 of the registered household the row belongs to, where it belongs to one. */
  householdId: string | null;
  /** Truth ID of the person the row is about, where it is about one. */
  personId: string | null;
  cells: Record<string, ViewCell>;
}

export interface ArchiveSheet {
  name: string;
  township: string;
  village: string;
  /** Household-level cells written once and merged down over the household's rows. */
  mergeHouseholdCells: boolean;
  rows: ViewRow[];
}

export interface Views {
  national: ViewRow[];
  householdFile: ArchiveSheet[];
  oneBookMembers: ViewRow[];
  oneBookLedger: ViewRow[];
  /** Rows of the in-memory hukou households by 户号; the streamed ones are rendered while writing. */
  hukou: Map<string, ViewRow[]>;
  noticeBoard: ViewRow[];
  civilAffairs: ViewRow[];
  vehicles: ViewRow[];
  business: ViewRow[];
  property: ViewRow[];
  payroll: ViewRow[];
  deaths: ViewRow[];
  payouts: ViewRow[];
}

export function isNumCell(c: ViewCell): c is NumCell {
  return typeof c === 'object' && c !== null;
}

/** Text of a cell for text formats (CSV, TSV). */
export function cellText(c: ViewCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return String(c);
  return String(c.num);
}
