/**
 * xlsx through exceljs's streaming reader: rows are never accumulated. Sheet list, states, hidden columns and
 * the 1904 flag come from the zip directly (see xlsx-meta.ts). Layouts the streaming reader cannot handle
 * (non-standard part names, namespace prefixes, cells without references, parts in an order that would make
 * it read a sheet before its styles) are read through SheetJS instead.
 */
import type ExcelJS from 'exceljs';
import type { Cell, RawRow, SheetSource, WorkbookSource } from './types.js';
import { closeStreamReader, createStreamReader, numFmtOf, onWorksheet, type StreamReader } from './exceljs-fix.js';
import { readError, wrapError, DAMAGED } from './errors.js';
import { readSheetHead, readXlsxInfo, type XlsxInfo } from './xlsx-meta.js';
import { openSheetJs } from './sheetjs.js';
import { numberCell, textCell } from './cells.js';
import type { ZipFile } from './zip.js';

const STANDARD_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

type Worksheet = AsyncIterable<ExcelJS.Row>;

/** One run of the streaming reader over the file; sheets come out in the zip's order. */
class Pass {
  readonly reader: StreamReader;
  private readonly sheets: AsyncIterator<Worksheet>;
  private current: string | null = null;
  /** Sheet numbers already passed (their rows can no longer be read in this pass). */
  readonly passed = new Set<string>();
  busy = false;
  finished = false;

  constructor(file: string) {
    this.reader = createStreamReader(file);
    onWorksheet(this.reader, (no) => {
      this.current = no;
    });
    this.sheets = (this.reader as unknown as AsyncIterable<Worksheet>)[Symbol.asyncIterator]();
  }

  /** Advances to the worksheet part numbered `sheetNo`; null when the pass ends without it. */
  async seek(sheetNo: string): Promise<Worksheet | null> {
    for (;;) {
      const next = await this.sheets.next();
      if (next.done) {
        this.finished = true;
        return null;
      }
      const no = this.current ?? '';
      this.passed.add(no);
      if (no === sheetNo) return next.value;
    }
  }

  close(): void {
    this.finished = true;
    closeStreamReader(this.reader);
  }
}

/** exceljs's value of a cell (numbers never become Dates here, see exceljs-fix.ts) as a raw cell. */
function cellValue(value: ExcelJS.CellValue, fmt: string | undefined): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : numberCell(value, fmt);
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'boolean') return { v: value };
  if (value instanceof Date) return undefined; // not produced: no style reaches exceljs with a number format
  if ('richText' in value) return textCell(value.richText.map((r) => r.text ?? '').join(''));
  if ('error' in value) return { v: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) return cellValue(value.result, fmt);
  if ('hyperlink' in value) return cellValue(value.text as ExcelJS.CellValue, fmt);
  return undefined;
}

function rawRow(row: ExcelJS.Row): RawRow {
  const cells: (Cell | undefined)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const c = cellValue(cell.value, numFmtOf(cell));
    if (c) cells[col - 1] = c;
  });
  return { row: row.number, cells };
}

function sheetNumber(path: string): string {
  return STANDARD_PART.exec(path)?.[1] ?? '';
}

/** Shares one streaming pass between sheets read in order; starts another when a sheet was already passed. */
class Streamer {
  private pass: Pass | null = null;
  constructor(private readonly file: string) {}

  private take(sheetNo: string): Pass {
    const p = this.pass;
    if (p && !p.busy && !p.finished && !p.passed.has(sheetNo)) return p;
    if (p && !p.busy) p.close();
    const fresh = new Pass(this.file);
    this.pass = fresh;
    return fresh;
  }

  async *rows(sheetName: string, sheetNo: string): AsyncGenerator<RawRow> {
    const pass = this.take(sheetNo);
    pass.busy = true;
    let complete = false;
    try {
      const ws = await pass.seek(sheetNo);
      if (!ws) throw readError(this.file, `找不到工作表「${sheetName}」的数据，${DAMAGED}`);
      for await (const row of ws) yield rawRow(row);
      complete = true;
    } catch (err) {
      throw wrapError(this.file, err, DAMAGED, `工作表「${sheetName}」读取失败：`);
    } finally {
      pass.busy = false;
      // A pass left in the middle of a sheet cannot go on to the next one; a replaced pass is of no more use.
      if (!complete || this.pass !== pass) {
        pass.close();
        if (this.pass === pass) this.pass = null;
      }
    }
  }
}

async function streamable(zip: ZipFile, info: XlsxInfo): Promise<Map<string, number[]> | null> {
  if (info.prefixed) return null;
  const order = (name: string) => zip.entries.get(name)?.order ?? -1;
  const shared = order('xl/sharedStrings.xml');
  const rels = order('xl/_rels/workbook.xml.rels');
  const late = Math.max(order('xl/styles.xml'), order('xl/workbook.xml'));
  const hidden = new Map<string, number[]>();
  for (const sheet of info.sheets) {
    if (!STANDARD_PART.test(sheet.path) || !zip.entries.has(sheet.path)) return null;
    const at = order(sheet.path);
    // exceljs parses a sheet at once when shared strings and rels came before it: styles must too.
    if (shared >= 0 && shared < at && rels < at && late > at) return null;
    const head = await readSheetHead(zip, sheet.path);
    if (head.prefixed || !head.cellsHaveReferences) return null;
    hidden.set(sheet.path, head.hiddenColumns);
  }
  return hidden;
}

export async function openXlsx(file: string, zip: ZipFile): Promise<WorkbookSource> {
  const info = await readXlsxInfo(zip);
  if (!info) {
    if (zip.entries.has('xl/workbook.bin')) {
      throw readError(file, '这是 xlsb 格式，请在 Excel 中另存为 xlsx 后再读取');
    }
    if (zip.entries.has('content.xml')) {
      throw readError(file, '这是 ODS（WPS/LibreOffice）格式，请另存为 xlsx 后再读取');
    }
    throw readError(file, `${DAMAGED}（压缩包中没有 Excel 工作簿）`);
  }
  const hidden = await streamable(zip, info);
  if (!hidden) return openSheetJs(file, 'xlsx');
  const streamer = new Streamer(file);
  const sheets: SheetSource[] = info.sheets.map((s) => ({
    name: s.name,
    hidden: s.hidden,
    merges: [],
    hiddenColumns: hidden.get(s.path) ?? [],
    rows: () => streamer.rows(s.name, sheetNumber(s.path)),
  }));
  return { file, format: 'xlsx', encoding: null, date1904: info.date1904, sheets };
}
