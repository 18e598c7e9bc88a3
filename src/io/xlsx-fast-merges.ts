/**
 * Merged ranges of a worksheet. `<mergeCells>` follows `<sheetData>`, so a reader that streams the rows meets
 * it only at the end, after the table layer needed it for the header. The part is therefore inflated once
 * before its rows are read: the bytes are searched for `<mergeCells` without decoding them, and only what
 * follows is kept (memory stays flat in sheet size). Inflating alone costs a small part of tokenizing.
 */
import type { MergeRange } from './types.js';
import type { ZipFile } from './zip.js';
import { decodeXml, elements } from './xlsx-meta.js';
import { entryChunks } from './xlsx-fast-parts.js';

const MARKER = Buffer.from('<mergeCells', 'latin1');

/**
 * Column and row (1-based) of the cell reference between `start` and `end` of `s` (`AB12`): letters, then
 * digits only; null when it is not one.
 */
function corner(s: string, start: number, end: number): { row: number; col: number } | null {
  let col = 0;
  let i = start;
  for (; i < end; i++) {
    const lower = s.charCodeAt(i) | 0x20;
    if (lower < 97 || lower > 122) break;
    col = col * 26 + (lower - 96);
  }
  if (i === start || i === end || col > 16384) return null;
  let row = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  return row >= 1 && row <= Number.MAX_SAFE_INTEGER ? { row, col } : null;
}

/** `A1:J1` (or a single cell `B2`) as a range; null when the reference is not one. */
export function parseRange(ref: string): MergeRange | null {
  const text = ref.trim();
  const colon = text.indexOf(':');
  const fromEnd = colon < 0 ? text.length : colon;
  const next = colon < 0 ? -1 : text.indexOf(':', colon + 1);
  const a = corner(text, 0, fromEnd);
  const b = colon < 0 ? a : corner(text, colon + 1, next < 0 ? text.length : next);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

const REF = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** The `ref` attribute of every `<mergeCell>` in `xml` (a plain tag name; prefixed ones go through `elements`). */
function mergeRefs(xml: string): string[] {
  if (xml.includes(':mergeCell') && /<[\w.-]+:mergeCell\b/.test(xml)) {
    return elements(xml, 'mergeCell').map((cell) => cell.get('ref') ?? '');
  }
  const refs: string[] = [];
  let i = 0;
  for (;;) {
    const at = xml.indexOf('<mergeCell', i);
    if (at < 0) break;
    const gt = xml.indexOf('>', at);
    if (gt < 0) break;
    i = gt + 1;
    const after = xml.charCodeAt(at + 10);
    if (after !== 47 && after !== 62 && after > 32) continue; // `<mergeCells`, or a longer name
    const m = REF.exec(xml.slice(at + 10, gt));
    const ref = m ? (m[1] ?? m[2]) : '';
    refs.push(ref.includes('&') ? decodeXml(ref) : ref);
  }
  return refs;
}

/** The merged ranges listed in a worksheet part. */
export async function readMerges(zip: ZipFile, path: string): Promise<MergeRange[]> {
  const kept: Buffer[] = [];
  let carry = Buffer.alloc(0);
  for await (const chunk of entryChunks(zip, path)) {
    if (kept.length > 0) {
      kept.push(chunk);
      continue;
    }
    // The marker may straddle two chunks: look at the end of the last one joined to the start of this one.
    const seam = Buffer.concat([carry, chunk.subarray(0, MARKER.length - 1)]);
    const inSeam = seam.indexOf(MARKER);
    if (inSeam >= 0 && inSeam < carry.length) {
      kept.push(seam.subarray(inSeam, carry.length), chunk);
      continue;
    }
    const at = chunk.indexOf(MARKER);
    if (at >= 0) kept.push(chunk.subarray(at));
    else carry = Buffer.from(chunk.subarray(Math.max(0, chunk.length - MARKER.length + 1)));
  }
  if (kept.length === 0) return [];
  const text = Buffer.concat(kept).toString('utf8');
  const end = text.indexOf('</mergeCells>');
  const merges: MergeRange[] = [];
  for (const ref of mergeRefs(end >= 0 ? text.slice(0, end) : text)) {
    const range = parseRange(ref);
    if (range) merges.push(range);
  }
  return merges;
}
