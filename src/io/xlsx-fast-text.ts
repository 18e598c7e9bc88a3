/**
 * Text of xlsx XML for the fast reader: element content to a string (line ends as an XML parser gives them,
 * entity references, CDATA sections, the `_xHHHH_` escapes of OOXML) and string items (`<si>`, `<is>`: rich
 * text runs joined, phonetic runs left out). Markup itself is scanned as bytes (xlsx-fast-bytes.ts).
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

/** `s` holds `literal` at `at` (compared character by character: no call for the short literals of xlsx). */
export function matchAt(s: string, at: number, literal: string): boolean {
  for (let k = 0; k < literal.length; k++) if (codeAt(s, at + k) !== literal.charCodeAt(k)) return false;
  return true;
}
