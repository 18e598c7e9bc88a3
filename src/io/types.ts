/**
 * Reader contracts. Readers know nothing about poverty: they turn a file into sheets of raw rows.
 * Values are never interpreted here (a number stays a number, with its number format, so that
 * `normalize` can decide whether it is a date serial, an amount or a damaged ID number).
 */

/** A raw cell value as the file holds it. Text stays text (leading `'` of the hukou export already stripped). */
export type CellValue = string | number | boolean | null;

export interface Cell {
  v: CellValue;
  /** Number format code for numeric cells ("General", "0", "@", "yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", ...). */
  fmt?: string;
  /** The cell was numeric in the file (not typed text). Set for every number that came from a spreadsheet cell. */
  numeric?: boolean;
}

export interface RawRow {
  /** 1-based row number in the sheet, as a spreadsheet program shows it (for CSV: 1-based line record number). */
  row: number;
  /** 0-based column index → cell; holes for empty cells. */
  cells: (Cell | undefined)[];
}

export interface MergeRange {
  /** 1-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type FileFormat =
  | 'xlsx'
  | 'xls-biff8'
  | 'xls-biff5'
  | 'xls-html'
  | 'xls-spreadsheetml'
  | 'csv'
  | 'tsv';

/** Rows (by `RawRow.row`) a caller will not use. */
export type RowSkip = (row: number) => boolean;

export interface SheetSource {
  name: string;
  hidden: boolean;
  /**
   * Merged ranges where the format keeps them. For xlsx they are filled when `rows()` is first called (they stand
   * after the sheet data); the exceljs fallback path leaves them empty.
   */
  merges: MergeRange[];
  /** Hidden column indexes (0-based) where known. */
  hiddenColumns: number[];
  /**
   * Streams the rows once, in order. Rows `skip` answers true for (asked once per row, by its number) are of no
   * use to the caller: a reader may leave them out without parsing them (the text reader does, for lines
   * without quotes); other readers give every row.
   */
  rows(skip?: RowSkip): AsyncIterable<RawRow>;
  /**
   * The same rows in batches as the reader gets them (e.g. per decoded chunk), where a reader offers it: one
   * await per batch instead of one per row. A sheet is read once, by `rows()` or by this.
   */
  rowBatches?(): AsyncIterable<RawRow[]>;
}

export interface WorkbookSource {
  file: string;
  format: FileFormat;
  /** Text encoding for text formats ("utf-8", "utf-8-bom", "utf-16le", "gb18030"); null for binary formats. */
  encoding: string | null;
  /** Excel 1904 date system in force (serial numbers mean days since 1904-01-01). */
  date1904: boolean;
  sheets: SheetSource[];
}

/** A file that cannot be read. `message` is Chinese and names the file; shown to users as is. */
export class ReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
