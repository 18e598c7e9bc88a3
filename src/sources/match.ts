/** Header matching: which column of a sheet holds which field of a source layout. */
import { normalizeHeaderText, type TableColumn } from '../io/table.js';
import type { SourceSpec } from './define.js';
import type { Mapping } from './mapping.js';

export interface ColumnMatch {
  index: number;
  /** The header as the file spells it (two-row headers joined). */
  header: string;
  /** The field it became, or null when the column is ignored. */
  field: string | null;
  /** When the field was already taken by an earlier column: that column's index (this one is ignored). */
  duplicateOf: number | null;
}

/** Words of an upper header cell that qualify the cell below it (`户主信息` over `姓名` → `户主姓名`). */
const QUALIFIERS = ['户主', '帮扶责任人', '帮扶人', '家庭成员', '成员', '父亲', '母亲', '配偶', '权利人', '法定代表人'];

const stripNotes = (h: string): string => h.replace(/\([^)]*\)/g, '');

/** Per spec: normalised header spelling → field. Built once per spec (and per user mapping). */
const lookupCache = new WeakMap<SourceSpec, Map<string, string>>();

function lookupFor(spec: SourceSpec, mapping: Mapping | undefined): Map<string, string> {
  let base = lookupCache.get(spec);
  if (!base) {
    base = new Map();
    for (const [field, def] of Object.entries(spec.fields)) {
      for (const syn of def.synonyms) {
        const key = normalizeHeaderText(syn);
        if (!base.has(key)) base.set(key, field);
      }
    }
    lookupCache.set(spec, base);
  }
  const user = mapping?.get(spec.kind);
  if (!user) return base;
  const merged = new Map(base);
  // User spellings win over ours; only fields this layout has.
  for (const [header, field] of user) if (field in spec.fields) merged.set(normalizeHeaderText(header), field);
  return merged;
}

function candidates(col: TableColumn): string[] {
  const out = [col.header];
  if (col.parts.length === 2) {
    const [upper, lower] = col.parts;
    for (const q of QUALIFIERS) if (upper.includes(q) && !lower.startsWith(q)) out.push(q + lower);
    out.push(lower, upper);
  }
  return out.filter((h) => h.length > 0);
}

function fieldOf(col: TableColumn, lookup: Map<string, string>): string | null {
  const tries = candidates(col);
  for (const h of tries) {
    const hit = lookup.get(h);
    if (hit) return hit;
  }
  for (const h of tries) {
    const stripped = stripNotes(h);
    if (stripped !== h) {
      const hit = lookup.get(stripped);
      if (hit) return hit;
    }
  }
  return null;
}

export function matchColumns(spec: SourceSpec, columns: readonly TableColumn[], mapping?: Mapping): ColumnMatch[] {
  const lookup = lookupFor(spec, mapping);
  const taken = new Map<string, number>();
  return columns.map((col) => {
    const field = fieldOf(col, lookup);
    if (field === null) return { index: col.index, header: col.header, field: null, duplicateOf: null };
    const first = taken.get(field);
    if (first !== undefined) return { index: col.index, header: col.header, field: null, duplicateOf: first };
    taken.set(field, col.index);
    return { index: col.index, header: col.header, field, duplicateOf: null };
  });
}

const BRACKET = /[([【〔]/;

/**
 * The most distinct fields a row of texts matches among `specs` (no requirement check; used to find the header
 * row), as a function made once per file: one index from header spelling to the specs and fields it names, so
 * that each text is looked up once for all specs (most rows scanned are data, whose texts name nothing). The
 * texts are header texts as the table gives them (`normalizeHeaderText`).
 */
export function headerScorer(specs: readonly SourceSpec[], mapping?: Mapping): (texts: readonly string[]) => number {
  const index = new Map<string, { spec: number; field: string }[]>();
  specs.forEach((spec, i) => {
    for (const [header, field] of lookupFor(spec, mapping)) {
      let hits = index.get(header);
      if (!hits) index.set(header, (hits = []));
      hits.push({ spec: i, field });
    }
  });
  return (texts) => {
    const fields = specs.map(() => new Set<string>());
    for (const t of texts) {
      // The table gives normalised texts: normalising again changes only one with a bracket (a nested note).
      const h = BRACKET.test(t) ? normalizeHeaderText(t) : t;
      const exact = index.get(h);
      const stripped = h.includes('(') ? index.get(stripNotes(h)) : undefined;
      if (!exact && !stripped) continue;
      // Per spec, the exact spelling first, as `lookup.get(h) ?? lookup.get(stripped)`.
      for (const hit of exact ?? []) fields[hit.spec].add(hit.field);
      for (const hit of stripped ?? []) if (!exact?.some((e) => e.spec === hit.spec)) fields[hit.spec].add(hit.field);
    }
    let best = 0;
    for (const set of fields) best = Math.max(best, set.size);
    return best;
  };
}
