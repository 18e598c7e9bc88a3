/**
 * Streaming clean-up of xlsx string and sheet parts before exceljs's streaming reader sees them. Its parser
 * keeps every text node inside a string item, so it gets wrong:
 * - pretty-printed parts (`<si>\n  <t>姓名</t>\n</si>` → `姓名\n`): whitespace-only text between tags is dropped,
 *   except directly inside `<t>`, `<v>` or `<f>` (a cell holding only spaces);
 * - phonetic runs (`<rPh><t>…</t></rPh>`, East Asian files): dropped, they are not the cell's text;
 * - inline rich text (`<is><r><t>张</t></r><r><t>三</t></r></is>` → `三`): every `<t>` after the first in an
 *   inline string loses its tags, so that all runs are read into the first.
 * Text is passed on unchanged otherwise. The input is cut before its last `<`, so that every region handled
 * holds complete tags and complete text runs; regions without inline strings or phonetic runs (nearly all of
 * a sheet) take a fast path of two regular-expression scans.
 */
const SPECIAL = /<(?:[\w.-]+:)?(?:is|rPh)\b/;
const SPACE_AFTER_TAG = />\s/;
const TAG_THEN_SPACE = /(<(\/?)(?:[\w.-]+:)?([\w.-]+)[^>]*?(\/?)>)(\s+)(?=<)/g;
const TAG = /^<(\/?)(?:[\w.-]+:)?([\w.-]+)/;

function holdsText(name: string): boolean {
  return name === 't' || name === 'v' || name === 'f';
}

export class XmlPartFilter {
  private tail = '';
  private phonetic = 0;
  private inline = false;
  private runs = 0;

  push(chunk: string): string {
    const s = this.tail + chunk;
    const cut = s.lastIndexOf('<');
    if (cut <= 0) {
      this.tail = s;
      return '';
    }
    this.tail = s.slice(cut);
    return this.region(s.slice(0, cut));
  }

  /** Whatever is left at the end of the part. */
  end(): string {
    const rest = this.region(this.tail);
    this.tail = '';
    return rest;
  }

  private region(p: string): string {
    if (this.phonetic === 0 && !this.inline && !SPECIAL.test(p)) {
      if (!SPACE_AFTER_TAG.test(p)) return p;
      return (p + '<')
        .replace(TAG_THEN_SPACE, (_all, tag: string, close: string, name: string, self: string, space: string) =>
          close === '' && self === '' && holdsText(name) ? tag + space : tag,
        )
        .slice(0, -1);
    }
    return this.slow(p);
  }

  /** Tag by tag, for regions with inline strings or phonetic runs. */
  private slow(p: string): string {
    const out: string[] = [];
    let textHolder = false;
    let i = 0;
    while (i < p.length) {
      const lt = p.indexOf('<', i);
      const end = lt < 0 ? p.length : lt;
      if (end > i) {
        const text = p.slice(i, end);
        if (this.phonetic === 0 && (textHolder || text.trim() !== '')) out.push(text);
      }
      if (lt < 0) break;
      const gt = p.indexOf('>', lt);
      const stop = gt < 0 ? p.length : gt + 1;
      const tag = p.slice(lt, stop);
      const m = TAG.exec(tag);
      textHolder = !!m && m[1] === '' && !tag.endsWith('/>') && holdsText(m[2]);
      const kept = m ? this.tag(tag, m[1] === '/', m[2]) : tag;
      if (kept) out.push(kept);
      i = stop;
    }
    return out.join('');
  }

  private tag(tag: string, closing: boolean, name: string): string {
    const selfClosing = tag.endsWith('/>');
    if (name === 'rPh') {
      if (closing) this.phonetic = Math.max(0, this.phonetic - 1);
      else if (!selfClosing) this.phonetic++;
      return '';
    }
    if (this.phonetic > 0) return '';
    if (name === 'is') {
      this.inline = !closing && !selfClosing;
      this.runs = 0;
      return tag;
    }
    if (name === 't' && this.inline) {
      if (!closing) this.runs++;
      return this.runs > 1 ? '' : tag;
    }
    return tag;
  }
}

/** A part's decoded text chunks, filtered. */
export async function* filterXml(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  const filter = new XmlPartFilter();
  for await (const chunk of chunks) {
    const out = filter.push(chunk);
    if (out) yield out;
  }
  const rest = filter.end();
  if (rest) yield rest;
}
