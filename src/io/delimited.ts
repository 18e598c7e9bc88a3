/**
 * Delimited text (CSV, TSV) parsed from decoded chunks, record by record. The rules are those of csv-parse with
 * `relax_quotes` and `relax_column_count`, which this parser replaced on the streaming path, but for line ends:
 * - a field that starts with `"` is quoted: delimiters and line breaks inside it are text, `""` is one `"`;
 * - outside quotes LF and CRLF both end a record, wherever they appear (a file joined from two exports mixes
 *   them; csv-parse takes the first one met for the whole file and reads the other as text). Only in a file
 *   whose first line break is CRLF, a lone LF before the record has as many fields as the first record is text
 *   (a line break inside a cell some exporters write unquoted). A file whose first line break is a lone CR (old
 *   Mac) ends its records with CR; a lone CR elsewhere is text;
 * - a `"` inside an unquoted field is text; a closing `"` followed by anything but a delimiter or the record end
 *   is text too (the field keeps both of its quotes);
 * - an empty line is a record with one empty field; the end of the file ends the last record (no empty record
 *   after a final line break);
 * - a quote that does not close — still open at the end of the file, or across more than
 *   `MAX_QUOTED_BREAKS` line breaks (a stray `"` in a name or a note) — is text: its record is read again from
 *   its start with every `"` as text, and ends at its first line break (csv-parse fails the whole file, or
 *   takes the rows up to the next stray quote as one cell).
 * Lines without a `"` (nearly all of them) are split directly. With `stripApostrophe`, one leading `'` is dropped
 * from every field (the hukou system's export).
 */

const QUOTE = 34;
const APOSTROPHE = 39;
const LF = 10;
const CR = 13;
/** A line longer than this with no line break yet is parsed as it comes instead of waiting for its end. */
const MAX_PENDING = 1 << 20;
/** More line breaks than this inside one quoted cell: the quote was a stray one (see the rules above). */
export const MAX_QUOTED_BREAKS = 20;

/** A copy of `s` that does not keep alive the larger string it was sliced from (a decoded chunk). */
function own(s: string): string {
  return (' ' + s).slice(1);
}

export class DelimitedParser {
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly strip: boolean;
  /** Text fed and not yet parsed from `pos` on. */
  private text = '';
  private pos = 0;
  /** No more text will come. */
  private final = false;
  /** Where the next `"` in `text` at or after `pos` is (-1: none); -2 when not looked for yet. */
  private quoteAt = -2;
  /** The first line break met outside quotes: CRLF, LF or a lone CR (see the rules above). */
  private eol: '\r\n' | '\n' | '\r' | null = null;
  /** Fields of the first record: a lone LF in a CRLF file ends a record that has as many. */
  private width = 0;
  /** A record in progress on the character-by-character path. */
  private open = false;
  private record: string[] = [];
  private field = '';
  private quoting = false;
  private wasQuoting = false;
  /** Where the open record starts in `text` (kept until it ends, to read it again); -1 when none is open. */
  private start = -1;
  /** Line breaks inside the quoted field being read. */
  private breaks = 0;
  /** The open record is being read again with quotes as text. */
  private literal = false;

  constructor(delimiter: string, opts: { stripApostrophe?: boolean } = {}) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
      throw new Error(`不支持的分隔符：${JSON.stringify(delimiter)}`);
    }
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
    this.strip = opts.stripApostrophe ?? false;
  }

  /** The next piece of text. */
  feed(text: string): void {
    const from = this.open ? this.start : this.pos;
    this.text = from < this.text.length ? this.text.slice(from) + text : text;
    this.pos -= from;
    if (this.open) this.start = 0;
    this.quoteAt = -2;
  }

  /** No more text: `next` gives the records left. */
  finish(): void {
    this.final = true;
  }

  /** The next complete record, or null when more text is needed (or, after `finish`, when there is none left). */
  next(): string[] | null {
    const record = this.nextRecord();
    if (record && this.width === 0) this.width = record.length;
    return record;
  }

  private nextRecord(): string[] | null {
    const s = this.text;
    const n = s.length;
    while (this.pos < n) {
      if (this.open || this.eol === null) {
        const record = this.slow();
        if (record !== null) return record;
        break;
      }
      const e = this.lineBreak(s);
      if (e === -1) {
        // The last line goes on in the next piece, unless the text ends here or the line is very long.
        if (!this.final && n - this.pos <= MAX_PENDING) return null;
        const record = this.slow();
        if (record !== null) return record;
        break;
      }
      if (this.quoteAt !== -1 && this.quoteAt < this.pos) this.quoteAt = s.indexOf('"', this.pos);
      if (this.quoteAt !== -1 && this.quoteAt < e) {
        const record = this.slow();
        if (record !== null) return record;
        break;
      }
      const line = own(s.slice(this.pos, this.lineEnd(s, e)));
      this.pos = e + 1;
      return this.split(line);
    }
    if (!this.final) return null;
    if (this.quoting) {
      this.retake();
      return this.nextRecord();
    }
    if (this.open && (this.wasQuoting || this.record.length > 0 || this.field !== '')) {
      this.endField();
      const record = this.record;
      this.reset();
      return record;
    }
    this.reset();
    return null;
  }

  /** Text is left to parse (a record may follow). */
  get pending(): boolean {
    return this.pos < this.text.length || this.open;
  }

  /**
   * Passes over the next record without splitting it, where it is a whole line without quotes: true. False
   * when it has to be parsed (`next` gives it); null when more text is needed to tell.
   */
  skip(): boolean | null {
    const s = this.text;
    if (this.pos >= s.length) return this.final ? false : null;
    if (this.open || this.eol === null) return false;
    const e = this.lineBreak(s);
    if (e === -1) return !this.final && s.length - this.pos <= MAX_PENDING ? null : false;
    if (this.quoteAt !== -1 && this.quoteAt < this.pos) this.quoteAt = s.indexOf('"', this.pos);
    if (this.quoteAt !== -1 && this.quoteAt < e) return false;
    this.pos = e + 1;
    return true;
  }

  /** Every record of a whole text. */
  static parse(text: string, delimiter: string, opts: { stripApostrophe?: boolean } = {}): string[][] {
    const parser = new DelimitedParser(delimiter, opts);
    parser.feed(text);
    parser.finish();
    const out: string[][] = [];
    for (let record = parser.next(); record !== null; record = parser.next()) out.push(record);
    return out;
  }

  /** The LF (or, in a CR file, the CR) that ends the line from `pos` on, without regard to quotes; -1: none yet. */
  private lineBreak(s: string): number {
    if (this.eol === '\r') return s.indexOf('\r', this.pos);
    let e = s.indexOf('\n', this.pos);
    if (this.eol === '\r\n') {
      while (e !== -1 && s.charCodeAt(e - 1) !== CR && !this.fieldsEnd(this.fieldsIn(s, this.pos, e))) e = s.indexOf('\n', e + 1);
    }
    return e;
  }

  /** Where the line whose line break is at `e` ends: before a CR that precedes an LF. */
  private lineEnd(s: string, e: number): number {
    return this.eol !== '\r' && e > this.pos && s.charCodeAt(e - 1) === CR ? e - 1 : e;
  }

  private fieldsIn(s: string, from: number, to: number): number {
    let n = 1;
    for (let i = s.indexOf(this.delimiter, from); i !== -1 && i < to; i = s.indexOf(this.delimiter, i + 1)) n++;
    return n;
  }

  /** A lone LF in a CRLF file ends a record of `fields` fields (see the rules above). */
  private fieldsEnd(fields: number): boolean {
    return this.width > 0 && fields >= this.width;
  }

  /**
   * Length of the record end at `i`: 0 when there is none, -1 when the next chunk must tell (a CR at the end of
   * this one). Before the first record end is known, the first line break found sets it.
   */
  private eolAt(s: string, i: number): number {
    const c = s.charCodeAt(i);
    if (c !== CR && c !== LF) return 0;
    if (c === LF) {
      if (this.eol === null) this.eol = '\n';
      if (this.eol === '\n') return 1;
      return this.eol === '\r\n' && this.fieldsEnd(this.record.length + 1) ? 1 : 0;
    }
    // A CR: a record end with the LF after it, or alone where the file ends its lines with CR.
    if (i + 1 >= s.length && !this.final) return -1;
    const crlf = i + 1 < s.length && s.charCodeAt(i + 1) === LF;
    if (this.eol === null) this.eol = crlf ? '\r\n' : '\r';
    if (crlf) return 2;
    return this.eol === '\r' ? 1 : 0;
  }

  /** The fields of a line without quotes (its own copy: fields may be slices of it). */
  private split(line: string): string[] {
    const fields: string[] = [];
    let from = 0;
    for (;;) {
      const at = line.indexOf(this.delimiter, from);
      const end = at === -1 ? line.length : at;
      const start = this.strip && line.charCodeAt(from) === APOSTROPHE ? from + 1 : from;
      fields.push(start < end ? line.slice(start, end) : '');
      if (at === -1) return fields;
      from = at + 1;
    }
  }

  private endField(): void {
    const field = this.strip && this.field.charCodeAt(0) === APOSTROPHE ? this.field.slice(1) : this.field;
    this.record.push(field.length === 0 ? '' : own(field));
    this.field = '';
    this.wasQuoting = false;
  }

  private reset(): void {
    this.open = false;
    this.record = [];
    this.field = '';
    this.quoting = false;
    this.wasQuoting = false;
    this.start = -1;
    this.literal = false;
  }

  /** Reads the open record again from its start, every quote as text (a quote that did not close). */
  private retake(): void {
    const start = this.start;
    this.reset();
    this.open = true;
    this.start = start;
    this.pos = start;
    this.literal = true;
  }

  /**
   * Character by character from `pos`, for lines with quotes and lines cut by the end of the text fed. Returns the
   * record when its end is reached; null when the text ran out (`open` stays set) or when a character needs the
   * next piece of text (`pos` stays on it).
   */
  private slow(): string[] | null {
    const s = this.text;
    const n = s.length;
    let i = this.pos;
    if (!this.open) {
      this.open = true;
      this.start = i;
    }
    while (i < n) {
      if (this.quoting) {
        const q = s.indexOf('"', i);
        const end = q === -1 ? n : q;
        for (let b = s.indexOf('\n', i); b !== -1 && b < end; b = s.indexOf('\n', b + 1)) this.breaks++;
        if (this.breaks > MAX_QUOTED_BREAKS) {
          this.retake();
          i = this.pos;
          continue;
        }
        if (q === -1) {
          this.field += s.slice(i);
          i = n;
          break;
        }
        this.field += s.slice(i, q);
        i = q;
        if (q + 1 >= n && !this.final) break;
        if (q + 1 < n && s.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
          continue;
        }
        const next = q + 1 < n ? this.eolAt(s, q + 1) : 1;
        if (next < 0) break;
        this.quoting = false;
        this.wasQuoting = true;
        if (next === 0 && s.charCodeAt(q + 1) !== this.delimiterCode) {
          // A closing quote followed by other text: both quotes are text.
          this.field = `"${this.field}"`;
        }
        i = q + 1;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        if (this.field === '' && !this.literal) {
          this.quoting = true;
          this.breaks = 0;
        } else this.field += '"';
        i++;
        continue;
      }
      const eol = this.eolAt(s, i);
      if (eol < 0) break;
      if (eol > 0) {
        this.endField();
        const record = this.record;
        this.reset();
        this.pos = i + eol;
        return record;
      }
      if (c === this.delimiterCode) this.endField();
      else this.field += s[i];
      i++;
    }
    this.pos = i;
    return null;
  }
}
