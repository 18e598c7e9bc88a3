/**
 * What an xlsx says about itself before any row is read: its worksheets (name, state, part path), the 1904
 * flag, and per sheet the hidden columns (from `<cols>`, which precedes `<sheetData>`).
 */
import type { ZipFile } from './zip.js';

export interface XlsxSheetInfo {
  name: string;
  hidden: boolean;
  /** Part path inside the zip, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
}

export interface XlsxInfo {
  sheets: XlsxSheetInfo[];
  date1904: boolean;
  /** The workbook part uses a namespace prefix (`<x:workbook>`), which the streaming reader does not understand. */
  prefixed: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[ref] ?? all;
  });
}

/** Attributes of every element with the given local name (any namespace prefix). */
export function elements(xml: string, localName: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  const re = new RegExp(`<(?:[\\w.-]+:)?${localName}\\b([^>]*)>`, 'g');
  for (const m of xml.matchAll(re)) {
    const attrs = new Map<string, string>();
    for (const a of m[1].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs.set(a[1], decodeXml(a[2] ?? a[3] ?? ''));
    }
    out.push(attrs);
  }
  return out;
}

/** Value of a namespaced attribute such as `r:id`, whatever its prefix. */
function prefixedAttr(attrs: Map<string, string>, localName: string): string | undefined {
  for (const [k, v] of attrs) {
    const colon = k.indexOf(':');
    if (colon > 0 && k.slice(colon + 1) === localName && k.slice(0, colon) !== 'xmlns') return v;
  }
  return undefined;
}

function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export async function readXlsxInfo(zip: ZipFile): Promise<XlsxInfo | null> {
  const workbook = await zip.read('xl/workbook.xml');
  const rels = await zip.read('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return null;
  const wbXml = workbook.toString('utf8');
  const targets = new Map<string, string>();
  for (const rel of elements(rels.toString('utf8'), 'Relationship')) {
    const id = rel.get('Id');
    const target = rel.get('Target');
    if (id && target && /\/worksheet$/.test(rel.get('Type') ?? '')) targets.set(id, resolveTarget(target));
  }
  const sheets: XlsxSheetInfo[] = [];
  for (const sheet of elements(wbXml, 'sheet')) {
    const path = targets.get(prefixedAttr(sheet, 'id') ?? '');
    if (!path) continue; // chart sheets, dialog sheets: no cells
    const state = sheet.get('state');
    sheets.push({ name: sheet.get('name') ?? '', hidden: state === 'hidden' || state === 'veryHidden', path });
  }
  const pr = elements(wbXml, 'workbookPr')[0];
  return {
    sheets,
    date1904: isTrue(pr?.get('date1904')),
    prefixed: /<[\w.-]+:workbook\b/.test(wbXml),
  };
}

export interface SheetHead {
  hiddenColumns: number[];
  /** The worksheet part uses a namespace prefix (`<x:worksheet>`). */
  prefixed: boolean;
  /** The first row and its cells carry their references (`r="A1"`); some writers leave them out. */
  cellsHaveReferences: boolean;
  /** The part's root element is a plain `<worksheet>` (not prefixed, and the text decodes as UTF-8). */
  worksheetRoot: boolean;
}

/** Hidden columns (0-based) from the `<cols>` block at the top of a worksheet part, and a look at its first row. */
export async function readSheetHead(zip: ZipFile, path: string): Promise<SheetHead> {
  const head = (await zip.readUntil(path, '</row>')) ?? '';
  const dataAt = head.search(/<(?:[\w.-]+:)?sheetData\b/);
  const top = dataAt >= 0 ? head.slice(0, dataAt) : head;
  const hiddenColumns: number[] = [];
  for (const col of elements(top, 'col')) {
    if (!isTrue(col.get('hidden'))) continue;
    const min = parseInt(col.get('min') ?? '', 10);
    const max = parseInt(col.get('max') ?? '', 10);
    if (!(min >= 1 && max >= min)) continue;
    for (let c = min; c <= Math.min(max, 16384); c++) hiddenColumns.push(c - 1);
  }
  // The text read may run on past the first row (it ends with a whole inflated chunk).
  const rowEnd = head.indexOf('</row>', dataAt);
  const firstRow = dataAt < 0 ? '' : rowEnd < 0 ? head.slice(dataAt) : head.slice(dataAt, rowEnd);
  const cellsHaveReferences = [...elements(firstRow, 'row'), ...elements(firstRow, 'c')].every((a) => a.has('r'));
  return {
    hiddenColumns,
    prefixed: /<[\w.-]+:worksheet\b/.test(dataAt >= 0 ? top : head),
    cellsHaveReferences,
    worksheetRoot: /<worksheet[\s>]/.test(dataAt >= 0 ? top : head.slice(0, 64 * 1024)),
  };
}
