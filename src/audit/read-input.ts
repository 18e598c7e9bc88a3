/**
 * One input file read in full: its records per sheet, the rows it rejected, and the keys of its hukou sheets
 * (hukou-keys.ts). Plain data, so that a worker thread can read a file for the main thread (side-reader.ts);
 * `applyFileRead` then puts it into the loaded sources, in the order the files were given.
 */
import { ReadError } from '../io/types.js';
import type { InputSummary } from '../model/audit.js';
import type { SourceKind } from '../model/kinds.js';
import type { RejectedRow } from '../link/model.js';
import type { FieldMap, SourceRecord } from '../sources/define.js';
import type { HukouRecord } from '../sources/index.js';
import type { Mapping } from '../sources/mapping.js';
import { readSheets, type SheetReading } from '../sources/read.js';
import type { IdPool } from '../normalize/id.js';
import { KEY_FIELDS, SheetKeysMaker, type SheetKeys } from './hukou-keys.js';

export interface InputFile {
  file: string;
  /** Kind from a command-line flag; undefined when found in a folder and recognised by its headers. */
  kind?: SourceKind;
}

/** How hukou sheets are scanned into keys; null: not at all (read through). */
export interface ScanOptions {
  /** False: parse every row instead of taking plainly written ones from their text (to check that shortcut). */
  plain?: boolean;
}

export type SheetRead =
  /** A sheet of a recognised layout other than hukou. */
  | { type: 'records'; specId: string; summary: InputSummary; records: SourceRecord<FieldMap>[]; rejected: RejectedRow[] }
  /** A hukou sheet: its rows are picked and parsed later (load.ts). */
  | { type: 'hukou' }
  /** A sheet without a usable table. */
  | { type: 'unusable'; summary: InputSummary; message: string };

export interface FileRead {
  file: string;
  sheets: SheetRead[];
  /** Keys of the hukou sheets, in reading order (none when not scanned). */
  hukou: SheetKeys[];
  /** Kind of the first recognised sheet, for timings. */
  kind: string;
  ms: number;
  /** Why the file could not be read (Chinese); the sheets read before stay. */
  error: string | null;
}

export function summary(s: SheetReading, kind: SourceKind | null, error: string | null): InputSummary {
  return {
    file: s.file,
    sheet: s.sheet,
    kind,
    format: s.format,
    encoding: s.encoding,
    rows: s.stats.rows,
    rejected: s.stats.rejected,
    error,
  };
}

const message = (e: unknown, file: string) =>
  e instanceof ReadError ? e.message : `读取 ${file} 时出错：${e instanceof Error ? e.message : String(e)}`;

/**
 * Reads one file: every sheet's records, hukou sheets scanned into keys (`scan`) or read through. `ids`: ID
 * results shared with the run's other files.
 */
export async function readInput(input: InputFile, mapping: Mapping | undefined, scan: ScanOptions | null, ids?: IdPool): Promise<FileRead> {
  const t0 = performance.now();
  const read: FileRead = { file: input.file, sheets: [], hukou: [], kind: 'unrecognised', ms: 0, error: null };
  let maker: SheetKeysMaker | null = null;
  const passOver = scan && scan.plain !== false ? (text: (field: string) => string | null, row: number) => maker !== null && maker.fromText(text, row) : undefined;
  try {
    for await (const s of readSheets(input.file, { kind: input.kind, mapping, narrowKind: 'hukou', fields: KEY_FIELDS, passOver, ids })) {
      const spec = s.detection?.spec ?? null;
      if (!spec) {
        for await (const _ of s.records()) void _;
        read.sheets.push({ type: 'unusable', summary: summary(s, null, s.problem), message: `工作表「${s.sheet}」${s.problem ?? ''}` });
        continue;
      }
      if (read.sheets.length === 0 || read.kind === 'unrecognised') read.kind = spec.kind;
      if (spec.kind === 'hukou') {
        read.sheets.push({ type: 'hukou' });
        if (scan) {
          const m = (maker = new SheetKeysMaker(s.sheet));
          for await (const row of s.records()) {
            if (row.record) m.fromRecord(row.record as unknown as HukouRecord, row.loc.row);
            else m.rejected(row.loc.row);
          }
          maker = null;
          read.hukou.push(m.done());
        } else if (s.format !== 'csv' && s.format !== 'tsv' && s.table) {
          // A workbook's sheet is streamed past without normalising, so that the next sheet can start.
          for await (const _ of s.table.rows()) void _;
        }
        continue;
      }
      const records: SourceRecord<FieldMap>[] = [];
      const rejected: RejectedRow[] = [];
      for await (const batch of s.recordBatches()) {
        for (const row of batch) {
          if (row.record) records.push(row.record);
          else rejected.push({ kind: spec.kind, loc: row.loc, reason: row.rejected ?? '', text: row.text });
        }
      }
      read.sheets.push({ type: 'records', specId: spec.id, summary: summary(s, spec.kind, null), records, rejected });
    }
  } catch (e) {
    read.error = message(e, input.file);
  } finally {
    read.ms = performance.now() - t0;
  }
  return read;
}
