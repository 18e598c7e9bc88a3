/**
 * Opens any spreadsheet file the sources arrive in. The content decides the reader, never the extension:
 * zip → xlsx (streaming: the fast reader of xlsx-fast.ts; exceljs when JINGZHUN_XLSX_READER=exceljs or for
 * layouts the fast reader does not take), compound file → legacy xls, HTML or SpreadsheetML 2003 text → SheetJS,
 * anything else → delimited text.
 */
import { open, stat } from 'node:fs/promises';
import type { WorkbookSource } from './types.js';
import { ReadError } from './types.js';
import { fsError, readError, wrapError, DAMAGED } from './errors.js';
import { ZipFile, ZipFormatError } from './zip.js';
import { openXlsx } from './xlsx.js';
import { openFastXlsx } from './xlsx-fast.js';
import { openBiff, openMarkup } from './sheetjs.js';
import { bomEncoding, bomlessUtf16, decodeWhole, detectEncoding, openText } from './text.js';

const HEAD_BYTES = 8 * 1024;

async function readHead(file: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    throw fsError(file, err);
  }
  if (info.isDirectory()) throw readError(file, '这是一个文件夹，不是文件');
  if (!info.isFile()) throw readError(file, '不是普通文件');
  if (info.size === 0) throw readError(file, '文件为空');
  try {
    const fh = await open(file, 'r');
    try {
      const buf = Buffer.alloc(Math.min(HEAD_BYTES, info.size));
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw fsError(file, err);
  }
}

function startsWith(head: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

/** The head as text, good enough to find ASCII markers in UTF-8, GB18030 or UTF-16 (with a BOM or without). */
function headText(head: Buffer): string {
  const bom = bomEncoding(head) ?? bomlessUtf16(head);
  if (bom === 'utf-16le' || bom === 'utf-16be') return new TextDecoder(bom).decode(head);
  return head.toString('latin1');
}

export type MarkupKind = 'xls-html' | 'xls-spreadsheetml';

export function sniffMarkup(head: Buffer): MarkupKind | null {
  const text = headText(head).replace(/^\uFEFF/, '').replace(/^(?:ï»¿)/, '');
  const lead = text.trimStart().toLowerCase();
  if (!lead.startsWith('<')) return null;
  if (lead.startsWith('<?xml') && /urn:schemas-microsoft-com:office:spreadsheet|progid="excel\.sheet"/.test(lead)) {
    return 'xls-spreadsheetml';
  }
  if (/<html|<table|<!doctype html/.test(lead)) return 'xls-html';
  return null;
}

export type XlsxReader = 'fast' | 'exceljs';

/** The xlsx reader in use: the fast one unless the environment variable JINGZHUN_XLSX_READER says `exceljs`. */
export function xlsxReader(): XlsxReader {
  return process.env.JINGZHUN_XLSX_READER === 'exceljs' ? 'exceljs' : 'fast';
}

async function openZip(file: string): Promise<WorkbookSource> {
  let zip: ZipFile;
  try {
    zip = await ZipFile.open(file);
  } catch (err) {
    if (err instanceof ZipFormatError) throw readError(file, `${DAMAGED}（压缩包不完整或已损坏）`);
    throw fsError(file, err);
  }
  try {
    const fast = xlsxReader() === 'fast' ? await openFastXlsx(file, zip) : null;
    return fast ?? (await openXlsx(file, zip));
  } catch (err) {
    throw wrapError(file, err);
  }
}

async function openMarkupFile(file: string, kind: MarkupKind, head: Buffer): Promise<WorkbookSource> {
  const encoding = await detectEncoding(file, head);
  let text: string;
  try {
    text = await decodeWhole(file, encoding);
  } catch (err) {
    throw fsError(file, err);
  }
  return openMarkup(file, kind, text, encoding);
}

/** Opens a spreadsheet file. Every failure is a ReadError with a Chinese message naming the file. */
export async function openWorkbook(file: string): Promise<WorkbookSource> {
  try {
    const head = await readHead(file);
    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return await openZip(file);
    if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return await openBiff(file);
    if (startsWith(head, [0x50, 0x4b, 0x05, 0x06]) || startsWith(head, [0x50, 0x4b, 0x07, 0x08])) throw readError(file, `${DAMAGED}（压缩包不完整或已损坏）`);
    const markup = sniffMarkup(head);
    if (markup) return await openMarkupFile(file, markup, head);
    if (looksBinary(head)) throw readError(file, DAMAGED);
    return await openText(file, head);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw wrapError(file, err);
  }
}

/**
 * Random bytes or another binary format: NUL bytes outside UTF-16 text, or many control characters.
 * Text files (any encoding we read) have neither.
 */
function looksBinary(head: Buffer): boolean {
  const bom = bomEncoding(head) ?? bomlessUtf16(head);
  if (bom === 'utf-16le' || bom === 'utf-16be') return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > head.length / 100 + 1;
}
