/**
 * Household fields repeated on every member row (national, archive, handbook): the value of the household is
 * the head's row's, else the most common one; rows that disagree among themselves are said so.
 */
import type { Loc } from '../../sources/define.js';
import type { Relation } from '../../normalize/types.js';

export interface HouseholdValue<T, R> {
  value: T;
  /** The row the value was taken from. */
  row: R;
  /** Chinese note when rows disagree (values with their row counts, and which was used); else null. */
  note: string | null;
}

interface MemberRow {
  loc: Loc;
  relation?: Relation | null;
}

export function householdValue<T, R extends MemberRow>(
  rows: readonly R[],
  get: (r: R) => T | null | undefined,
  key: (v: T) => string,
  show: (v: T) => string,
): HouseholdValue<T, R> | null {
  // Usually every row that fills the field agrees: one pass, nothing to group.
  let first: { value: T; key: string; row: R } | null = null;
  let headRow: R | null = null;
  for (const r of rows) {
    const v = get(r);
    if (v === null || v === undefined) continue;
    const k = key(v);
    if (first === null) first = { value: v, key: k, row: r };
    else if (k !== first.key) return grouped(rows, get, key, show);
    if (headRow === null && r.relation === 'head') headRow = r;
  }
  return first === null ? null : { value: first.value, row: headRow ?? first.row, note: null };
}

/** Rows that disagree: grouped by value, the head's row's value else the most common one. */
function grouped<T, R extends MemberRow>(
  rows: readonly R[],
  get: (r: R) => T | null | undefined,
  key: (v: T) => string,
  show: (v: T) => string,
): HouseholdValue<T, R> | null {
  const groups = new Map<string, { value: T; rows: R[] }>();
  for (const r of rows) {
    const v = get(r);
    if (v === null || v === undefined) continue;
    const k = key(v);
    const g = groups.get(k);
    if (g) g.rows.push(r);
    else groups.set(k, { value: v, rows: [r] });
  }
  if (groups.size === 0) return null;
  const all = [...groups.values()];
  const head = all.find((g) => g.rows.some((r) => r.relation === 'head'));
  // Most common; ties keep the value met first (rows are in file order).
  const common = all.reduce((best, g) => (g.rows.length > best.rows.length ? g : best));
  const chosen = head ?? common;
  const row = chosen.rows.find((r) => r.relation === 'head') ?? chosen.rows[0];
  if (all.length === 1) return { value: chosen.value, row, note: null };
  const counts = all.map((g) => `${show(g.value)}（${String(g.rows.length)}行）`).join('、');
  const how = head ? '按户主所在行' : '按多数行';
  return { value: chosen.value, row, note: `该户各行填写不一致：${counts}，${how}的“${show(chosen.value)}”比较` };
}
