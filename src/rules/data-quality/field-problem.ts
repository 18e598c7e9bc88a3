/**
 * Every cell problem the readers found (a damaged or invalid ID, a bad phone, an unrecognised code …), one
 * finding per record and field; a household field repeated on every member row is one finding for the household.
 */
import { KIND_LABELS } from '../../model/kinds.js';
import type { IdResult } from '../../normalize/types.js';
import type { FieldProblem } from '../../sources/define.js';
import { validId } from '../../link/records.js';
import type { PersonKind } from '../../link/model.js';
import type { FindingDraft, Rule } from '../types.js';
import { cellSubject, everyRecord, householdLevel, type RecordRef } from './records.js';
import { ID_KEYS, findingField, problemSeverity } from './fields.js';
import { refBase, refLocation } from './describe.js';
import { mergeDrafts } from './merge.js';

const RULE_ID = 'data-quality/field-problem';
const LINK_ORDER: PersonKind[] = ['hukou', 'national', 'household-file', 'one-book'];

function idValue(ref: RecordRef, key: string): IdResult | null {
  if (!ID_KEYS.has(key)) return null;
  const v = ref.record[key] as IdResult | null | undefined;
  return v && typeof v === 'object' && 'status' in v ? v : null;
}

/** A valid ID of the same person held by another source, to check the bad one against (never to copy blindly). */
function otherValidId(ref: RecordRef): { id: string; kind: PersonKind } | null {
  const p = ref.person;
  if (!p?.personId) return null;
  for (const kind of LINK_ORDER) {
    const r = p.records[kind];
    if (kind !== ref.memberKind && r && validId(r) === p.personId) return { id: p.personId, kind };
  }
  return null;
}

/**
 * How the record joined its person. A national record is the anchor: there the links of the other sources
 * that rest on a typo or a damaged ID tell which side's number is valid.
 */
function linkEvidence(ref: RecordRef): FindingDraft['evidence'] {
  const p = ref.person;
  if (!p || !ref.memberKind) return {};
  const own = p.links[ref.memberKind];
  if (own) return { 关联方式: own.note };
  const out: FindingDraft['evidence'] = {};
  for (const kind of LINK_ORDER) {
    const link = p.links[kind];
    if (link && (link.method === 'idTypo' || link.method === 'idDamaged')) out[`与${KIND_LABELS[kind]}的关联`] = link.note;
  }
  return out;
}

/** The digits an Excel-damaged ID still holds: the first 15, or fewer when only a short mantissa survived. */
function survivingDigits(id: IdResult): string | null {
  if (id.prefix15) return id.prefix15;
  const m = /^(\d+)(?:\.(\d+))?E/i.exec(id.cleaned);
  return m ? (m[1] + (m[2] ?? '')).replace(/^0+/, '') : null;
}

function damagedText(subject: string, column: string, id: IdResult): string {
  const kept = survivingDigits(id);
  const survive = id.prefix15
    ? `只有前15位“${id.prefix15}”可信`
    : kept
      ? `只保留了前${kept.length}位有效数字“${kept}”`
      : '有效数字已无法辨认';
  return `${subject}的“${column}”以数字格式保存，末尾数字已丢失（表中为“${id.raw}”），${survive}，不能作为身份证号使用，须按原件重新录入`;
}

function draftOf(ref: RecordRef, p: FieldProblem): FindingDraft | null {
  const id = idValue(ref, p.field);
  if (id?.status === 'upgraded') return null; // reported by data-quality/id-upgrade
  if (ref.spec.role === 'board' && p.field === 'helperPhone') return null; // reported by assistance/board-phone
  const kindLabel = KIND_LABELS[ref.kind];
  const perHousehold = householdLevel(ref, p.field);
  const subject = perHousehold ? `${kindLabel}中${ref.headName ?? ref.name ?? ''}户` : `${kindLabel}中${ref.name ?? '（无姓名）'}`;
  const evidence: FindingDraft['evidence'] = {};
  Object.assign(evidence, linkEvidence(ref));

  let message: string;
  let suggestion: string;
  if (id?.status === 'damaged') {
    message = damagedText(subject, p.column, id);
    suggestion = `将${kindLabel}的“${p.column}”列设为文本格式，按身份证或户籍原件重新录入完整的18位号码（不能按残存数字推补）`;
  } else if (id) {
    message = `${subject}的“${p.column}”有误：${p.message}（表中为“${id.raw}”）`;
    suggestion = `核对身份证或户籍原件，更正${kindLabel}的“${p.column}”`;
  } else {
    message = `${subject}的“${p.column}”有误：${p.message}`;
    suggestion = `核对原始资料，按规范重新填写${kindLabel}的“${p.column}”`;
  }
  const other = id && !perHousehold ? otherValidId(ref) : null;
  if (other && other.id !== id?.cleaned) {
    evidence[`${KIND_LABELS[other.kind]}中此人的身份证号（供核对）`] = other.id;
  }
  return {
    ...refBase(ref),
    ...(perHousehold ? { personId: null, name: ref.headName ?? ref.name } : {}),
    subject: cellSubject(ref, p.field, p.value),
    severity: problemSeverity(p.field),
    field: findingField(ref.spec.id, p.field),
    values: { [ref.kind]: p.value },
    correct: ref.kind,
    message,
    suggestion,
    evidence,
    locations: [refLocation(ref, null, p.column)],
  };
}

export const fieldProblem: Rule = {
  id: RULE_ID,
  category: 'data_quality',
  title: '单元格内容有误',
  description:
    '读取各来源时发现的单元格问题：身份证号以数字格式保存而损坏、校验位或出生日期错误、电话号码无效、日期或金额无法识别、代码不在代码表中等。每条记录的每个字段列一次；户级字段在各成员行重复时按户列一次。',
  severity: 'medium',
  check(ds) {
    const drafts: FindingDraft[] = [];
    for (const ref of everyRecord(ds)) {
      for (const p of ref.record.problems) {
        const d = draftOf(ref, p);
        if (d) drafts.push(d);
      }
    }
    return mergeDrafts(RULE_ID, drafts);
  },
};
