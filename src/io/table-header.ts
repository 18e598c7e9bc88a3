/**
 * Header rows → columns. A header may take two rows: group labels above (`帮扶责任人`, merged across its
 * sub-columns, or followed by blank cells where merges are unknown) and sub-labels below (`姓名`, `电话`),
 * single columns standing alone in the upper row with nothing beneath.
 */
import type { MergeRange } from './types.js';

export interface TableColumn {
  index: number;
  /** Normalised header text: upper + lower for two-row headers (`帮扶责任人电话`), else the text there is. */
  header: string;
  /** `[upper, lower]` for a two-row header where both rows have text, else `[header]`. */
  parts: string[];
}

/** A row as header texts: normalised, '' for empty cells, one entry per column. */
export type HeaderTexts = string[];

interface Upper {
  /** Upper text carried across its merge (or across the blank cells after it). */
  filled: string[];
  /** The column lies under a group label spanning two or more columns. */
  grouped: boolean[];
}

function spreadUpper(upper: HeaderTexts, row: number, width: number, merges: MergeRange[]): Upper {
  const filled = Array.from({ length: width }, (_, i) => upper[i] ?? '');
  const grouped = new Array<boolean>(width).fill(false);
  const covered = new Array<boolean>(width).fill(false);
  for (const m of merges) {
    if (m.top > row || m.bottom < row) continue;
    for (let c = m.left - 1; c <= m.right - 1 && c < width; c++) {
      covered[c] = true;
      if (m.right > m.left && m.top === row) {
        filled[c] = upper[m.left - 1] ?? '';
        grouped[c] = true;
      }
    }
  }
  // Where merges say nothing: a label followed by blank cells spans them.
  for (let c = 1; c < width; c++) {
    if (filled[c] === '' && !covered[c] && filled[c - 1] !== '') {
      filled[c] = filled[c - 1];
      grouped[c] = true;
      grouped[c - 1] = true;
    }
  }
  return { filled, grouped };
}

/** Short label: has a letter or CJK character, no run of digits such as an ID or phone number. */
export function isLabel(text: string): boolean {
  return text.length > 0 && text.length <= 20 && /[\p{L}]/u.test(text) && !/\d{6,}/.test(text);
}

/**
 * `lower` completes `upper` as the second header row: it has labels only, and each of them sits under a group
 * label (a merge or a label followed by blanks) or under a blank; under single upper columns it is blank.
 */
export function isSecondRow(
  upper: HeaderTexts,
  upperRow: number,
  lower: HeaderTexts,
  lowerIsText: boolean[],
  merges: MergeRange[],
): boolean {
  const width = Math.max(upper.length, lower.length);
  const { grouped } = spreadUpper(upper, upperRow, width, merges);
  let labels = 0;
  for (let i = 0; i < lower.length; i++) {
    const t = lower[i];
    if (!t) continue;
    if (!lowerIsText[i] || !isLabel(t)) return false;
    if (!grouped[i] && (upper[i] ?? '') !== '') return false;
    labels++;
  }
  return labels > 0;
}

/** Group labels above the best-scoring row: at least two short labels, no `填报单位：…` style notes. */
export function isGroupRow(texts: HeaderTexts, isText: boolean[]): boolean {
  const filled = texts.map((t, i) => ({ t, text: isText[i] })).filter((c) => c.t !== '');
  return filled.length >= 2 && filled.every((c) => c.text && isLabel(c.t) && c.t.length <= 10 && !/[:：]/.test(c.t));
}

export function singleRowColumns(texts: HeaderTexts): TableColumn[] {
  const columns: TableColumn[] = [];
  texts.forEach((header, index) => {
    if (header) columns.push({ index, header, parts: [header] });
  });
  return columns;
}

export function twoRowColumns(
  upper: HeaderTexts,
  upperRow: number,
  lower: HeaderTexts,
  merges: MergeRange[],
): TableColumn[] {
  const width = Math.max(upper.length, lower.length);
  const { filled } = spreadUpper(upper, upperRow, width, merges);
  const columns: TableColumn[] = [];
  for (let index = 0; index < width; index++) {
    const u = filled[index];
    const l = lower[index] ?? '';
    if (u && l && u !== l) columns.push({ index, header: u + l, parts: [u, l] });
    else if (u || l) columns.push({ index, header: u || l, parts: [u || l] });
  }
  return columns;
}
