/**
 * Parts of an xlsx for the fast reader: an entry's bytes streamed through inflate, where the workbook keeps its
 * shared strings and styles, and the shared-string table itself (each item decoded on its own from the bytes,
 * so that a character cut by a chunk boundary stays whole).
 */
import type { ZipFile } from './zip.js';
import { elements } from './xlsx-meta.js';
import { itemText, tagAt } from './xlsx-fast-text.js';
import { tagAtBytes } from './xlsx-fast-bytes.js';

/**
 * Bytes inflated at a time: 256 KiB reads the registered sources about a tenth faster than 64 KiB (fewer
 * trips through the stream and the row tokenizer's seams).
 */
export const INFLATE_CHUNK = 256 * 1024;

/** Decompressed bytes of an entry, chunk by chunk as inflate gives them. Stops reading when the consumer stops. */
export function entryChunks(zip: ZipFile, name: string): AsyncGenerator<Buffer> {
  return zip.chunks(name, INFLATE_CHUNK);
}

export interface WorkbookParts {
  sharedStrings: string | null;
  styles: string | null;
}

/** Part path of a relationship target of `xl/workbook.xml`. */
function resolve(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Where the workbook's relationships put its shared strings and styles (null: the workbook has none). */
export async function workbookParts(zip: ZipFile): Promise<WorkbookParts> {
  const rels = (await zip.read('xl/_rels/workbook.xml.rels'))?.toString('utf8') ?? '';
  const parts: WorkbookParts = { sharedStrings: null, styles: null };
  for (const rel of elements(rels, 'Relationship')) {
    const target = rel.get('Target');
    if (!target || rel.get('TargetMode') === 'External') continue;
    const type = rel.get('Type') ?? '';
    if (/\/sharedStrings$/.test(type)) parts.sharedStrings = resolve(target);
    else if (/\/styles$/.test(type)) parts.styles = resolve(target);
  }
  return parts;
}

/** `</t>` ends at `end`. */
function endsWithCloseT(buf: Buffer, end: number): boolean {
  return buf[end - 4] === 60 && buf[end - 3] === 47 && buf[end - 2] === 116 && buf[end - 1] === 62;
}

/** The bytes from `start` to `end` hold something `xmlText` would change: a reference, a CR, an `_xHHHH_`. */
function needsDecoding(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b === 38 || b === 13 || (b === 95 && buf[i + 1] === 120)) return true;
  }
  return false;
}

/**
 * Text of the string item whose content lies in `buf` from `start` to `end`. The usual item, one plain `<t>`
 * without references, is decoded straight from its bytes: a compact string of its own (one byte a character
 * for ASCII text such as ID numbers), not a view into a larger text. Anything else goes through `itemText`.
 */
function itemOf(buf: Buffer, start: number, end: number): string {
  if (tagAtBytes(buf, start, 't') && end - start >= 7 && endsWithCloseT(buf, end)) {
    const gt = buf.indexOf(62, start + 2);
    const textStart = gt + 1;
    const textEnd = end - 4;
    if (gt > 0 && buf[gt - 1] !== 47 && textStart <= textEnd && buf.indexOf(60, textStart) === textEnd && !needsDecoding(buf, textStart, textEnd)) {
      return buf.toString('utf8', textStart, textEnd);
    }
  }
  const xml = buf.toString('utf8', start, end);
  return itemText(xml, 0, xml.length);
}

const EMPTY = Buffer.alloc(0);
// Needles as bytes: a string needle is encoded again on every search.
const SI_OPEN = Buffer.from('<si', 'latin1');
const SI_CLOSE = Buffer.from('</si>', 'latin1');
const ROOT = /<(?:[\w.-]+:)?sst[\s>/]/;

/**
 * The shared-string table, built from the part's bytes chunk by chunk: one string per `<si>` item, decoded on
 * its own (see `itemOf`). An item cut by a chunk boundary is kept for the next chunk.
 */
export class SharedStringsParser {
  readonly strings: string[] = [];
  private carry: Buffer = EMPTY;
  private root: 'unseen' | 'plain' | 'prefixed' = 'unseen';

  push(chunk: Buffer): void {
    const buf = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    if (this.root === 'unseen') {
      // Tag names are ASCII: a one-byte decoding finds them wherever they stand.
      const head = buf.toString('latin1');
      const at = head.search(ROOT);
      if (at < 0) {
        this.carry = buf;
        return;
      }
      this.root = tagAt(head, at, 'sst') ? 'plain' : 'prefixed';
    }
    if (this.root === 'prefixed') {
      this.carry = EMPTY;
      return;
    }
    let i = 0;
    for (;;) {
      const open = buf.indexOf(SI_OPEN, i);
      if (open < 0) {
        i = Math.max(i, buf.length - 3);
        break;
      }
      const gt = buf.indexOf(62, open);
      if (gt < 0) {
        i = open;
        break;
      }
      if (!tagAtBytes(buf, open, 'si')) {
        i = gt + 1;
        continue;
      }
      if (buf[gt - 1] === 47) {
        this.strings.push('');
        i = gt + 1;
        continue;
      }
      const close = buf.indexOf(SI_CLOSE, gt);
      if (close < 0) {
        i = open;
        break;
      }
      this.strings.push(itemOf(buf, gt + 1, close));
      i = close + 5;
    }
    this.carry = i < buf.length ? buf.subarray(i) : EMPTY;
  }

  /** The table; null when the part uses a namespace prefix (`<x:sst>`), which this reader does not take. */
  end(): string[] | null {
    if (this.root === 'prefixed') return null;
    if (this.root === 'unseen' && new TextDecoder().decode(this.carry).trim() !== '') return null;
    if (this.carry.includes(SI_OPEN)) throw new Error('共享字符串不完整');
    return this.strings;
  }
}

export async function readSharedStrings(zip: ZipFile, path: string): Promise<string[] | null> {
  const parser = new SharedStringsParser();
  for await (const chunk of entryChunks(zip, path)) parser.push(chunk);
  return parser.end();
}
