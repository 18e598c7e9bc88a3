/** What data-quality findings say about a record: where it is, whose it is, which sex it gives. */
import type { Location } from '../../model/finding.js';
import { KIND_LABELS } from '../../model/kinds.js';
import type { Gender } from '../../normalize/types.js';
import { idOf, type MemberRecord } from '../../link/records.js';
import type { FindingDraft } from '../types.js';
import { location } from '../util.js';
import type { RecordRef } from './records.js';

export const SEX_LABELS: Record<Gender, string> = { M: '男', F: '女' };

/** `一户一档中张三`: the source and the person (or head) a record names. */
export function who(ref: RecordRef): string {
  return `${KIND_LABELS[ref.kind]}中${ref.name ?? '（无姓名）'}`;
}

/** The record's location, with the column label of a field of its spec. */
export function refLocation(ref: RecordRef, fieldKey: string | null, column?: string): Location {
  const label = column ?? (fieldKey ? (ref.spec.fields[fieldKey]?.label ?? null) : null);
  return location(ref.kind, ref.record.loc, label);
}

/** Place, household, person and name of a finding about one record. */
export function refBase(ref: RecordRef): Pick<FindingDraft, 'township' | 'village' | 'householdId' | 'personId' | 'name'> {
  const id = ref.member ? idOf(ref.member) : null;
  return {
    township: ref.household?.township ?? ref.township,
    village: ref.household?.village ?? ref.village,
    householdId: ref.household?.householdId ?? null,
    personId: ref.person?.personId ?? id?.id ?? null,
    name: ref.name,
  };
}

export interface Sex {
  sex: Gender;
  /** Chinese: where the sex was read. */
  from: string;
}

/** Sex of a member: from a valid ID number first (more reliable than a typed 性别 cell), else the 性别 column. */
export function sexOf(r: MemberRecord): Sex | null {
  const id = idOf(r);
  if (id?.id && id.gender) return { sex: id.gender, from: '按身份证号' };
  if (r.gender) return { sex: r.gender, from: '按性别列' };
  return null;
}
