/**
 * Scanners over the bytes of xlsx XML for the fast reader. Worksheet parts are read as the inflated bytes
 * themselves, not as decoded text: markup is ASCII, so tags, attributes, numbers and references are read byte
 * by byte (a typed-array read costs a fraction of a string character read in V8), and only the text a cell
 * keeps is decoded, into a compact string of its own.
 *
 * `byteAt` gives NaN outside the bytes, so that scanners meet the end of a chunk as `charCodeAt` would; it
 * never reads outside, which keeps V8's compiled reads fast.
 */

export function byteAt(b: Uint8Array, i: number): number {
  return i >= 0 && i < b.length ? b[i] : NaN;
}

/** UTF-8 text of the bytes from `start` to `end`, as a string of its own. */
export function utf8(b: Buffer, start: number, end: number): string {
  return b.toString('utf8', start, end);
}

/** `b` holds the ASCII `literal` at `at`. */
export function matchBytes(b: Uint8Array, at: number, literal: string): boolean {
  for (let k = 0; k < literal.length; k++) if (byteAt(b, at + k) !== literal.charCodeAt(k)) return false;
  return true;
}

/** `b` has the tag `<name` at `at`, followed by `>`, `/` or white space (not a longer name). */
export function tagAtBytes(b: Uint8Array, at: number, name: string): boolean {
  if (byteAt(b, at) !== 60 || !matchBytes(b, at + 1, name)) return false;
  const next = byteAt(b, at + 1 + name.length);
  return next === 62 || next === 47 || next <= 32;
}

/** `b` has the end tag `</name>` (or `</name ` …) at `at`. */
export function endTagAtBytes(b: Uint8Array, at: number, name: string): boolean {
  if (byteAt(b, at + 1) !== 47 || !matchBytes(b, at + 2, name)) return false;
  const next = byteAt(b, at + 2 + name.length);
  return next === 62 || next <= 32;
}

/** Where the values of a start tag's attributes `r`, `t` and `s` lie (-1: absent), and whether it closes itself. */
export interface TagAttributes {
  rStart: number;
  rEnd: number;
  tStart: number;
  tEnd: number;
  sStart: number;
  sEnd: number;
  selfClosing: boolean;
}

export function tagAttributes(): TagAttributes {
  return { rStart: -1, rEnd: -1, tStart: -1, tEnd: -1, sStart: -1, sEnd: -1, selfClosing: false };
}

/**
 * Reads a start tag's attributes byte by byte, from `from` (just after the tag's name) to its `>`, into `out`.
 * Other attributes than `r`, `t` and `s` are passed over. Returns the index after the tag, or -1 when `b` ends
 * first. Throws on a malformed tag.
 */
export function readStartTag(b: Uint8Array, from: number, out: TagAttributes): number {
  out.rStart = out.rEnd = out.tStart = out.tEnd = out.sStart = out.sEnd = -1;
  out.selfClosing = false;
  // Every read is checked against the end first (integers only: the most frequent code of the reader).
  const n = b.length;
  let j = from;
  for (;;) {
    while (j < n && b[j] <= 32) j++;
    if (j >= n) return -1;
    let c = b[j];
    if (c === 62) return j + 1;
    if (c === 47) {
      if (j + 1 >= n) return -1;
      if (b[j + 1] === 62) {
        out.selfClosing = true;
        return j + 2;
      }
      throw new Error('标签格式错误');
    }
    const nameStart = j;
    for (; j < n; j++) {
      c = b[j];
      if (c === 61 || c <= 32 || c === 62 || c === 47) break;
    }
    const nameEnd = j;
    while (j < n && b[j] <= 32) j++;
    if (j >= n) return -1;
    if (b[j] !== 61) throw new Error('标签格式错误');
    j++;
    while (j < n && b[j] <= 32) j++;
    if (j >= n) return -1;
    const quote = b[j];
    if (quote !== 34 && quote !== 39) throw new Error('标签格式错误');
    const valueStart = ++j;
    while (j < n && b[j] !== quote) j++;
    if (j >= n) return -1;
    if (nameEnd - nameStart === 1) {
      const name = b[nameStart];
      if (name === 114) {
        out.rStart = valueStart;
        out.rEnd = j;
      } else if (name === 116) {
        out.tStart = valueStart;
        out.tEnd = j;
      } else if (name === 115) {
        out.sStart = valueStart;
        out.sEnd = j;
      }
    }
    j++;
  }
}

/** A non-negative decimal integer written in `b` between `start` and `end` (spaces allowed); -1 when it is not one. */
export function digitsAt(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  let any = false;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      any = true;
    } else if (c > 32) {
      return -1;
    }
  }
  return any && n <= Number.MAX_SAFE_INTEGER ? n : -1;
}

/**
 * 0-based column of a cell reference such as `AB12` written in `b` between `start` and `end`; -1 when the
 * reference has no column letters or is not a reference.
 */
export function columnAt(b: Uint8Array, start: number, end: number): number {
  let col = 0;
  let i = start;
  for (; i < end; i++) {
    const c = b[i] | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === start || col > 16384) return -1;
  for (; i < end; i++) {
    const c = b[i];
    if (c < 48 || c > 57) return -1;
  }
  return col - 1;
}
