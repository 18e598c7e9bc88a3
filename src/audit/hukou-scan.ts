/**
 * The first look at a hukou file: every resident's row becomes its keys (hukou-keys.ts), nothing is kept. Runs
 * in a worker thread while the registered sources are read (hukou-scans.ts), or in this thread.
 */
import type { HukouRecord } from '../sources/index.js';
import type { Mapping } from '../sources/mapping.js';
import { readSheets } from '../sources/read.js';
import type { SourceKind } from '../model/kinds.js';
import { KEY_FIELDS, SheetKeysMaker, type SheetKeys } from './hukou-keys.js';

export interface ScanOptions {
  /** False: parse every row instead of taking plainly written ones from their text (to check that shortcut). */
  plain?: boolean;
  /** Give up (null) at the first sheet of another kind of data: for scanning files not known to hold hukou data. */
  hukouOnly?: boolean;
}

/** The keys of each hukou sheet of a file, in reading order; none when the file holds no hukou data. */
export async function scanHukouFile(
  file: string,
  kind: SourceKind | undefined,
  mapping: Mapping | undefined,
  opts: ScanOptions & { hukouOnly: true },
): Promise<SheetKeys[] | null>;
export async function scanHukouFile(file: string, kind: SourceKind | undefined, mapping: Mapping | undefined, opts?: ScanOptions): Promise<SheetKeys[]>;
export async function scanHukouFile(file: string, kind: SourceKind | undefined, mapping: Mapping | undefined, opts: ScanOptions = {}): Promise<SheetKeys[] | null> {
  const sheets: SheetKeys[] = [];
  let maker: SheetKeysMaker | null = null;
  const passOver = opts.plain === false ? undefined : (text: (field: string) => string | null) => maker !== null && maker.fromText(text);
  for await (const s of readSheets(file, { kind, mapping, fields: KEY_FIELDS, passOver })) {
    if (s.detection?.spec?.kind !== 'hukou') {
      if (opts.hukouOnly && s.detection?.spec) return null;
      // Read through (without parsing) so that the next sheet of a streamed workbook can start.
      if (s.table) for await (const _ of s.table.rows()) void _;
      continue;
    }
    const m = (maker = new SheetKeysMaker(s.sheet));
    for await (const row of s.records()) {
      if (row.record) m.fromRecord(row.record as unknown as HukouRecord);
      else m.rejected();
    }
    maker = null;
    sheets.push(m.done());
  }
  return sheets;
}
