/**
 * Merged ranges of a worksheet. `<mergeCells>` follows `<sheetData>`, so a reader that streams the rows meets
 * it only at the end, after the table layer needed it for the header. The part is therefore inflated once
 * before its rows are read: the bytes are searched for `<mergeCells` without decoding them, and only what
 * follows is kept (memory stays flat in sheet size). Inflating alone costs a small part of tokenizing.
 */
import type { MergeRange } from './types.js';
import type { ZipFile } from './zip.js';
import { elements } from './xlsx-meta.js';
import { entryChunks } from './xlsx-fast-parts.js';
import { columnAt, digitsAt } from './xlsx-fast-text.js';

const MARKER = Buffer.from('<mergeCells', 'latin1');

/** `A1:J1` (or a single cell `B2`) as a range; null when the reference is not one. */
export function parseRange(ref: string): MergeRange | null {
  const [from, to = from] = ref.trim().split(':');
  const corner = (cell: string) => {
    const letters = /^[A-Za-z]+/.exec(cell)?.[0].length ?? 0;
    const col = columnAt(cell, 0, cell.length);
    const row = digitsAt(cell, letters, cell.length);
    return col >= 0 && row >= 1 ? { row, col: col + 1 } : null;
  };
  const a = corner(from);
  const b = corner(to);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
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
  for (const cell of elements(end >= 0 ? text.slice(0, end) : text, 'mergeCell')) {
    const range = parseRange(cell.get('ref') ?? '');
    if (range) merges.push(range);
  }
  return merges;
}
