/**
 * Corrections to exceljs 4.4.0's streaming reader, applied per reader instance:
 * - It decodes every inflated chunk to text on its own (utils/parse-sax.js → bufferToString), so a multi-byte
 *   UTF-8 character split across two chunks becomes `��`: Chinese text in any part larger than one chunk is
 *   damaged at random places (exceljs issues #2063, #2084, #2316). Workbook, rels and styles parts get
 *   `setEncoding('utf8')` (Node's StringDecoder keeps split characters); shared strings and worksheets are
 *   decoded with a streaming TextDecoder and cleaned by XmlPartFilter (xml-filter.ts). parse-sax passes
 *   strings through unchanged.
 * - It turns date-formatted numbers into JS Dates at millisecond precision (and into Invalid Date when the
 *   number is too large, such as an ID number under a date format). Worksheets see the styles through a view
 *   that moves the number format to another key, so every number stays the exact number of the file; the
 *   format is read back with `numFmtOf`.
 */
import type { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { filterXml } from './xml-filter.js';

type Chunks = AsyncIterable<Buffer | string>;

const FMT = 'jzNumFmt';

interface StyleModel {
  numFmt?: string;
  [FMT]?: string;
}

interface StyleManager {
  getStyleModel(id: number): StyleModel | null;
}

/** What a worksheet reader takes from its workbook reader when it starts parsing. */
interface WorkbookView {
  readonly sharedStrings: unknown;
  readonly properties: unknown;
  readonly styles: StyleManager;
}

/** The parts of exceljs's WorkbookReader this module relies on (not in its type declarations). */
interface ReaderInternals extends WorkbookView {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseRels(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Chunks, sheetNo: string): Generator<{ value?: { workbook?: WorkbookView } }>;
  stream?: Readable;
}

export type StreamReader = ExcelJS.stream.xlsx.WorkbookReader;

async function* decodeChunks(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function textEntry<T>(fn: (entry: Readable) => T): (entry: Readable) => T {
  return (entry) => {
    entry.setEncoding('utf8');
    return fn(entry);
  };
}

/** The reader as its worksheets see it: styles without `numFmt`, so that no number becomes a Date. */
function rawNumberView(reader: ReaderInternals): WorkbookView {
  let source: StyleManager | null = null;
  const cache = new Map<number, StyleModel | null>();
  const styles: StyleManager = {
    getStyleModel(id) {
      if (source !== reader.styles) {
        source = reader.styles;
        cache.clear();
      }
      let model = cache.get(id);
      if (model === undefined) {
        const m = reader.styles.getStyleModel(id);
        model = m && m.numFmt ? { ...m, numFmt: undefined, [FMT]: m.numFmt } : m;
        cache.set(id, model);
      }
      return model;
    },
  };
  return {
    get sharedStrings() {
      return reader.sharedStrings;
    },
    get properties() {
      return reader.properties;
    },
    styles,
  };
}

export function createStreamReader(file: string): StreamReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  const inner = reader as unknown as ReaderInternals;
  const parseSharedStrings = inner._parseSharedStrings.bind(reader);
  inner._parseSharedStrings = (entry) => parseSharedStrings(Readable.from(filterXml(decodeChunks(entry))));
  inner._parseWorkbook = textEntry(inner._parseWorkbook.bind(reader));
  inner._parseRels = textEntry(inner._parseRels.bind(reader));
  inner._parseStyles = textEntry(inner._parseStyles.bind(reader));
  const parseWorksheet = inner._parseWorksheet.bind(reader);
  const view = rawNumberView(inner);
  inner._parseWorksheet = function* (iterator, sheetNo) {
    for (const event of parseWorksheet(filterXml(decodeChunks(iterator)), sheetNo)) {
      if (event.value?.workbook) event.value.workbook = view;
      yield event;
    }
  };
  return reader;
}

/** The number format of a cell read through this reader. */
export function numFmtOf(cell: ExcelJS.Cell): string | undefined {
  return (cell.style as StyleModel | undefined)?.[FMT] ?? cell.numFmt ?? undefined;
}

/** Calls `fn` with the part number (`3` for xl/worksheets/sheet3.xml) of each worksheet as the reader reaches it. */
export function onWorksheet(reader: StreamReader, fn: (sheetNo: string) => void): void {
  (reader as unknown as EventEmitter).on('entry', (e: { type: string; id?: string | number }) => {
    if (e.type === 'worksheet' && e.id !== undefined) fn(String(e.id));
  });
}

/** Stops the reader's file stream (when a pass is abandoned). */
export function closeStreamReader(reader: StreamReader): void {
  (reader as unknown as ReaderInternals).stream?.destroy();
}
