/**
 * The fast xlsx reader: the zip's parts read directly (workbook and rels through xlsx-meta.ts, styles, the
 * shared strings streamed into a table), then each worksheet streamed through inflate and a small tokenizer
 * (xlsx-fast-sheet.ts). Memory stays flat in sheet size: rows are handed on as each chunk is tokenized.
 * Returns null for layouts it does not take (parts with namespace prefixes or not in UTF-8, a sheet part
 * missing), which the caller then reads with the exceljs/SheetJS path.
 *
 * Merged ranges come after the sheet data: a sheet's `merges` are filled from a quick pass over its part
 * (xlsx-fast-merges.ts) when its rows are first asked for, before the first row is handed on — the table
 * layer looks at them after reading the first rows.
 */
import type { MergeRange, RawRow, SheetSource, WorkbookSource } from './types.js';
import type { ZipFile } from './zip.js';
import { wrapError, DAMAGED } from './errors.js';
import { readSheetHead, readXlsxInfo, type SheetHead, type XlsxSheetInfo } from './xlsx-meta.js';
import { entryChunks, readSharedStrings, workbookParts } from './xlsx-fast-parts.js';
import { styleFormats } from './xlsx-fast-formats.js';
import { SheetTokenizer } from './xlsx-fast-sheet.js';
import { CellCache, type CellContext } from './xlsx-fast-cell.js';
import { readMerges } from './xlsx-fast-merges.js';

/**
 * A sheet's merged ranges. The passes over the sheet parts start when the workbook is opened, one sheet after
 * the other, so that their inflating (off the main thread) overlaps the reading of the shared strings and of
 * earlier sheets; a pass's result goes into the array the SheetSource holds when the sheet's rows are first
 * asked for, before the first row, so that what a caller sees does not depend on timing: no merges before
 * rows() is called, all of them after.
 */
class Merges {
  readonly list: MergeRange[] = [];
  private found: MergeRange[] | null = null;
  private failure: unknown = null;
  private readonly pass: Promise<void>;

  /** `after`: the pass of the sheet before, which this one waits for. */
  constructor(zip: ZipFile, path: string, after: Promise<void>) {
    this.pass = after.then(() => readMerges(zip, path)).then(
      (found) => {
        this.found = found;
      },
      (err: unknown) => {
        this.failure = err;
      },
    );
  }

  /** Settles when the pass is over (never rejects). */
  done(): Promise<void> {
    return this.pass;
  }

  async load(): Promise<void> {
    await this.pass;
    if (this.failure) throw this.failure;
    if (this.found) {
      this.list.push(...this.found);
      this.found = null;
    }
  }
}

async function* sheetBatches(
  file: string,
  zip: ZipFile,
  sheet: XlsxSheetInfo,
  ctx: CellContext,
  cache: CellCache,
  merges: Merges,
): AsyncGenerator<RawRow[]> {
  const tokenizer = new SheetTokenizer(ctx, cache);
  try {
    await merges.load();
    for await (const chunk of entryChunks(zip, sheet.path)) {
      const out: RawRow[] = [];
      tokenizer.push(chunk, out);
      if (out.length > 0) yield out;
      if (tokenizer.done) break;
    }
    tokenizer.end();
  } catch (err) {
    throw wrapError(file, err, DAMAGED, `工作表「${sheet.name}」读取失败：`);
  }
}

async function* oneByOne(batches: AsyncIterable<RawRow[]>): AsyncGenerator<RawRow> {
  for await (const batch of batches) yield* batch;
}

async function partText(zip: ZipFile, path: string | null): Promise<string> {
  if (!path || !zip.entries.has(path)) return '';
  return (await zip.read(path))?.toString('utf8') ?? '';
}

/** Sheets whose heads are read at the same time: a workbook may have a sheet per village. */
const HEADS_AT_ONCE = 8;

async function sheetHeads(zip: ZipFile, sheets: XlsxSheetInfo[]): Promise<SheetHead[]> {
  const heads: SheetHead[] = [];
  for (let i = 0; i < sheets.length; i += HEADS_AT_ONCE) {
    heads.push(...(await Promise.all(sheets.slice(i, i + HEADS_AT_ONCE).map((sheet) => readSheetHead(zip, sheet.path)))));
  }
  return heads;
}

/** The workbook through the fast reader, or null when its layout needs the general path. */
export async function openFastXlsx(file: string, zip: ZipFile): Promise<WorkbookSource | null> {
  const info = await readXlsxInfo(zip);
  if (!info || info.prefixed) return null;
  if (info.sheets.some((sheet) => !zip.entries.has(sheet.path))) return null;
  const heads = await sheetHeads(zip, info.sheets);
  // A root element this tokenizer would not see (a prefix, UTF-16 text): nothing would be read.
  if (heads.some((head) => head.prefixed || !head.worksheetRoot)) return null;
  const hiddenColumns = heads.map((head) => head.hiddenColumns);
  const merges: Merges[] = [];
  for (const s of info.sheets) merges.push(new Merges(zip, s.path, merges.at(-1)?.done() ?? Promise.resolve()));
  const parts = await workbookParts(zip);
  const strings = parts.sharedStrings && zip.entries.has(parts.sharedStrings) ? await readSharedStrings(zip, parts.sharedStrings) : [];
  if (!strings) return null;
  const ctx: CellContext = { strings, formats: styleFormats(await partText(zip, parts.styles)), date1904: info.date1904 };
  const cache = new CellCache(ctx);
  const sheets: SheetSource[] = info.sheets.map((s, i) => ({
    name: s.name,
    hidden: s.hidden,
    merges: merges[i].list,
    hiddenColumns: hiddenColumns[i],
    rows: () => oneByOne(sheetBatches(file, zip, s, ctx, cache, merges[i])),
    rowBatches: () => sheetBatches(file, zip, s, ctx, cache, merges[i]),
  }));
  return { file, format: 'xlsx', encoding: null, date1904: info.date1904, sheets };
}
