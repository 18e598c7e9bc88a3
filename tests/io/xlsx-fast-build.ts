/**
 * Writes small xlsx files part by part for the fast reader's tests: the worksheet, shared-string and style
 * XML are given as text, so that a test holds exactly the markup it is about (phonetic runs, inline strings,
 * undefined built-in format ids, cells without references …). A plain zip writer (deflate or store).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface BuiltSheet {
  name: string;
  /** `<sheetData>…</sheetData>` and whatever else goes inside `<worksheet>`. */
  body: string;
  state?: 'hidden' | 'veryHidden';
}

export interface BuiltWorkbook {
  sheets: BuiltSheet[];
  /** Inside `<sst>`: the `<si>` items. */
  sharedStrings?: string;
  /** Inside `<styleSheet>`. */
  styles?: string;
  date1904?: boolean;
  /** Store parts without compression. */
  store?: boolean;
  /** Replaces the whole text of a part. */
  parts?: Record<string, string>;
  /** Replaces the bytes of a part (another encoding). */
  rawParts?: Record<string, Buffer>;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function parts(wb: BuiltWorkbook): [string, string][] {
  const out: [string, string][] = [];
  const overrides = wb.sheets.map(
    (_s, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  out.push([
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  ]);
  out.push([
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ]);
  const sheets = wb.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  out.push([
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr${wb.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets}</sheets></workbook>`,
  ]);
  const n = wb.sheets.length;
  const rels = wb.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  out.push(['xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`]);
  out.push([
    'xl/styles.xml',
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">${wb.styles ?? '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'}</styleSheet>`,
  ]);
  out.push(['xl/sharedStrings.xml', `${XML_HEAD}<sst xmlns="${MAIN_NS}">${wb.sharedStrings ?? ''}</sst>`]);
  wb.sheets.forEach((s, i) => {
    out.push([`xl/worksheets/sheet${i + 1}.xml`, `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${s.body}</worksheet>`]);
  });
  return out.map(([name, text]) => [name, wb.parts?.[name] ?? text]);
}

/** A zip of the given parts, in order. */
export function zip(entries: [string, Buffer][], store = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = store ? data : deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

let dir: string | null = null;

/** Writes the workbook to a fresh temporary file and returns its path. */
export function buildXlsx(name: string, wb: BuiltWorkbook): string {
  dir ??= mkdtempSync(join(tmpdir(), 'jz-fast-'));
  const file = join(dir, name);
  writeFileSync(file, zip(parts(wb).map(([n, text]) => [n, wb.rawParts?.[n] ?? Buffer.from(text, 'utf8')]), wb.store));
  return file;
}

/** `<row>` of cells given as markup, numbered `r`. */
export function row(r: number, cells: string): string {
  return `<row r="${r}">${cells}</row>`;
}
