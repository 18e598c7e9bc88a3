/** A registered household whose national member rows name no head, or two. */
import { national, type NationalRecord } from '../../sources/index.js';
import type { Dataset, RegisteredHousehold } from '../../link/model.js';
import { nameOf } from '../../link/records.js';
import type { FindingDraft, Rule } from '../types.js';
import { householdBase, location } from '../util.js';

const RELATION_LABEL = national.fields.relation.label;

/** Member rows (the household-level variant of the export has one row per household and no relations). */
export function memberRows(h: RegisteredHousehold): NationalRecord[] {
  return h.national.filter((r) => r.name !== null || r.idNumber !== null);
}

/** Files whose national rows fill the relation column at all (a file without it cannot show a missing head). */
function filesWithRelations(ds: Dataset): Set<string> {
  const files = new Set<string>();
  for (const h of ds.households) for (const r of h.national) if (r.relation) files.add(r.loc.file);
  return files;
}

/** Heads as hukou has them, for evidence. */
function hukouHeads(h: RegisteredHousehold): string {
  const names = h.people.filter((p) => p.records.hukou?.relation === 'head').map((p) => p.records.hukou?.name ?? '');
  return names.join('、');
}

export const headCount: Rule = {
  id: 'data-quality/head-count',
  category: 'data_quality',
  title: '无户主或多个户主',
  description: '国办系统中一户的成员行里没有“与户主关系”为户主的人，或有两人及以上为户主。',
  severity: 'medium',
  *check(ds) {
    const files = filesWithRelations(ds);
    for (const h of ds.households) {
      const rows = memberRows(h);
      if (rows.length === 0) continue;
      const heads = rows.filter((r) => r.relation === 'head');
      if (heads.length === 1) continue;
      const fromHukou = hukouHeads(h);
      const evidence: FindingDraft['evidence'] = fromHukou ? { 户籍中的户主: fromHukou } : {};
      const base = { ...householdBase(h), field: 'head' as const, correct: 'national' as const, evidence };
      if (heads.length === 0) {
        if (!rows.some((r) => files.has(r.loc.file))) continue;
        // An unrecognised relation cell is the root cause, reported by data-quality/field-problem.
        if (rows.some((r) => r.problems.some((p) => p.field === 'relation'))) continue;
        yield {
          ...base,
          name: h.headName,
          subject: 'head:none',
          values: { national: rows.map((r) => nameOf(r) ?? '') },
          message: `国办系统户编号 ${h.householdId} 的 ${rows.length} 名成员中没有人的与户主关系为“户主”`,
          suggestion: `以户籍为准，在国办系统中标明该户户主${fromHukou ? `（户籍中户主为${fromHukou}）` : ''}`,
          locations: rows.map((r) => location('national', r.loc, RELATION_LABEL)),
        };
      } else if (heads.length > 1) {
        const names = heads.map((r) => nameOf(r) ?? '');
        yield {
          ...base,
          subject: 'head:several',
          values: { national: names },
          message: `国办系统户编号 ${h.householdId} 有 ${heads.length} 人的与户主关系为“户主”：${names.join('、')}`,
          suggestion: `以户籍为准，在国办系统中只保留一名户主，更正其他人的与户主关系${fromHukou ? `（户籍中户主为${fromHukou}）` : ''}`,
          locations: heads.map((r) => location('national', r.loc, RELATION_LABEL)),
        };
      }
    }
  },
};
