/**
 * Reading floors for the county bench, over the same files the audit reads, counting cells only:
 *   library — a bare exceljs streaming loop (xlsx) and a bare iconv-lite + csv-parse loop (text)
 *   raw     — inflating each sheet entry of the zip and counting `<c` tags, and splitting decoded text
 *             into lines and cells (the physical limit a reader can aim at)
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import { ZipFile } from '../io/zip.js';

export interface FloorFile {
  file: string;
  format: 'xlsx' | 'csv' | 'tsv';
  encoding: string | null;
}

export interface FloorCount {
  cells: number;
  ms: number;
}

const decoderName = (encoding: string | null): string => (encoding === 'utf-8-bom' || !encoding ? 'utf-8' : encoding);

async function exceljsCells(file: string): Promise<number> {
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'ignore', worksheets: 'emit', hyperlinks: 'ignore' });
  for await (const ws of reader) for await (const r of ws) cells += (r as ExcelJS.Row).cellCount;
  return cells;
}

async function csvCells(f: FloorFile): Promise<number> {
  let cells = 0;
  const parser = createReadStream(f.file)
    .pipe(iconv.decodeStream(decoderName(f.encoding)))
    .pipe(parse({ delimiter: f.format === 'tsv' ? '\t' : ',', relax_column_count: true, relax_quotes: true, quote: f.format === 'tsv' ? false : '"', bom: true }));
  for await (const rec of parser as AsyncIterable<string[]>) cells += rec.length;
  return cells;
}

/** Counts `<c ` and `<c>` in a byte stream (tags may straddle chunks). */
function tagCounter(): { push: (b: Buffer) => void; count: () => number } {
  let n = 0;
  let tail: Buffer = Buffer.alloc(0);
  return {
    push(chunk) {
      const buf = tail.length ? Buffer.concat([tail, chunk]) : chunk;
      let i = buf.indexOf('<c', 0, 'latin1');
      while (i >= 0 && i + 2 < buf.length) {
        const next = buf[i + 2];
        if (next === 0x20 || next === 0x3e) n++;
        i = buf.indexOf('<c', i + 2, 'latin1');
      }
      tail = buf.subarray(Math.max(0, buf.length - 2));
    },
    count: () => n,
  };
}

async function rawXlsxCells(file: string): Promise<number> {
  const zip = await ZipFile.open(file);
  let cells = 0;
  for (const e of zip.entries.values()) {
    if (!/^xl\/(worksheets\/sheet\d+\.xml|sharedStrings\.xml)$/.test(e.name)) continue;
    const fh = await open(file, 'r');
    const header = Buffer.alloc(30);
    await fh.read(header, 0, 30, e.headerOffset);
    await fh.close();
    const start = e.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (e.compressedSize === 0) continue;
    const raw = createReadStream(file, { start, end: start + e.compressedSize - 1 });
    const source = e.method === 0 ? raw : raw.pipe(createInflateRaw());
    const counter = tagCounter();
    for await (const chunk of source) counter.push(chunk as Buffer);
    if (e.name.startsWith('xl/worksheets/')) cells += counter.count();
  }
  return cells;
}

async function rawTextCells(f: FloorFile): Promise<number> {
  const decoder = new TextDecoder(decoderName(f.encoding));
  const sep = f.format === 'tsv' ? '\t' : ',';
  let cells = 0;
  let rest = '';
  for await (const chunk of createReadStream(f.file)) {
    const text = rest + decoder.decode(chunk as Buffer, { stream: true });
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines) cells += l.split(sep).length;
  }
  rest += decoder.decode();
  if (rest.trim()) cells += rest.split(sep).length;
  return cells;
}

export async function floor(kind: 'library' | 'raw', files: FloorFile[]): Promise<{ xlsx: FloorCount; text: FloorCount }> {
  const xlsx: FloorCount = { cells: 0, ms: 0 };
  const text: FloorCount = { cells: 0, ms: 0 };
  for (const f of files) {
    const t0 = performance.now();
    if (f.format === 'xlsx') {
      xlsx.cells += kind === 'library' ? await exceljsCells(f.file) : await rawXlsxCells(f.file);
      xlsx.ms += performance.now() - t0;
    } else {
      text.cells += kind === 'library' ? await csvCells(f) : await rawTextCells(f);
      text.ms += performance.now() - t0;
    }
  }
  return { xlsx, text };
}
