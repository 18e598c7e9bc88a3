/** The same valid ID twice among one household's rows of one file (national, archive or handbook). */
import { KIND_LABELS } from '../../model/kinds.js';
import { validId } from '../../link/records.js';
import type { Rule } from '../types.js';
import { memberUnits, type RecordRef } from '../data-quality/records.js';
import { refBase, refLocation } from '../data-quality/describe.js';

const KINDS = new Set(['national', 'household-file', 'one-book']);

/**
 * Rows of one household (as one source holds it) sharing a file and a valid ID, two or more: groups in the
 * order of their first row.
 */
function sameIdTwice(refs: readonly RecordRef[]): RecordRef[][] {
  if (refs.length < 2) return [];
  const byKey = new Map<string, RecordRef[]>();
  for (const ref of refs) {
    const id = ref.member ? validId(ref.member) : null;
    if (!id) continue;
    const key = `${ref.record.loc.file}\u0001${id}`;
    const g = byKey.get(key);
    if (g) g.push(ref);
    else byKey.set(key, [ref]);
  }
  const out: RecordRef[][] = [];
  for (const g of byKey.values()) if (g.length > 1) out.push(g);
  return out;
}

export const personTwiceInSource: Rule = {
  id: 'duplicate/person-twice-in-source',
  category: 'duplicate',
  title: '同一人在一户中重复登记',
  description: '同一有效身份证号在国办系统、一户一档或《一本通》同一文件的同一户中出现两次及以上，应删除重复的行。',
  severity: 'medium',
  *check(ds) {
    const groups: RecordRef[][] = [];
    for (const u of memberUnits(ds)) if (KINDS.has(u.kind)) groups.push(...sameIdTwice(u.refs));
    for (const refs of groups) {
      const first = refs[0];
      const id = validId(first.member!) as string;
      const kindLabel = KIND_LABELS[first.kind];
      const names = [...new Set(refs.map((r) => r.name ?? ''))];
      yield {
        ...refBase(first),
        personId: id,
        subject: id,
        field: 'member',
        values: { [first.kind]: names.length === 1 ? names[0] : names },
        correct: first.kind,
        message: `${kindLabel}中${first.headName ?? ''}户的${names.join('、')}（${id}）登记了 ${refs.length} 次`,
        suggestion: `删除${kindLabel}中重复的行，每人只保留一条记录`,
        evidence: { 重复次数: refs.length, 文件: first.record.loc.file },
        locations: refs.map((r) => refLocation(r, r.member?.idNumber ? 'idNumber' : 'headId')),
      };
    }
  },
};
