import { parse as csvParse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DelimitedParser, MAX_QUOTED_BREAKS } from '../../src/io/delimited.js';
import { random } from '../helpers/random.js';

/** The options the streaming path used with csv-parse before this parser replaced it: the reference. */
/** csv-parse's records; `lineEnds` as ours treat them in a file whose lines end with LF or CRLF. */
function reference(text: string, delimiter: string, lineEnds?: string[]): string[][] | 'unclosed' {
  try {
    return csvParse(text, {
      delimiter,
      ...(lineEnds ? { record_delimiter: lineEnds } : {}),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: false,
      quote: '"',
      escape: '"',
    }) as string[][];
  } catch (err) {
    if ((err as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return 'unclosed';
    throw err;
  }
}

/** Ours, fed in pieces cut at the given offsets. */
function ours(text: string, delimiter: string, cuts: number[] = [], stripApostrophe = false): string[][] {
  const parser = new DelimitedParser(delimiter, { stripApostrophe });
  const out: string[][] = [];
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    parser.feed(text.slice(at, cut));
    at = cut;
    for (let record = parser.next(); record !== null; record = parser.next()) out.push(record);
  }
  parser.finish();
  for (let record = parser.next(); record !== null; record = parser.next()) out.push(record);
  return out;
}

/** Ours, passing over the records numbered in `skip` (0-based): the records left, with their numbers. */
function oursSkipping(text: string, delimiter: string, cuts: number[], skip: Set<number>): [number, string[]][] {
  const parser = new DelimitedParser(delimiter);
  const out: [number, string[]][] = [];
  let n = 0;
  const drain = () => {
    for (;;) {
      if (skip.has(n)) {
        const passed = parser.skip();
        if (passed === null) return;
        if (passed) {
          n++;
          continue;
        }
      }
      const record = parser.next();
      if (record === null) return;
      if (!skip.has(n)) out.push([n, record]);
      n++;
    }
  };
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    parser.feed(text.slice(at, cut));
    at = cut;
    drain();
  }
  parser.finish();
  drain();
  return out;
}

describe('delimited text parser', () => {
  it('splits plain lines and keeps empty fields and empty lines', () => {
    expect(ours('a,b,,c\r\n\r\nd\r\n', ',')).toEqual([['a', 'b', '', 'c'], [''], ['d']]);
    expect(ours('a\tb\nc\t', '\t')).toEqual([['a', 'b'], ['c', '']]);
    expect(ours('', ',')).toEqual([]);
  });

  it('reads quoted fields: delimiters, doubled quotes and line breaks inside', () => {
    expect(ours('"a,b","say ""hi""","x\r\ny"\r\nz\r\n', ',')).toEqual([['a,b', 'say "hi"', 'x\r\ny'], ['z']]);
    expect(ours('"",""\n', ',')).toEqual([['', '']]);
  });

  it('keeps stray quotes as text', () => {
    expect(ours('ab"c,"d"e,f\n', ',')).toEqual([['ab"c', '"d"e', 'f']]);
  });

  it('ends records at LF and CRLF wherever they appear; at CR only where the first line break is one', () => {
    // CRLF first, then LF (two exports joined): every line is a record, none loses a field.
    expect(ours('a,1\r\nb,2\nc,3\r\nd,4\n', ',')).toEqual([['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]);
    // LF first, then CRLF: the CR is not kept in the last field.
    expect(ours('a\nb\r\nc', ',')).toEqual([['a'], ['b'], ['c']]);
    // CRLF first: a lone LF ends a record that has the first record's fields, else it is text in a cell.
    expect(ours('a,b,c\r\n1,x\ny,3\n4,5,6\r\n', ',')).toEqual([['a', 'b', 'c'], ['1', 'x\ny', '3'], ['4', '5', '6']]);
    expect(ours('a\tb\r\n1\t2\n3\t4\n', '\t')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    // A lone CR in a file of LF or CRLF lines is text.
    expect(ours('a\nb\rx\r\nc\n', ',')).toEqual([['a'], ['b\rx'], ['c']]);
    // CR only (old Mac files).
    expect(ours('a,1\rb,2\r', ',')).toEqual([['a', '1'], ['b', '2']]);
    // The same wherever the text is cut.
    const mixed = 'a,"1\r\n2"\r\nb,2\nc,3\r\n';
    for (let i = 0; i <= mixed.length; i++) expect(ours(mixed, ',', [i])).toEqual([['a', '1\r\n2'], ['b', '2'], ['c', '3']]);
  });

  it('a quote left open at the end is text: its record is read again to its first line break, the rest as before', () => {
    const parser = new DelimitedParser(',');
    parser.feed('a,b\nc,"d\ne,f\n');
    expect(parser.next()).toEqual(['a', 'b']);
    expect(parser.next()).toBeNull();
    parser.finish();
    expect([parser.next(), parser.next(), parser.next()]).toEqual([['c', '"d'], ['e', 'f'], null]);
    const text = 'h1,h2\r\n"x,1\r\ny,2\r\nz,3\r\n';
    for (let i = 0; i <= text.length; i++) {
      expect(ours(text, ',', [i])).toEqual([['h1', 'h2'], ['"x', '1'], ['y', '2'], ['z', '3']]);
    }
  });

  it('a quote still open after more line breaks than a cell holds is text too; a cell with fewer keeps them', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `name${i},${i}`);
    // A stray quote at row 3 and another at row 30: csv-parse makes rows 3–30 one cell.
    rows[3] = '"name3,3';
    rows[30] = 'name30",30';
    const text = rows.join('\n') + '\n';
    for (const cuts of [[], [7], [50, 120, 121], [text.length - 3]]) {
      const got = ours(text, ',', cuts);
      expect(got).toHaveLength(40);
      expect(got[3]).toEqual(['"name3', '3']);
      expect(got[4]).toEqual(['name4', '4']);
      expect(got[30]).toEqual(['name30"', '30']);
    }
    const lines = Array.from({ length: MAX_QUOTED_BREAKS }, (_, i) => `line${i}`).join('\n');
    expect(ours(`a,"${lines}"\nb,2\n`, ',')).toEqual([['a', lines], ['b', '2']]);
  });

  it('gives the same records wherever the chunks are cut', () => {
    const text = '"x""y",1\r\n"a\r\nb",2\r\nplain,3\r\n"end"';
    const whole = ours(text, ',');
    expect(whole).toEqual([['x"y', '1'], ['a\r\nb', '2'], ['plain', '3'], ['end']]);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j += 3) expect(ours(text, ',', [i, j])).toEqual(whole);
    }
  });

  it("drops one leading apostrophe per field when asked, quoted or not", () => {
    const text = "'a\t''b\t\t'\t\"'c\td\"\tx'\r\n";
    expect(ours(text, '\t', [], true)).toEqual([['a', "'b", '', '', "c\td", "x'"]]);
    expect(ours(text, '\t')).toEqual([["'a", "''b", '', "'", "'c\td", "x'"]]);
  });

  it('a line longer than the pending limit is still one record', () => {
    const long = 'x'.repeat((1 << 20) + 10);
    const chunks = [long.slice(0, 600_000), long.slice(600_000) + ',"q"""\r', '\nnext\r\n'];
    expect(ours(chunks.join(''), ',', [600_000, chunks[0].length + chunks[1].length])).toEqual([[long, 'q"'], ['next']]);
  });

  it('agrees with csv-parse on random text cut into random chunks', () => {
    const next = random(20261127);
    const common = ['a', '中', '𠮷', ',', '\t', '"', '""', ' ', "'"];
    // Lines ending with LF first, then LF or CRLF mixed (csv-parse told that both end records); with CRLF
    // alone; or with CR alone. (A lone LF after a first CRLF has a rule of its own, tested above.)
    const alphabets = [
      [...common, '\n', '\r\n'],
      [...common, '\r\n'],
      [...common, '\r'],
    ];
    for (let round = 0; round < 3000; round++) {
      const kind = Math.floor(next() * 3);
      const alphabet = alphabets[kind];
      const length = Math.floor(next() * 30);
      let text = kind === 0 ? 'h\n' : '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const delimiter = next() < 0.5 ? ',' : '\t';
      const cuts = [Math.floor(next() * text.length), Math.floor(next() * text.length)].sort((x, y) => x - y);
      const expected = reference(text, delimiter, kind === 0 ? ['\r\n', '\n'] : undefined);
      if (expected === 'unclosed') {
        // csv-parse gives up; ours reads the record again with its quotes as text, wherever the text is cut.
        expect({ text, cuts, got: ours(text, delimiter, cuts) }).toEqual({ text, cuts, got: ours(text, delimiter) });
        continue;
      }
      expect({ text, cuts, got: ours(text, delimiter, cuts) }).toEqual({ text, cuts, got: expected });
      const stripped = expected.map((r) => r.map((f) => f.replace(/^'/, '')));
      expect({ text, cuts, got: ours(text, delimiter, cuts, true) }).toEqual({ text, cuts, got: stripped });
    }
  });

  it('passes over records without changing the others, on random text cut into random chunks', () => {
    const next = random(20261128);
    const alphabet = ['a', '中', ',', '"', '""', '\r', '\n', '\r\n', '\n', '\n'];
    let passedPlain = 0;
    for (let round = 0; round < 3000; round++) {
      const length = Math.floor(next() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const cuts = [Math.floor(next() * text.length), Math.floor(next() * text.length)].sort((x, y) => x - y);
      const whole = ours(text, ',', cuts);
      const skip = new Set<number>();
      for (let i = 0; i < 20; i++) if (next() < 0.5) skip.add(i);
      const expected = whole.map((r, i): [number, string[]] => [i, r]).filter(([i]) => !skip.has(i));
      expect({ text, cuts, got: oursSkipping(text, ',', cuts, skip) }).toEqual({ text, cuts, got: expected });
      if (whole.length > 2) passedPlain++;
    }
    expect(passedPlain).toBeGreaterThan(500);
  });

  it('passes over a plain line without splitting it, and leaves a line with quotes to next()', () => {
    const parser = new DelimitedParser(',');
    parser.feed('h1,h2\r\nplain,1\r\n"q,uoted",2\r\nlast,3');
    expect(parser.next()).toEqual(['h1', 'h2']);
    expect(parser.skip()).toBe(true);
    expect(parser.skip()).toBe(false);
    expect(parser.next()).toEqual(['q,uoted', '2']);
    // The last line has no line end yet: more text may follow.
    expect(parser.skip()).toBeNull();
    parser.finish();
    expect(parser.skip()).toBe(false);
    expect(parser.next()).toEqual(['last', '3']);
    expect(parser.next()).toBeNull();
  });
});
