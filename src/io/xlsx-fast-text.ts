/**
 * Text of xlsx XML for the fast reader: element content to a string (line ends as an XML parser gives them,
 * entity references, CDATA sections, the `_xHHHH_` escapes of OOXML), string items (`<si>`, `<is>`: rich text
 * runs joined, phonetic runs left out), and small attribute and integer scanners that work on index ranges of
 * a larger string, so that the sheet tokenizer builds no string it does not keep.
 */
import { decodeXml } from './xlsx-meta.js';

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML `_xHHHH_` escapes (`_x000D_` is a carriage return; `_x005F_` an underscore that escapes the next one). */
function unescapeOoxml(s: string): string {
  return s.replace(ESCAPE, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function decodePlain(raw: string): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (s.includes('&')) s = decodeXml(s);
  if (s.includes('_x')) s = unescapeOoxml(s);
  return s;
}

/**
 * `s` as a string of its own. In V8 a substring of 13 characters or more is a view into the string it was cut
 * from and keeps all of it alive: a kept ID number would hold its whole chunk of sheet XML.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Character content of an element as written between its tags (no child elements but CDATA sections), as a
 * string of its own (see `detached`).
 */
export function xmlText(raw: string): string {
  if (!raw.includes('<![CDATA[')) return detached(decodePlain(raw));
  let out = '';
  let i = 0;
  for (;;) {
    const open = raw.indexOf('<![CDATA[', i);
    if (open < 0) break;
    const close = raw.indexOf(']]>', open + 9);
    out += decodePlain(raw.slice(i, open)) + raw.slice(open + 9, close < 0 ? raw.length : close);
    i = close < 0 ? raw.length : close + 3;
  }
  return detached(out + decodePlain(raw.slice(i)));
}

/**
 * The character code at `i`, NaN outside the text, as `charCodeAt` gives it, but without reading outside: V8
 * stops compiling a `charCodeAt` inline once it has read out of range there (the scanners below meet the end of
 * every chunk), and calls a builtin instead, several times slower.
 */
export function codeAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : NaN;
}

/** `s` has the tag `<name` at `at`, followed by `>`, `/` or white space (not a longer name). */
export function tagAt(s: string, at: number, name: string): boolean {
  if (codeAt(s, at) !== 60 || !matchAt(s, at + 1, name)) return false;
  const next = codeAt(s, at + 1 + name.length);
  return next === 62 || next === 47 || next <= 32;
}

/**
 * Text of a string item whose content lies in `xml` between `start` and `end`: the `<t>` elements, in order,
 * outside phonetic runs (`<rPh>`). Formatting (`<rPr>`) and white space between elements are no text.
 */
export function itemText(xml: string, start: number, end: number): string {
  let out = '';
  let i = start;
  while (i < end) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= end) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0 || gt >= end) break;
    if (tagAt(xml, lt, 't')) {
      if (codeAt(xml, gt - 1) === 47) {
        i = gt + 1;
        continue;
      }
      const close = xml.indexOf('</t>', gt);
      const stop = close < 0 || close > end ? end : close;
      out += xmlText(xml.slice(gt + 1, stop));
      i = stop + 4;
    } else if (tagAt(xml, lt, 'rPh') && codeAt(xml, gt - 1) !== 47) {
      const close = xml.indexOf('</rPh>', gt);
      i = close < 0 || close > end ? end : close + 6;
    } else {
      i = gt + 1;
    }
  }
  return out;
}

/** Slots of `readStartTag`'s output: value ranges of the attributes `r`, `t`, `s`, then the self-closing flag. */
export const ATTR_R = 0;
export const ATTR_T = 2;
export const ATTR_S = 4;
export const SELF_CLOSING = 6;

/** `s` holds `literal` at `at` (compared character by character: no call for the short literals of xlsx). */
export function matchAt(s: string, at: number, literal: string): boolean {
  for (let k = 0; k < literal.length; k++) if (codeAt(s, at + k) !== literal.charCodeAt(k)) return false;
  return true;
}

/**
 * Reads a start tag's attributes character by character, from `from` (just after the tag's name) to its `>`.
 * The value of attribute `r` lies from `out[ATTR_R]` to `out[ATTR_R + 1]` (both -1 when it is absent), the
 * same for `t` and `s`; `out[SELF_CLOSING]` is 1 for a self-closing tag. Other attributes are passed over.
 * Returns the index after the tag, or -1 when `s` ends first. Throws on a malformed tag.
 */
export function readStartTag(s: string, from: number, out: Int32Array): number {
  out[0] = out[1] = out[2] = out[3] = out[4] = out[5] = -1;
  out[SELF_CLOSING] = 0;
  let j = from;
  for (;;) {
    let c = codeAt(s, j);
    while (c <= 32) c = codeAt(s, ++j);
    if (c === 62) return j + 1;
    if (c !== c) return -1; // NaN: end of text
    if (c === 47) {
      const next = codeAt(s, j + 1);
      if (next === 62) {
        out[SELF_CLOSING] = 1;
        return j + 2;
      }
      if (next !== next) return -1;
      throw new Error('标签格式错误');
    }
    const nameStart = j;
    while (c !== 61 && c > 32 && c !== 62 && c !== 47) c = codeAt(s, ++j);
    const nameEnd = j;
    while (c <= 32) c = codeAt(s, ++j);
    if (c !== 61) {
      if (c !== c) return -1;
      throw new Error('标签格式错误');
    }
    c = codeAt(s, ++j);
    while (c <= 32) c = codeAt(s, ++j);
    if (c !== 34 && c !== 39) {
      if (c !== c) return -1;
      throw new Error('标签格式错误');
    }
    const quote = c;
    const valueStart = ++j;
    c = codeAt(s, j);
    while (c !== quote) {
      if (c !== c) return -1;
      c = codeAt(s, ++j);
    }
    if (nameEnd - nameStart === 1) {
      const name = codeAt(s, nameStart);
      const slot = name === 114 ? ATTR_R : name === 116 ? ATTR_T : name === 115 ? ATTR_S : -1;
      if (slot >= 0) {
        out[slot] = valueStart;
        out[slot + 1] = j;
      }
    }
    j++;
  }
}

/** A non-negative decimal integer written in `s` between `start` and `end`; -1 when it is not one. */
export function digitsAt(s: string, start: number, end: number): number {
  let n = 0;
  let any = false;
  for (let i = start; i < end; i++) {
    const c = codeAt(s, i);
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
 * 0-based column of a cell reference such as `AB12` written in `s` between `start` and `end`; -1 when the
 * reference has no column letters or is not a reference.
 */
export function columnAt(s: string, start: number, end: number): number {
  let col = 0;
  let i = start;
  for (; i < end; i++) {
    const c = codeAt(s, i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === start || col > 16384) return -1;
  for (; i < end; i++) {
    const c = codeAt(s, i);
    if (c < 48 || c > 57) return -1;
  }
  return col - 1;
}
