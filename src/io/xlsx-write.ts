/**
 * Streaming .xlsx writer for tables: shared strings, cell styles, column widths, row heights, frozen panes,
 * autofilter, print setup and print titles. Rows go to the zip as they are added; only the shared strings and
 * the styles wait for the end. Written for the report workbooks, where exceljs's streaming writer took most
 * of the time (a prefecture's report: 65 s), and knows nothing of what the cells mean.
 */
import { ZipWriter, type ZipEntryWriter } from './zip-write.js';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's limits of one worksheet. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Sheet XML is handed to the zip in pieces of about this many characters. */
const PIECE = 1 << 20;

export interface Color {
  argb: string;
}

/** A cell style: the subset of exceljs's style shape the reports use. */
export interface CellStyle {
  /** '@' (text) or 'General'; other formats get their own id. */
  numFmt?: string;
  font?: { name?: string; size?: number; bold?: boolean; color?: Color };
  fill?: { type: 'pattern'; pattern: 'solid'; fgColor: Color };
  alignment?: { vertical?: 'top' | 'middle' | 'bottom'; horizontal?: 'left' | 'center' | 'right'; wrapText?: boolean };
  border?: Partial<Record<'left' | 'right' | 'top' | 'bottom', { style: 'thin' | 'medium'; color?: Color }>>;
}

export type CellValue = string | number | null;

export interface SheetOptions {
  /** Column widths in Excel's character units, from column A. */
  widths?: readonly number[];
  /** Frozen columns and rows (the panes stay visible while scrolling). */
  frozen?: { columns: number; rows: number };
  page?: { paperSize: number; landscape: boolean; fitToWidth: number; fitToHeight: number };
  /** Printed on every page: the first `rows` rows and the first `columns` columns. */
  printTitles?: { rows: number; columns: number };
}

export interface WorkbookProperties {
  title: string;
  creator: string;
  /** Created and modified date, and the time of every zip entry. */
  date: Date;
  /** The font of cells without a style. */
  defaultFont: { name: string; size: number };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#xD;' };
const NEEDS_ESCAPE = /[&<>"\r]/;
/** Text Excel would read as an escaped character (`_x0041_` is "A"): its underscore is escaped in turn. */
const OOXML_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)/g;

/**
 * Text escaped for XML content and attribute values (a carriage return kept as one). The opposite of the fast
 * reader's `xmlText`.
 */
function escapeXml(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(/[&<>"\r]/g, (c) => ESCAPES[c]) : s;
}

/** Cell text as a shared string holds it: XML-escaped, and `_xHHHH_` kept literal. */
function cellXml(s: string): string {
  return escapeXml(s.includes('_x') ? s.replace(OOXML_ESCAPE, '_x005F_') : s);
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A sheet name inside a formula: quoted, with its quotes doubled. */
const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** Numbers as Excel stores them (finite only; anything else is written as text by the caller). */
function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

class Styles {
  private readonly byObject = new Map<CellStyle, number>();
  private readonly byKey = new Map<string, number>();
  private readonly fonts: string[] = [];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly numFmts: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  constructor(defaultFont: WorkbookProperties['defaultFont']) {
    this.fonts.push(fontXml({ name: defaultFont.name, size: defaultFont.size }));
  }

  /** The index of a style in cellXfs (0: no style). */
  id(style: CellStyle): number {
    const known = this.byObject.get(style);
    if (known !== undefined) return known;
    const key = JSON.stringify(style);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.add(style);
      this.byKey.set(key, id);
    }
    this.byObject.set(style, id);
    return id;
  }

  private add(s: CellStyle): number {
    if (s.numFmt === undefined && !s.font && !s.fill && !s.alignment && !s.border) return 0;
    const numFmt = this.numFmtId(s.numFmt);
    const font = s.font ? indexIn(this.fonts, fontXml(s.font)) : 0;
    const fill = s.fill ? indexIn(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${s.fill.fgColor.argb}"/></patternFill></fill>`) : 0;
    const border = s.border ? indexIn(this.borders, borderXml(s.border)) : 0;
    let attrs = `numFmtId="${String(numFmt)}" fontId="${String(font)}" fillId="${String(fill)}" borderId="${String(border)}" xfId="0"`;
    if (numFmt !== 0) attrs += ' applyNumberFormat="1"';
    if (s.font) attrs += ' applyFont="1"';
    if (s.fill) attrs += ' applyFill="1"';
    if (s.border) attrs += ' applyBorder="1"';
    let inner = '';
    if (s.alignment) {
      attrs += ' applyAlignment="1"';
      const a = s.alignment;
      inner = `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}/>`;
    }
    return indexIn(this.xfs, inner === '' ? `<xf ${attrs}/>` : `<xf ${attrs}>${inner}</xf>`);
  }

  private numFmtId(fmt: string | undefined): number {
    if (fmt === undefined || fmt === 'General') return 0;
    if (fmt === '@') return 49;
    return 164 + indexIn(this.numFmts, fmt);
  }

  xml(): string {
    const list = (tag: string, items: readonly string[]): string => `<${tag} count="${String(items.length)}">${items.join('')}</${tag}>`;
    const numFmts = this.numFmts.map((f, i) => `<numFmt numFmtId="${String(164 + i)}" formatCode="${escapeXml(f)}"/>`);
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length > 0 ? list('numFmts', numFmts) : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}

function indexIn(list: string[], item: string): number {
  const i = list.indexOf(item);
  if (i >= 0) return i;
  list.push(item);
  return list.length - 1;
}

function colorXml(c: Color | undefined): string {
  return c ? `<color rgb="${c.argb}"/>` : '';
}

function fontXml(f: NonNullable<CellStyle['font']>): string {
  return `<font>${f.bold ? '<b/>' : ''}${colorXml(f.color)}${f.size ? `<sz val="${String(f.size)}"/>` : ''}${f.name ? `<name val="${escapeXml(f.name)}"/>` : ''}</font>`;
}

function borderXml(b: NonNullable<CellStyle['border']>): string {
  const side = (tag: 'left' | 'right' | 'top' | 'bottom'): string => {
    const s = b[tag];
    return s ? `<${tag} style="${s.style}">${colorXml(s.color)}</${tag}>` : `<${tag}/>`;
  };
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

/** One worksheet being written: rows in order, then `end`. */
export class SheetWriter {
  private rowCount = 0;
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly letters: string[] = [];
  private filter: string | null = null;
  private readonly tail: string;

  constructor(
    private readonly book: XlsxWriter,
    private readonly entry: ZipEntryWriter,
    readonly name: string,
    readonly index: number,
    private readonly opts: SheetOptions,
  ) {
    let head = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
    if (opts.page && opts.page.fitToWidth + opts.page.fitToHeight > 0) head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
    const f = opts.frozen;
    if (f && (f.columns > 0 || f.rows > 0)) {
      const pane = f.columns > 0 && f.rows > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
      const split = `${f.columns > 0 ? ` xSplit="${String(f.columns)}"` : ''}${f.rows > 0 ? ` ySplit="${String(f.rows)}"` : ''}`;
      const topLeft = `${columnLetter(f.columns + 1)}${String(f.rows + 1)}`;
      head += `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`;
    } else {
      head += '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    }
    head += `<sheetFormatPr defaultRowHeight="15"/>`;
    if (opts.widths && opts.widths.length > 0) {
      head += `<cols>${opts.widths.map((w, i) => `<col min="${String(i + 1)}" max="${String(i + 1)}" width="${String(w)}" customWidth="1"/>`).join('')}</cols>`;
    }
    this.pending.push(`${head}<sheetData>`);
    const p = opts.page;
    this.tail = `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${
      p ? `<pageSetup paperSize="${String(p.paperSize)}" orientation="${p.landscape ? 'landscape' : 'portrait'}" fitToWidth="${String(p.fitToWidth)}" fitToHeight="${String(p.fitToHeight)}"/>` : ''
    }</worksheet>`;
  }

  /** Rows written so far. */
  get rows(): number {
    return this.rowCount;
  }

  /**
   * Adds the next row. `styles[i]` is the style of cell i (a cell with neither value nor style is left out);
   * `height` in points, when the row needs more than one line. When the sheet's compressed pieces lag behind,
   * returns a promise to await before adding more rows.
   */
  addRow(values: readonly CellValue[], styles: readonly (CellStyle | undefined)[], height?: number): Promise<void> | undefined {
    // A sheet beyond Excel's limits is a file Excel refuses: said here, not discovered by the user.
    if (this.rowCount >= MAX_ROWS) throw new Error(`工作表「${this.name}」超过 Excel 的行数上限（${String(MAX_ROWS)} 行）`);
    if (values.length > MAX_COLUMNS) throw new Error(`工作表「${this.name}」超过 Excel 的列数上限（${String(MAX_COLUMNS)} 列）`);
    const r = String(++this.rowCount);
    let xml = height === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${String(height)}" customHeight="1">`;
    const n = Math.max(values.length, styles.length);
    for (let i = 0; i < n; i++) {
      const v = values[i] ?? null;
      const style = styles[i];
      const s = style === undefined ? 0 : this.book.styleId(style);
      if (v === null && s === 0) continue;
      const ref = `${this.letter(i)}${r}`;
      const sAttr = s === 0 ? '' : ` s="${String(s)}"`;
      if (v === null) xml += `<c r="${ref}"${sAttr}/>`;
      else if (typeof v === 'number' && Number.isFinite(v)) xml += `<c r="${ref}"${sAttr}><v>${numberText(v)}</v></c>`;
      else xml += `<c r="${ref}"${sAttr} t="s"><v>${String(this.book.sharedString(String(v)))}</v></c>`;
    }
    return this.push(`${xml}</row>`);
  }

  /** Autofilter over `ref` (e.g. "A1:I40001"). */
  autoFilter(ref: string): void {
    this.filter = ref;
  }

  /** The autofilter's range, as the workbook's hidden filter name gives it. */
  get filterRef(): string | null {
    return this.filter;
  }

  get printTitles(): SheetOptions['printTitles'] {
    return this.opts.printTitles;
  }

  /** Finishes the sheet; the next one may begin. */
  async end(): Promise<void> {
    await this.push(`</sheetData>${this.filter === null ? '' : `<autoFilter ref="${this.filter}"/>`}${this.tail}`);
    await this.flush();
    await this.entry.end();
    this.book.sheetEnded(this);
  }

  private letter(i: number): string {
    let l = this.letters[i];
    if (l === undefined) {
      l = columnLetter(i + 1);
      this.letters[i] = l;
    }
    return l;
  }

  private push(xml: string): Promise<void> | undefined {
    this.pending.push(xml);
    this.pendingLength += xml.length;
    return this.pendingLength >= PIECE ? this.flush() : undefined;
  }

  private flush(): Promise<void> | undefined {
    if (this.pending.length === 0) return undefined;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    return this.entry.write(text);
  }
}

/** An .xlsx file written sheet after sheet; `close` adds the shared strings, styles and workbook parts. */
export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly styles: Styles;
  private readonly strings = new Map<string, number>();
  private stringRefs = 0;
  private readonly sheets: SheetWriter[] = [];
  private open: SheetWriter | null = null;

  constructor(
    file: string,
    private readonly props: WorkbookProperties,
  ) {
    this.zip = new ZipWriter(file, props.date);
    this.styles = new Styles(props.defaultFont);
  }

  /** Starts the next worksheet; the previous one must have ended. */
  addSheet(name: string, opts: SheetOptions = {}): SheetWriter {
    if (this.open !== null) throw new Error(`sheet ${this.open.name} not ended`);
    const index = this.sheets.length;
    const sheet = new SheetWriter(this, this.zip.entry(`xl/worksheets/sheet${String(index + 1)}.xml`), name, index, opts);
    this.sheets.push(sheet);
    this.open = sheet;
    return sheet;
  }

  /** @internal */
  styleId(style: CellStyle): number {
    return this.styles.id(style);
  }

  /** @internal */
  sharedString(s: string): number {
    this.stringRefs++;
    let i = this.strings.get(s);
    if (i === undefined) {
      i = this.strings.size;
      this.strings.set(s, i);
    }
    return i;
  }

  /** @internal */
  sheetEnded(sheet: SheetWriter): void {
    if (this.open === sheet) this.open = null;
  }

  /** Writes the remaining parts and closes the file. */
  async close(): Promise<void> {
    if (this.open !== null) await this.open.end();
    await this.writeSharedStrings();
    await this.zip.file('xl/styles.xml', this.styles.xml());
    await this.zip.file('xl/workbook.xml', this.workbookXml());
    const sheetRels = this.sheets.map(
      (s, i) => `<Relationship Id="rId${String(i + 3)}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${String(s.index + 1)}.xml"/>`,
    );
    await this.zip.file(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>${sheetRels.join('')}</Relationships>`,
    );
    await this.zip.file('docProps/core.xml', this.coreXml());
    await this.zip.file('docProps/app.xml', this.appXml());
    await this.zip.file(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    );
    await this.zip.file('[Content_Types].xml', this.contentTypesXml());
    this.zip.close();
  }

  /** Closes and removes the unfinished file (after an error). */
  abandon(): void {
    this.zip.abandon();
  }

  private async writeSharedStrings(): Promise<void> {
    const entry = this.zip.entry('xl/sharedStrings.xml');
    let piece = `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${String(this.stringRefs)}" uniqueCount="${String(this.strings.size)}">`;
    for (const s of this.strings.keys()) {
      const space = s !== s.trim() ? ' xml:space="preserve"' : '';
      piece += `<si><t${space}>${cellXml(s)}</t></si>`;
      if (piece.length >= PIECE) {
        await entry.write(piece);
        piece = '';
      }
    }
    await entry.write(`${piece}</sst>`);
    await entry.end();
  }

  private workbookXml(): string {
    const sheets = this.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${String(i + 1)}" r:id="rId${String(i + 3)}"/>`);
    const names: string[] = [];
    for (const s of this.sheets) {
      const ref = sheetRef(s.name);
      const filter = s.filterRef;
      if (filter !== null) {
        const abs = filter.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
        names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${String(s.index)}" hidden="1">${escapeXml(`${ref}!${abs}`)}</definedName>`);
      }
      const t = s.printTitles;
      if (t && (t.rows > 0 || t.columns > 0)) {
        const parts: string[] = [];
        if (t.columns > 0) parts.push(`${ref}!$A:$${columnLetter(t.columns)}`);
        if (t.rows > 0) parts.push(`${ref}!$1:$${String(t.rows)}`);
        names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${String(s.index)}">${escapeXml(parts.join(','))}</definedName>`);
      }
    }
    return (
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView/></bookViews>` +
      `<sheets>${sheets.join('')}</sheets>${names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : ''}<calcPr calcId="171027"/></workbook>`
    );
  }

  private coreXml(): string {
    const date = this.props.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const creator = escapeXml(this.props.creator);
    return (
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:title>${escapeXml(this.props.title)}</dc:title><dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`
    );
  }

  private appXml(): string {
    const n = String(this.sheets.length);
    const titles = this.sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join('');
    return (
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<Application>${escapeXml(this.props.creator)}</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts></Properties>`
    );
  }

  private contentTypesXml(): string {
    const sheets = this.sheets.map(
      (s) => `<Override PartName="/xl/worksheets/sheet${String(s.index + 1)}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    return (
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
    );
  }
}
