/**
 * Delimited text (CSV, TSV, the hukou system's apostrophe-prefixed TSV saved as .xls). Everything streams:
 * encoding detection reads the whole file once in chunks, rows are parsed from a second streaming pass.
 */
import { createReadStream } from 'node:fs';
import type { Cell, RawRow, RowSkip, WorkbookSource } from './types.js';
import { DelimitedParser } from './delimited.js';
import { fsError, readError, wrapError } from './errors.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type Delimiter = ',' | '\t' | ';' | '|';

/** Bytes read at a time; fixtures put multi-byte characters across this boundary. */
export const TEXT_CHUNK_SIZE = 64 * 1024;
/** Lines looked at to choose the delimiter and whether cells carry a leading apostrophe. */
const SAMPLE_LINES = 50;

export function bomEncoding(head: Uint8Array): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 saved without a BOM: in the first bytes, many NULs on one side of the pairs (the high byte of ASCII
 * digits, commas and tabs), few on the other. Null when the bytes do not look so.
 */
export function bomlessUtf16(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  // A few NULs on the other side are characters like 一 (U+4E00), whose low byte is 0.
  if (odd >= pairs / 5 && even * 10 <= odd) return 'utf-16le';
  if (even >= pairs / 5 && odd * 10 <= even) return 'utf-16be';
  return null;
}

function decoderLabel(enc: TextEncoding): string {
  return enc === 'utf-8-bom' ? 'utf-8' : enc;
}

function chunks(file: string): AsyncIterable<Buffer> {
  return createReadStream(file, { highWaterMark: TEXT_CHUNK_SIZE });
}

/** Strict UTF-8 over the whole file, chunk by chunk (a character may straddle two chunks). */
async function isUtf8(file: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks(file)) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch (err) {
    if (err instanceof TypeError) return false;
    throw err;
  }
}

/** UTF-8 with a few damaged bytes still reads as UTF-8: at least this many good multi-byte characters per bad byte. */
const GOOD_PER_BAD = 50;

/**
 * Counts, chunk by chunk, UTF-8 multi-byte characters and bytes that cannot be UTF-8, and stops as soon as the
 * bad ones are too many for a damaged UTF-8 file (GB18030 text fails at its first Chinese characters).
 */
export async function mostlyUtf8(file: string): Promise<boolean> {
  let good = 0;
  let bad = 0;
  let need = 0; // continuation bytes still expected
  for await (const chunk of chunks(file)) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (need > 0) {
        if ((b & 0xc0) === 0x80) {
          if (--need === 0) good++;
          continue;
        }
        need = 0;
        bad++;
      }
      if (b < 0x80) continue;
      if (b >= 0xc2 && b <= 0xdf) need = 1;
      else if (b >= 0xe0 && b <= 0xef) need = 2;
      else if (b >= 0xf0 && b <= 0xf4) need = 3;
      else bad++;
      if (bad >= 4 && bad * GOOD_PER_BAD > good) return false;
    }
  }
  return bad * GOOD_PER_BAD <= good;
}

/**
 * BOM first, else UTF-8 if the whole file is valid UTF-8 — or nearly: a few damaged bytes among many UTF-8
 * characters (they read as U+FFFD, which the cell's field reports) —, else GB18030 (what Excel on Chinese
 * Windows writes).
 */
export async function detectEncoding(file: string, head: Uint8Array): Promise<TextEncoding> {
  const bom = bomEncoding(head) ?? bomlessUtf16(head);
  if (bom) return bom;
  try {
    return (await isUtf8(file)) || (await mostlyUtf8(file)) ? 'utf-8' : 'gb18030';
  } catch (err) {
    throw fsError(file, err);
  }
}

/** The file as text, chunk by chunk, BOM removed. */
export async function* decodeFile(file: string, enc: TextEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(decoderLabel(enc));
  for await (const chunk of chunks(file)) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

export async function decodeWhole(file: string, enc: TextEncoding): Promise<string> {
  const parts: string[] = [];
  for await (const part of decodeFile(file, enc)) parts.push(part);
  return parts.join('');
}

/** The first complete lines of the file (at most one chunk), for sniffing. */
async function headLines(file: string, enc: TextEncoding): Promise<{ text: string; complete: boolean }> {
  const decoder = new TextDecoder(decoderLabel(enc));
  for await (const chunk of chunks(file)) {
    const text = decoder.decode(chunk, { stream: true });
    if (chunk.length < TEXT_CHUNK_SIZE) return { text, complete: true };
    const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    return { text: cut > 0 ? text.slice(0, cut) : text, complete: false };
  }
  return { text: '', complete: true };
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/** The candidate found the same number of times on the most lines wins; comma when none occurs. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, SAMPLE_LINES);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of [',', '\t', ';', '|'] as const) {
    const counts = lines.map((l) => countOutsideQuotes(l, d)).filter((c) => c > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let agree = 0;
    for (const [c, f] of freq) {
      if (f > agree || (f === agree && c > mode)) {
        mode = c;
        agree = f;
      }
    }
    const score = agree * 100000 + mode;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** True when most non-empty cells of the sample start with `'` (the hukou system's export). */
export function detectApostrophes(records: string[][]): boolean {
  let filled = 0;
  let quoted = 0;
  for (const record of records) {
    for (const cell of record) {
      if (cell.trim() === '') continue;
      filled++;
      if (cell.startsWith("'")) quoted++;
    }
  }
  return filled > 0 && quoted * 2 > filled;
}

function sampleRecords(text: string, delimiter: Delimiter, complete: boolean): string[][] {
  const lines = text.split(/\r\n|\n|\r/);
  const sample = lines.slice(0, complete ? lines.length : SAMPLE_LINES).join('\n');
  try {
    return DelimitedParser.parse(sample, delimiter).slice(0, SAMPLE_LINES);
  } catch {
    // An open quote in the sample: judge from the plain split.
    return lines.slice(0, SAMPLE_LINES).map((l) => l.split(delimiter));
  }
}

const DONE: IteratorResult<RawRow> = { value: undefined, done: true };

/** V8 makes a substring of 13 characters or more a view that keeps its whole parent alive. */
const SLICE_MIN = 13;

/**
 * A copy of `s` that does not keep the decoded chunk it was cut from alive: a kept ID would otherwise hold its
 * whole 64 KB chunk, and memory would follow the file's size rather than the rows kept. (Prefixing makes a
 * concatenation; slicing it flattens that into a string of its own.)
 */
function detach(s: string): string {
  return (' ' + s).slice(1);
}


/** The old DOS end-of-file mark some exporters still append: no content. */
const CTRL_Z = '\x1a';

/**
 * A cell written as Excel's text formula `="0360…"` (how a CSV keeps leading zeros and long numbers as text
 * when Excel opens it) holds the text inside the quotes.
 */
export function excelText(field: string): string {
  const n = field.length;
  if (n < 3 || field.charCodeAt(0) !== 61 || field.charCodeAt(1) !== 34 || field.charCodeAt(n - 1) !== 34) return field;
  const inner = field.slice(2, n - 1);
  return inner.includes('"') ? inner.replaceAll('""', '"') : inner;
}
/**
 * The rows of a text file, parsed a decoded chunk at a time. A plain iterator rather than an async generator:
 * rows already parsed are handed out without suspending, which costs a few times less per row.
 */
class TextRows implements AsyncIterableIterator<RawRow> {
  private readonly chunks: AsyncIterator<string>;
  private readonly parser: DelimitedParser;
  /** Rows handed out or passed over. */
  private n = 0;
  private ended = false;
  /** Whether row n + 1 is to be passed over, once asked (`skip` is asked once per row). */
  private skipping: boolean | null = null;

  constructor(
    private readonly file: string,
    enc: TextEncoding,
    delimiter: Delimiter,
    stripApostrophe: boolean,
    private readonly skip?: RowSkip,
  ) {
    this.chunks = decodeFile(file, enc)[Symbol.asyncIterator]();
    this.parser = new DelimitedParser(delimiter, { stripApostrophe });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<RawRow>> {
    if (this.ended) return Promise.resolve(DONE);
    try {
      const row = this.take();
      return row === null ? this.fill() : Promise.resolve({ value: row, done: false });
    } catch (err) {
      return Promise.reject(this.fail(err));
    }
  }

  async return(): Promise<IteratorResult<RawRow>> {
    this.ended = true;
    await this.chunks.return?.();
    return DONE;
  }

  /** The next row not passed over, or null when more text is needed (or none is left). */
  private take(): RawRow | null {
    for (;;) {
      if (this.skip !== undefined && this.parser.pending && (this.skipping ??= this.skip(this.n + 1))) {
        // A row to pass over: its line is not split where it needs no parsing.
        const passed = this.parser.skip();
        if (passed === null) return null;
        if (passed) {
          this.n++;
          this.skipping = null;
          continue;
        }
      }
      const record = this.parser.next();
      if (record === null) return null;
      this.n++;
      const skipped = this.skipping === true;
      this.skipping = null;
      if (!skipped) return this.row(record);
    }
  }

  private row(record: string[]): RawRow {
    const cells: (Cell | undefined)[] = [];
    for (let i = 0; i < record.length; i++) {
      const text = excelText(record[i]);
      if (text === CTRL_Z) continue;
      if (text !== '') cells[i] = { v: text.length < SLICE_MIN ? text : detach(text) };
    }
    return { row: this.n, cells };
  }

  /** Feeds chunks until a record is complete or the file ends. */
  private async fill(): Promise<IteratorResult<RawRow>> {
    try {
      for (;;) {
        const chunk = await this.chunks.next();
        if (chunk.done) this.parser.finish();
        else this.parser.feed(chunk.value);
        const row = this.take();
        if (row !== null) return { value: row, done: false };
        if (chunk.done) {
          this.ended = true;
          return DONE;
        }
      }
    } catch (err) {
      throw this.fail(err);
    }
  }

  /** The failure as users read it, naming the line after the rows handed out. */
  private fail(err: unknown): Error {
    this.ended = true;
    const line = this.n + 1;
    return wrapError(this.file, err, `第 ${line} 行起文本格式有误`);
  }
}

export async function openText(file: string, head: Uint8Array): Promise<WorkbookSource> {
  const encoding = await detectEncoding(file, head);
  let sniff: { text: string; complete: boolean };
  try {
    sniff = await headLines(file, encoding);
  } catch (err) {
    throw fsError(file, err);
  }
  if (sniff.complete && sniff.text.length === 0) throw readError(file, '文件为空');
  const delimiter = detectDelimiter(sniff.text);
  const stripApostrophe = detectApostrophes(sampleRecords(sniff.text, delimiter, sniff.complete));
  const name = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || file;
  return {
    file,
    format: delimiter === '\t' ? 'tsv' : 'csv',
    encoding,
    date1904: false,
    sheets: [
      {
        name,
        hidden: false,
        merges: [],
        hiddenColumns: [],
        rows: (skip?: RowSkip) => new TextRows(file, encoding, delimiter, stripApostrophe, skip),
      },
    ],
  };
}
