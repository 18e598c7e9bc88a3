/**
 * Lays the views out as each source's files really look: title and unit rows, two-row headers with merged
 * cells, headers with line breaks, blank rows between households, footers.
 */
import type { MergeRange } from '../io/types.js';
import type { Truth } from './county.js';
import { parts } from './dates.js';
import { ARCHIVE_COLUMNS, ARCHIVE_HOUSEHOLD_COLUMNS } from './render/household-file.js';
import { NATIONAL_COLUMNS } from './render/national.js';
import { ONE_BOOK_LEDGER_COLUMNS, ONE_BOOK_MEMBER_COLUMNS } from './render/one-book.js';
import type { Rng } from './rng.js';
import { cellText, type ArchiveSheet, type ViewCell, type ViewRow } from './views.js';
import { autoWidths, columnsOf, grid, type GridSheet } from './write/grid.js';

const cellsOf = (columns: readonly string[], r: ViewRow): ViewCell[] => columns.map((c) => r.cells[c] ?? null);

const across = (row: number, columns: number): MergeRange => ({ top: row, left: 1, bottom: row, right: columns });

export function nationalGrid(truth: Truth, rows: ViewRow[]): GridSheet {
  const cols = NATIONAL_COLUMNS;
  const households = new Set(rows.map((r) => r.householdId)).size;
  const data = rows.map((r) => cellsOf(cols, r));
  const all: ViewCell[][] = [[`${truth.county.name}建档立卡贫困人口明细表`], ['单位：元'], [...cols], ...data, ['合计', `共${households}户${rows.length}人`]];
  return grid('贫困人口明细', all, {
    merges: [across(1, cols.length)],
    headerRows: [3],
    textColumns: columnsOf(cols, ['户编号', '人编号', '证件号码', '联系电话', '帮扶责任人电话']),
    widths: autoWidths(all.slice(2), cols.length),
  });
}

/** Header groups of the archive: a label over several sub-headers, or one label over both header rows. */
const ARCHIVE_GROUPS: { label: string; columns: string[]; sub?: string[] }[] = [
  { label: '户主信息', columns: ['户主姓名', '户主身份证号'] },
  { label: '家庭成员信息', columns: ['成员姓名', '成员身份证号', '与户主关系', '性别', '出生日期'] },
  { label: '帮扶责任人', columns: ['帮扶责任人', '帮扶责任人电话'], sub: ['姓名', '电话'] },
];

export function archiveGrid(truth: Truth, sheet: ArchiveSheet, rng: Rng): GridSheet {
  const cols = ARCHIVE_COLUMNS;
  const width = cols.length;
  const top: ViewCell[] = new Array<ViewCell>(width).fill(null);
  const sub: ViewCell[] = new Array<ViewCell>(width).fill(null);
  const merges: MergeRange[] = [across(1, width)];
  cols.forEach((c, i) => {
    const group = ARCHIVE_GROUPS.find((g) => g.columns.includes(c));
    if (!group) {
      top[i] = c;
      merges.push({ top: 2, left: i + 1, bottom: 3, right: i + 1 });
      return;
    }
    const k = group.columns.indexOf(c);
    sub[i] = group.sub ? group.sub[k] : c;
    if (k === 0) {
      top[i] = group.label;
      merges.push({ top: 2, left: i + 1, bottom: 2, right: i + group.columns.length });
    }
  });
  const rows: ViewCell[][] = [[`${sheet.township}${sheet.village}建档立卡贫困户一户一档信息表`], top, sub];
  const householdColumns = columnsOf(cols, ARCHIVE_HOUSEHOLD_COLUMNS);
  let start = 0;
  while (start < sheet.rows.length) {
    let end = start;
    while (end + 1 < sheet.rows.length && sheet.rows[end + 1].householdId === sheet.rows[start].householdId) end++;
    if (start > 0) rows.push([]);
    const firstRow = rows.length + 1;
    for (let i = start; i <= end; i++) {
      const cells = cellsOf(cols, sheet.rows[i]);
      if (sheet.mergeHouseholdCells && i > start) for (const c of householdColumns) cells[c] = null;
      rows.push(cells);
    }
    if (sheet.mergeHouseholdCells && end > start) {
      for (const c of householdColumns) merges.push({ top: firstRow, left: c + 1, bottom: firstRow + end - start, right: c + 1 });
    }
    start = end + 1;
  }
  const filled = parts(truth.asOf - rng.int(3, 20));
  rows.push([], [`制表人：${rng.pick(['刘', '陈', '钟', '曾', '谢'])}${rng.pick(['晓燕', '建华', '丽萍', '志强'])}`, null, null, null, null, null, null, null, null, null, null, null, null, null, `填报日期：${filled.year}年${filled.month}月${filled.day}日`]);
  return grid(sheet.name, rows, { merges, headerRows: [2, 3], widths: autoWidths(rows.slice(1), width) });
}

/** Handbook headers as typed into the template: line breaks and （必填） notes. */
const ONE_BOOK_HEADERS: Record<string, string> = {
  成员姓名: '成员姓名（必填）',
  户主身份证号: '户主身份证号\n（必填）',
  成员身份证号: '成员身份证号\n（必填）',
  家庭人口: '家庭\n人口',
  帮扶责任人单位: '帮扶责任人\n单位',
  帮扶责任人电话: '帮扶责任人\n电话',
  户主签字: '户主\n签字',
  年人均纯收入: '年人均纯收入\n（元）',
  金额: '金额（元）',
};

export function oneBookGrids(members: ViewRow[], ledger: ViewRow[]): GridSheet[] {
  const sheet = (name: string, cols: readonly string[], rows: ViewRow[]): GridSheet => {
    const all: ViewCell[][] = [cols.map((c) => ONE_BOOK_HEADERS[c] ?? c), ...rows.map((r) => cellsOf(cols, r))];
    return grid(name, all, {
      headerRows: [1],
      textColumns: columnsOf(cols, ['户主身份证号', '成员身份证号', '帮扶责任人电话']),
      widths: autoWidths(all, cols.length),
    });
  };
  return [sheet('家庭成员', ONE_BOOK_MEMBER_COLUMNS, members), sheet('收支流水', ONE_BOOK_LEDGER_COLUMNS, ledger)];
}

/** A plain roster sheet: header then rows, optionally under a title row. */
export function rosterGrid(name: string, cols: readonly string[], rows: ViewRow[], title?: string): GridSheet {
  const data = rows.map((r) => cellsOf(cols, r));
  const head: ViewCell[][] = title ? [[title], [...cols]] : [[...cols]];
  const all = [...head, ...data];
  return grid(name, all, {
    merges: title ? [across(1, cols.length)] : [],
    headerRows: [head.length],
    textColumns: columnsOf(cols, ['身份证号', '号牌号码']),
    widths: autoWidths(all.slice(head.length - 1), cols.length),
  });
}

/** Rows as text lines for CSV/TSV files. */
export function textCells(cols: readonly string[], rows: ViewRow[]): string[][] {
  return [[...cols], ...rows.map((r) => cols.map((c) => cellText(r.cells[c])))];
}
