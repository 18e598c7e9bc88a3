/** 15-digit ID numbers (issued before 1999) still in use: to be replaced by their 18-character form. */
import { KIND_LABELS } from '../../model/kinds.js';
import type { IdResult } from '../../normalize/types.js';
import type { FindingDraft, Rule } from '../types.js';
import { cellSubject, everyRecord, householdLevel } from './records.js';
import { ID_KEYS } from './fields.js';
import { refBase, refLocation } from './describe.js';
import { mergeDrafts } from './merge.js';

const RULE_ID = 'data-quality/id-upgrade';

export const idUpgrade: Rule = {
  id: RULE_ID,
  category: 'data_quality',
  title: '15位身份证号待升级',
  description: '身份证号仍为15位旧号码：按国家标准在年份前补“19”并计算校验位，升级为18位号码。两者指同一人，仅需更新。',
  severity: 'low',
  check(ds) {
    const drafts: FindingDraft[] = [];
    for (const ref of everyRecord(ds)) {
      // A 15-digit ID is a problem of its cell (normalizeId says it is to be upgraded): only records with
      // problems are looked into.
      for (const { field: key } of ref.record.problems) {
        if (!ID_KEYS.has(key)) continue;
        const id = ref.record[key] as IdResult | null;
        if (!id || id.status !== 'upgraded' || !id.id) continue;
        const label = ref.spec.fields[key].label;
        const kindLabel = KIND_LABELS[ref.kind];
        const perHousehold = householdLevel(ref, key);
        const whose = perHousehold ? `${ref.headName ?? ref.name ?? ''}户的户主` : (ref.name ?? '（无姓名）');
        drafts.push({
          ...refBase(ref),
          ...(perHousehold ? { personId: id.id, name: ref.headName ?? ref.name } : {}),
          subject: cellSubject(ref, key, id.raw),
          field: 'idNumber',
          values: { [ref.kind]: id.raw },
          correct: ref.kind,
          message: `${kindLabel}中${whose}的“${label}”为15位旧号码“${id.cleaned}”，对应的18位号码为“${id.id}”`,
          suggestion: `将${kindLabel}的“${label}”更新为18位号码 ${id.id}（可与身份证原件核对）`,
          evidence: { '15位号码': id.cleaned, '18位号码': id.id },
          locations: [refLocation(ref, key)],
        });
      }
    }
    return mergeDrafts(RULE_ID, drafts);
  },
};
