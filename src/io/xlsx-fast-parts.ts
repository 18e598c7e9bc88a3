/**
 * Parts of an xlsx for the fast reader: an entry's text streamed through inflate and a streaming UTF-8
 * decoder (characters split across chunks stay whole), where the workbook keeps its shared strings and styles,
 * and the shared-string table itself.
 */
import type { ZipFile } from './zip.js';
import { elements } from './xlsx-meta.js';
import { itemText, tagAt } from './xlsx-fast-text.js';

const CHUNK = 64 * 1024;

/** Decompressed bytes of an entry, chunk by chunk as inflate gives them. Stops reading when the consumer stops. */
export function entryChunks(zip: ZipFile, name: string): AsyncGenerator<Buffer> {
  return zip.chunks(name, CHUNK);
}

/** Decompressed text of an entry, chunk by chunk; a UTF-8 character cut by a chunk boundary is kept whole. */
export async function* entryText(zip: ZipFile, name: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of entryChunks(zip, name)) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
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

/**
 * The shared-string table, built from the part's text chunk by chunk: one string per `<si>` item. An item cut
 * by a chunk boundary is kept for the next chunk.
 */
export class SharedStringsParser {
  readonly strings: string[] = [];
  private pending = '';
  private root: 'unseen' | 'plain' | 'prefixed' = 'unseen';

  push(chunk: string): void {
    const s = this.pending + chunk;
    if (this.root === 'unseen') {
      const at = s.search(/<(?:[\w.-]+:)?sst[\s>/]/);
      if (at < 0) {
        this.pending = s;
        return;
      }
      this.root = tagAt(s, at, 'sst') ? 'plain' : 'prefixed';
    }
    if (this.root === 'prefixed') {
      this.pending = '';
      return;
    }
    let i = 0;
    for (;;) {
      const open = s.indexOf('<si', i);
      if (open < 0) {
        i = Math.max(i, s.length - 3);
        break;
      }
      const gt = s.indexOf('>', open);
      if (gt < 0) {
        i = open;
        break;
      }
      if (!tagAt(s, open, 'si')) {
        i = gt + 1;
        continue;
      }
      if (s.charCodeAt(gt - 1) === 47) {
        this.strings.push('');
        i = gt + 1;
        continue;
      }
      const close = s.indexOf('</si>', gt);
      if (close < 0) {
        i = open;
        break;
      }
      this.strings.push(itemText(s, gt + 1, close));
      i = close + 5;
    }
    this.pending = s.slice(i);
  }

  /** The table; null when the part uses a namespace prefix (`<x:sst>`), which this reader does not take. */
  end(): string[] | null {
    if (this.root === 'prefixed') return null;
    if (this.root === 'unseen' && this.pending.trim() !== '') return null;
    if (this.pending.includes('<si')) throw new Error('共享字符串不完整');
    return this.strings;
  }
}

export async function readSharedStrings(zip: ZipFile, path: string): Promise<string[] | null> {
  const parser = new SharedStringsParser();
  for await (const chunk of entryText(zip, path)) parser.push(chunk);
  return parser.end();
}
