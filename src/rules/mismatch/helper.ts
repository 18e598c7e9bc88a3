/**
 * Helper cadre (帮扶责任人) name and phone. The handbook is kept current by the helper: the national record and
 * the notice board are corrected to it. Without a handbook value, the national record is the reference for
 * the board. Names compare normalised (a homophone is still a wrong name); phones compare as numbers
 * (138-0797-1234 = 13807971234). Invalid phones are left to the phone checks. One finding per household,
 * field and source.
 */
import { FIELD_LABELS, type Field } from '../../model/finding.js';
import type { NationalRecord, OneBookRecord, BoardRecord } from '../../sources/index.js';
import type { PhoneResult } from '../../normalize/types.js';
import type { RegisteredHousehold } from '../../link/model.js';
import { nameKey } from '../shared/memo.js';
import { samePhone } from '../../normalize/phone.js';
import type { Rule, FindingDraft } from '../types.js';
import { householdBase } from '../util.js';
import { at, label, nameDifference } from '../shared/display.js';
import { householdValue, type HouseholdValue } from '../shared/household-value.js';

type Row = NationalRecord | OneBookRecord | BoardRecord;
type HelperKind = 'national' | 'one-book' | 'notice-board';

interface HelperField<T> {
  field: Field;
  key: 'helperName' | 'helperPhone';
  get(r: Row): T | null;
  same(v: T): string;
  show(v: T): string;
  differ(a: T, b: T): boolean;
  detail(a: T, b: T): string;
}

function rowsOf(h: RegisteredHousehold, kind: HelperKind): readonly Row[] {
  if (kind === 'national') return h.national;
  if (kind === 'one-book') return h.oneBook?.rows ?? [];
  return h.board ? [h.board.record] : [];
}

type Check = (h: RegisteredHousehold) => FindingDraft[];

const helperField =
  <T>(c: HelperField<T>): Check =>
  (h) => {
    const value = (kind: HelperKind) => householdValue<T, Row>(rowsOf(h, kind), c.get, c.same, c.show);
    const book = value('one-book');
    const national = value('national');
    const reference: [HelperKind, HouseholdValue<T, Row>] | null = book ? ['one-book', book] : national ? ['national', national] : null;
    if (!reference) return [];
    const [refKind, refValue] = reference;
    const targets: HelperKind[] = refKind === 'one-book' ? ['national', 'notice-board'] : ['notice-board'];
    const out: FindingDraft[] = [];
    for (const kind of targets) {
      const v = kind === 'national' ? national : value(kind);
      if (!v || !c.differ(refValue.value, v.value)) continue;
      const name = FIELD_LABELS[c.field];
      const why = refKind === 'one-book' ? '《一本通》由帮扶责任人随时更新' : '该户没有《一本通》记录';
      const evidence: FindingDraft['evidence'] = {};
      if (refValue.note) evidence[label(refKind)] = refValue.note;
      if (v.note) evidence[label(kind)] = v.note;
      out.push({
        ...householdBase(h),
        field: c.field,
        values: { [refKind]: c.show(refValue.value), [kind]: c.show(v.value) },
        correct: kind,
        message: `${label(refKind)}记录的${name}为“${c.show(refValue.value)}”，${label(kind)}为“${c.show(v.value)}”${c.detail(refValue.value, v.value)}`,
        suggestion: `以${label(refKind)}为准（${why}），更正${label(kind)}的${name}`,
        evidence,
        locations: [at(refKind, refValue.row.loc, c.key), at(kind, v.row.loc, c.key)],
      });
    }
    return out;
  };

const CHECKS: readonly Check[] = [
  helperField<string>({
    field: 'helperName',
    key: 'helperName',
    get: (r) => r.helperName,
    same: (n) => nameKey(n),
    show: (n) => n,
    differ: (a, b) => a !== b && nameKey(a) !== nameKey(b),
    detail: (a, b) => `（${nameDifference(a, b)}）`,
  }),
  helperField<PhoneResult>({
    field: 'helperPhone',
    key: 'helperPhone',
    get: (r) => (r.helperPhone?.phone ? r.helperPhone : null),
    same: (p) => p.phone ?? p.raw,
    show: (p) => p.raw,
    differ: (a, b) => a.phone !== b.phone && !samePhone(a.raw, b.raw),
    detail: () => '',
  }),
];

export const helper: Rule = {
  id: 'mismatch/helper',
  category: 'mismatch',
  title: '帮扶责任人信息不一致',
  description:
    '帮扶责任人姓名、电话在国办系统、公示牌与《一本通》之间不一致。《一本通》由帮扶责任人随时更新，以它为准；该户没有《一本通》记录时，公示牌以国办系统为准。电话按号码比较（138-0797-1234 与 13807971234 相同），无效号码另列。',
  severity: 'medium',
  *check(ds) {
    for (const h of ds.households) for (const c of CHECKS) yield* c(h);
  },
};
