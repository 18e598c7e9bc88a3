/**
 * Cell values and shared styles of the audit workbooks. The writer caches a style by object identity, so every
 * kind of cell uses ONE frozen style object (never mutated, never created per cell).
 */
import type { CellStyle } from '../io/xlsx-write.js';

/** What a report cell holds: text, a number, or nothing. */
export type Out = string | number | null;

/** The workbooks' font (also of cells without a style). */
export const FONT = { name: '宋体', size: 11 };
const BOLD = { ...FONT, bold: true };
const TOP = { vertical: 'top' } as const;
const WRAP = { vertical: 'top', wrapText: true } as const;
const fill = (argb: string): CellStyle['fill'] => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const MARK_FILL = fill('FFFFEB9C');
const MARK_FONT = { ...FONT, color: { argb: 'FF9C5700' } };
const THIN = { style: 'thin', color: { argb: 'FF9E9E9E' } } as const;

/**
 * Text cells carry the Text number format `@`: Excel, WPS and LibreOffice then keep whatever is typed into
 * them as text, so a value such as `=1+1` stays text even after a user edits the cell.
 */
export const STYLES = {
  title: { numFmt: '@', font: { ...FONT, size: 14, bold: true } },
  header: {
    numFmt: '@',
    font: BOLD,
    fill: fill('FFDDEBF7'),
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    border: { bottom: THIN, top: THIN, left: THIN, right: THIN },
  },
  text: { numFmt: '@', font: FONT, alignment: TOP },
  wrap: { numFmt: '@', font: FONT, alignment: WRAP },
  bold: { numFmt: '@', font: BOLD, alignment: TOP },
  markText: { numFmt: '@', font: MARK_FONT, fill: MARK_FILL, alignment: TOP },
  number: { numFmt: 'General', font: FONT, alignment: TOP },
  boldNumber: { numFmt: 'General', font: BOLD, alignment: TOP },
  markNumber: { numFmt: 'General', font: MARK_FONT, fill: MARK_FILL, alignment: TOP },
  /** Empty cells: shared too, or the writer builds a style for every one of them. */
  none: {},
} satisfies Record<string, CellStyle>;
for (const s of Object.values(STYLES)) Object.freeze(s);

export type StyleName = keyof typeof STYLES;

/** Excel's limit on the characters of one cell. */
const MAX_CELL = 32767;
const CUT_NOTE = '…（内容过长，已截断）';
// Characters XML 1.0 cannot hold (they make the workbook unreadable): C0 controls except tab/LF/CR, and U+FFFE/FFFF.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as it may go into a cell: XML-invalid characters removed, cut to Excel's cell limit. */
export function cellText(s: string): string {
  const clean = s.replace(XML_INVALID, '');
  return clean.length <= MAX_CELL ? clean : clean.slice(0, MAX_CELL - CUT_NOTE.length) + CUT_NOTE;
}

/** Whether code point `c` shows double-width (CJK and full-width characters). */
function isWide(c: number): boolean {
  return c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000);
}

/**
 * Display width of a text (from `from` to `to`) in Excel column units (CJK and full-width characters count
 * double). Asked of every cell of the workbook, so it reads character codes and makes no strings.
 */
export function textWidth(s: string, from = 0, to = s.length): number {
  let w = 0;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

/** Width of a cell's content: the longest line of text, or a number's digits. */
export function outWidth(v: Out): number {
  if (v === null) return 0;
  if (typeof v === 'number') return String(v).length;
  let max = 0;
  for (let start = 0; start <= v.length; ) {
    const end = lineEnd(v, start);
    max = Math.max(max, textWidth(v, start, end));
    start = end + 1;
  }
  return max;
}

/** Where the line of `v` that starts at `start` ends (a line break, or the end of the text). */
function lineEnd(v: string, start: number): number {
  const end = v.indexOf('\n', start);
  return end === -1 ? v.length : end;
}

/** Height in points of one line of the 11-point font. */
export const LINE_HEIGHT = 15;

/**
 * Lines a wrapped text takes in a column of `width` units. Readers do not all grow rows to fit wrapped text
 * (LibreOffice keeps the default height), so rows with wrapped cells get an explicit height.
 */
export function wrappedLines(v: Out, width: number): number {
  if (typeof v !== 'string') return 1;
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (let start = 0; start <= v.length; ) {
    const end = lineEnd(v, start);
    lines += Math.max(1, Math.ceil(textWidth(v, start, end) / room));
    start = end + 1;
  }
  return lines;
}
