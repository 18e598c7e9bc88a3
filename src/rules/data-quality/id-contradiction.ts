/** A birth date or sex column that contradicts the ID number on the same row. */
import { KIND_LABELS } from '../../model/kinds.js';
import type { IdResult } from '../../normalize/types.js';
import { birthOf, idOf } from '../../link/records.js';
import type { FindingDraft, Rule } from '../types.js';
import { everyRecord, personSubject, type RecordRef } from './records.js';
import { SEX_LABELS, refBase, refLocation } from './describe.js';

/**
 * True when a birth-date column agrees with the ID's date. A column typed as a year (`1991`) or a month
 * (`199101`) is read as its first day, so 1 January agrees with any date of the year and the 1st with any
 * day of the month.
 */
export function birthAgrees(column: string, fromId: string): boolean {
  if (column === fromId) return true;
  if (column.endsWith('-01-01') && column.slice(0, 4) === fromId.slice(0, 4)) return true;
  return column.endsWith('-01') && column.slice(0, 7) === fromId.slice(0, 7);
}

/** An ID whose birth date (and, when complete, sex) can be trusted: valid, upgraded, or Excel-damaged (15 digits survive). */
function trustedId(ref: RecordRef): IdResult | null {
  const id = ref.member ? idOf(ref.member) : null;
  if (!id) return null;
  return id.status === 'valid' || id.status === 'upgraded' || id.status === 'damaged' ? id : null;
}

function suggestion(ref: RecordRef, what: string): string {
  if (ref.kind === 'hukou') return `户籍中${what}与身份证号不一致，请户籍部门核对原始登记`;
  return `以户籍和身份证原件为准，核对并更正${KIND_LABELS[ref.kind]}的${what}（或身份证号）`;
}

function* contradictions(ref: RecordRef): Generator<FindingDraft> {
  const r = ref.member;
  const id = trustedId(ref);
  if (!r || !id) return;
  const column = 'birthDate' in r ? r.birthDate : null;
  const birthDiffers = !!column && !!id.birthDate && !birthAgrees(column, id.birthDate);
  const sexDiffers = !!r.gender && !!id.gender && r.gender !== id.gender;
  if (!birthDiffers && !sexDiffers) return;
  const hukou = ref.kind !== 'hukou' ? ref.person?.records.hukou : undefined;
  const kindLabel = KIND_LABELS[ref.kind];
  const base = { ...refBase(ref), correct: ref.kind, evidence: { 身份证号: id.raw } as FindingDraft['evidence'] };
  const idKey = r.idNumber ? 'idNumber' : 'headId';
  if (column && id.birthDate && birthDiffers) {
    const hukouBirth = hukou ? birthOf(hukou) : null;
    yield {
      ...base,
      subject: `${personSubject(ref)}|birthDate`,
      field: 'birthDate',
      values: { [ref.kind]: column, ...(hukouBirth ? { hukou: hukouBirth } : {}) },
      message: `${kindLabel}中${ref.name ?? ''}的出生日期为“${column}”，而其身份证号（${id.raw}）中的出生日期为“${id.birthDate}”，两者不一致`,
      suggestion: suggestion(ref, '出生日期'),
      evidence: { ...base.evidence, 身份证号中的出生日期: id.birthDate },
      locations: [refLocation(ref, 'birthDate'), refLocation(ref, idKey)],
    };
  }
  if (r.gender && id.gender && sexDiffers) {
    const hukouSex = hukou?.gender ?? null;
    yield {
      ...base,
      subject: `${personSubject(ref)}|gender`,
      field: 'gender',
      values: { [ref.kind]: SEX_LABELS[r.gender], ...(hukouSex ? { hukou: SEX_LABELS[hukouSex] } : {}) },
      message: `${kindLabel}中${ref.name ?? ''}的性别为“${SEX_LABELS[r.gender]}”，而其身份证号（${id.raw}）表示性别为“${SEX_LABELS[id.gender]}”，两者不一致`,
      suggestion: suggestion(ref, '性别'),
      evidence: { ...base.evidence, 身份证号表示的性别: SEX_LABELS[id.gender] },
      locations: [refLocation(ref, 'gender'), refLocation(ref, idKey)],
    };
  }
}

export const idContradiction: Rule = {
  id: 'data-quality/id-contradiction',
  category: 'data_quality',
  title: '出生日期或性别与身份证号矛盾',
  description:
    '同一行中“出生日期”或“性别”与身份证号所含的出生日期（第7—14位）、性别（第17位，单数为男）不一致。只填到年或月的出生日期按该年、该月比较。',
  severity: 'medium',
  *check(ds) {
    for (const ref of everyRecord(ds)) {
      if (ref.member) yield* contradictions(ref);
    }
  },
};
