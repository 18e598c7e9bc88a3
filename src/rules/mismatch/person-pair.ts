/** A person's record in one member source, and the finding that two of them disagree on a field. */
import type { Field, Location } from '../../model/finding.js';
import type { Person, PersonKind, RegisteredHousehold } from '../../link/model.js';
import type { MemberRecord } from '../../link/records.js';
import type { FindingDraft } from '../types.js';
import { personBase } from '../util.js';
import { at, label } from '../shared/display.js';

export interface Side {
  kind: PersonKind;
  rec: MemberRecord;
}

export function sideOf(p: Person, kind: PersonKind): Side | null {
  const rec = p.records[kind];
  return rec ? { kind, rec } : null;
}

/** One side of a comparison: the record, the source field the value came from, and the value as shown. */
export interface Shown {
  side: Side;
  key: string;
  text: string;
}

export interface PairFinding {
  field: Field;
  ref: Shown;
  other: Shown;
  correct: PersonKind;
  message: string;
  suggestion: string;
  severity?: FindingDraft['severity'];
}

/** How each involved record was linked to the person (the linker's Chinese notes). */
export function linkEvidence(p: Person, kinds: readonly PersonKind[]): FindingDraft['evidence'] {
  const notes = kinds.flatMap((k) => (p.links[k] ? [`${label(k)}：${p.links[k].note}`] : []));
  return notes.length ? { 关联方式: notes.join('；') } : {};
}

export function pairDraft(h: RegisteredHousehold, p: Person, f: PairFinding): FindingDraft {
  const locations: Location[] = [at(f.ref.side.kind, f.ref.side.rec.loc, f.ref.key), at(f.other.side.kind, f.other.side.rec.loc, f.other.key)];
  const draft: FindingDraft = {
    ...personBase(h, p),
    field: f.field,
    values: { [f.ref.side.kind]: f.ref.text, [f.other.side.kind]: f.other.text },
    correct: f.correct,
    message: f.message,
    suggestion: f.suggestion,
    evidence: linkEvidence(p, [f.ref.side.kind, f.other.side.kind]),
    locations,
  };
  if (f.severity) draft.severity = f.severity;
  return draft;
}
