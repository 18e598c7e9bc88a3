/** Records that could link to two registered households: reported for a person to decide, never guessed. */
import { KIND_LABELS } from '../../model/kinds.js';
import type { Loc } from '../../sources/define.js';
import { validId } from '../../link/records.js';
import type { Rule } from '../types.js';
import { location } from '../util.js';
import { everyRecord, type RecordRef } from './records.js';
import { repeatedNationalIds } from '../duplicate/national-ids.js';

const locKey = (l: Loc) => `${l.file}\u0001${l.sheet ?? ''}\u0001${l.row}`;

export const ambiguousLink: Rule = {
  id: 'data-quality/ambiguous-link',
  category: 'data_quality',
  title: '无法确定对应哪一户',
  description:
    '一条记录（一户一档、《一本通》、户籍或公示牌）按身份证号、姓名、出生日期或户主姓名可对应国办系统的多户或多人，程序不作猜测，须人工核定。因国办系统中同一身份证号重复而无法确定的，只在“人员重复”中列出。',
  severity: 'medium',
  *check(ds) {
    // Records on a row some ambiguity names (the row number first, so that other records build no key).
    const rows = new Set(ds.ambiguous.map((a) => a.loc.row));
    const byLoc = new Map<string, RecordRef>();
    if (rows.size > 0) for (const ref of everyRecord(ds)) if (rows.has(ref.record.loc.row)) byLoc.set(locKey(ref.record.loc), ref);
    const repeated = repeatedNationalIds(ds);
    for (const a of ds.ambiguous) {
      const ref = byLoc.get(locKey(a.loc));
      const id = ref?.member ? validId(ref.member) : null;
      if (id && repeated.has(id)) continue; // root cause: the ID twice in the national data (duplicate rules)
      const candidates = a.householdIds.map((hid) => ds.byHouseholdId.get(hid)).filter((h) => h !== undefined);
      const first = candidates[0] ?? null;
      yield {
        township: ref?.township ?? first?.township ?? null,
        village: ref?.village ?? first?.village ?? null,
        householdId: a.householdIds.length === 1 ? a.householdIds[0] : null,
        personId: id,
        name: ref?.name ?? null,
        // What the record is and which households it could join: no file or row, so it survives next month's file.
        subject: `${a.kind}|${a.message}`,
        field: 'presence',
        values: { national: a.householdIds.length === 1 ? a.householdIds[0] : a.householdIds },
        correct: null,
        message: a.message,
        suggestion: `人工核定该条${KIND_LABELS[a.kind]}记录属于哪一户，并补全或更正其身份证号、户主姓名等信息，使其能唯一对应`,
        evidence: {
          候选户编号: a.householdIds.join('、'),
          候选户主: candidates.map((h) => h.headName ?? '').join('、'),
        },
        locations: [location(a.kind, a.loc), ...candidates.map((h) => location('national', h.national[0].loc))],
      };
    }
  },
};
