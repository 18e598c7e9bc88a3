/**
 * Household fields of the archive, the handbook and the notice board compared with the national record (the
 * record for them): household size, 贫困户属性 (base only: 一般 / 低保 / 特困供养), 脱贫状态 (explicit status
 * columns only), 脱贫年度, 致贫原因, per-capita income (different only beyond both tolerances). Rows repeating
 * household fields give the head's row's value, else the most common one. One finding per household, field
 * and source. An archive or handbook size that matches its own member rows is not compared: the members
 * differ, and the member rules say which source lacks whom. Nor is a board size equal to hukou's count (hukou
 * decides who the members are): the board is right, and the member rules correct the national record.
 */
import type { Field } from '../../model/finding.js';
import { FIELD_LABELS } from '../../model/finding.js';
import { incomesDiffer, type Policy } from '../../model/policy.js';
import type { NationalRecord, HouseholdFileRecord, OneBookRecord, BoardRecord } from '../../sources/index.js';
import type { PovertyAttributeResult, PovertyStatus } from '../../normalize/types.js';
import type { Dataset, RegisteredHousehold } from '../../link/model.js';
import type { Rule, FindingDraft } from '../types.js';
import { householdBase } from '../util.js';
import { at, attributeText, label, moneyText, STATUS_TEXT } from '../shared/display.js';
import { householdValue, type HouseholdValue } from '../shared/household-value.js';
import { aliveInHukou, departureOf, hukouOfGroup, memberKinds, membersOf, nationalListsMembers } from '../shared/members.js';
import { newbornOf } from './newborn.js';

type Row = NationalRecord | HouseholdFileRecord | OneBookRecord | BoardRecord;
type SourceKind = 'household-file' | 'one-book' | 'notice-board';

const SOURCES: readonly SourceKind[] = ['household-file', 'one-book', 'notice-board'];

interface Compared<T> {
  field: Field;
  /** Record field key (for the column in locations). */
  key: string;
  get(r: Row): T | null;
  /** Grouping key: rows with the same key agree. */
  same(v: T): string;
  show(v: T): string;
  differ(policy: Policy, national: T, other: T): boolean;
  /** Extra wording on the difference (income: by how much). */
  detail?(policy: Policy, national: T, other: T): string;
  /** National value when no national row fills the field (household size: the member rows). */
  counted?(h: RegisteredHousehold): T | null;
  /** True when the member rules already account for the difference. */
  explained?(ds: Dataset, h: RegisteredHousehold, kind: SourceKind, other: T): boolean;
}

const EXITED: readonly PovertyStatus[] = ['exited', 'exitedWithPolicy', 'exitedNoPolicy'];

/** 已脱贫 without detail agrees with either 已脱贫 (享受政策 / 不再享受政策). */
export function statusesAgree(a: PovertyStatus, b: PovertyStatus): boolean {
  return a === b || (a === 'exited' && EXITED.includes(b)) || (b === 'exited' && EXITED.includes(a));
}

const plain = (v: string | number): string => String(v);
const percent = (x: number) => `${String(Math.round(x * 10000) / 100)}%`;


function rowsOf(h: RegisteredHousehold, kind: SourceKind): readonly Row[] {
  if (kind === 'household-file') return h.archive?.rows ?? [];
  if (kind === 'one-book') return h.oneBook?.rows ?? [];
  return h.board ? [h.board.record] : [];
}

/**
 * Household size by hukou, the basis for who the members are (null when hukou does not hold the household): the
 * members living in hukou whom nothing records as gone, and the newborns hukou holds that no source lists yet.
 */
function hukouSize(ds: Dataset, h: RegisteredHousehold): number | null {
  if (!memberKinds(h).includes('hukou')) return null;
  let size = 0;
  for (const group of membersOf(h)) {
    const hk = hukouOfGroup(ds, h, group);
    if (hk && aliveInHukou(hk) && !group.some((p) => departureOf(ds, h, p))) size++;
  }
  for (const r of h.hukouOthers) if (newbornOf(ds, h, r)) size++;
  return size;
}

/** National value, else the counted one (flagged so that the message says so). */
function nationalValue<T>(h: RegisteredHousehold, c: Compared<T>): (HouseholdValue<T, Row> & { counted?: boolean }) | null {
  const v = householdValue<T, Row>(h.national, c.get, c.same, c.show);
  const counted = v ? null : (c.counted?.(h) ?? null);
  if (v || counted === null || h.national.length === 0) return v;
  const row = h.national.find((r) => r.relation === 'head') ?? h.national[0];
  return { value: counted, row, note: null, counted: true };
}

function compare<T>(
  ds: Dataset,
  h: RegisteredHousehold,
  c: Compared<T>,
  kind: SourceKind,
  national: () => ReturnType<typeof nationalValue<T>>,
): FindingDraft | null {
  const src = householdValue<T, Row>(rowsOf(h, kind), c.get, c.same, c.show);
  if (!src) return null;
  const nat = national();
  const policy = ds.policy;
  if (!nat || !c.differ(policy, nat.value, src.value) || c.explained?.(ds, h, kind, src.value)) return null;
  const name = FIELD_LABELS[c.field];
  const natText = c.show(nat.value) + (nat.counted ? '（按国办系统成员行数）' : '');
  const evidence: FindingDraft['evidence'] = {};
  if (nat.note) evidence['国办系统'] = nat.note;
  if (src.note) evidence[label(kind)] = src.note;
  return {
    ...householdBase(h),
    field: c.field,
    values: { national: natText, [kind]: c.show(src.value) },
    correct: kind,
    message: `国办系统记录的${name}为“${natText}”，${label(kind)}为“${c.show(src.value)}”${c.detail?.(policy, nat.value, src.value) ?? ''}`,
    suggestion: `以国办系统为准，更正${label(kind)}的${name}`,
    evidence,
    locations: [at('national', nat.row.loc, nat.counted ? null : c.key), at(kind, src.row.loc, c.key)],
  };
}

/** One field of a household compared for every source, in SOURCES order. */
type Check = (ds: Dataset, h: RegisteredHousehold) => FindingDraft[];

/** A field's comparison, with its value type hidden so that all fields fit one list. */
const field =
  <T>(c: Compared<T>): Check =>
  (ds, h) => {
    // The national value is worked out once for all sources, and only when some source has a value.
    let nat: ReturnType<typeof nationalValue<T>> | undefined;
    const national = () => (nat === undefined ? (nat = nationalValue(h, c)) : nat);
    const out: FindingDraft[] = [];
    for (const kind of SOURCES) {
      const f = compare(ds, h, c, kind, national);
      if (f) out.push(f);
    }
    return out;
  };

const CHECKS: readonly Check[] = [
  field<number>({
    field: 'householdSize',
    key: 'householdSize',
    get: (r) => r.householdSize,
    same: plain,
    show: (n) => `${String(n)}人`,
    differ: (_p, a, b) => a !== b,
    counted: (h) => (nationalListsMembers(h) ? h.people.filter((p) => p.records.national).length : null),
    // An archive or handbook whose size matches its own member rows differs in members: member-absent's. A board
    // (no member rows) whose size is hukou's count is right: the member rules correct the national members.
    explained: (ds, h, kind, size) => size === (kind === 'notice-board' ? hukouSize(ds, h) : rowsOf(h, kind).length),
  }),
  field<PovertyAttributeResult>({
    field: 'povertyAttribute',
    key: 'attribute',
    get: (r) => (r.attribute?.base ? r.attribute : null),
    same: (a) => a.base ?? '',
    show: attributeText,
    differ: (_p, a, b) => a.base !== b.base,
  }),
  field<PovertyStatus>({
    field: 'povertyStatus',
    key: 'status',
    get: (r) => ('status' in r ? r.status : null),
    same: plain,
    show: (s) => STATUS_TEXT[s],
    differ: (_p, a, b) => !statusesAgree(a, b),
  }),
  field<number>({
    field: 'exitYear',
    key: 'exitYear',
    get: (r) => r.exitYear,
    same: plain,
    show: (y) => `${String(y)}年`,
    differ: (_p, a, b) => a !== b,
  }),
  field<string>({
    field: 'povertyCause',
    key: 'cause',
    get: (r) => r.cause,
    same: plain,
    show: plain,
    differ: (_p, a, b) => a !== b,
  }),
  field<number>({
    field: 'income',
    key: 'income',
    get: (r) => ('income' in r ? r.income : null),
    same: plain,
    show: moneyText,
    differ: (p, a, b) => incomesDiffer(p, a, b),
    detail: (p, a, b) => {
      const diff = Math.abs(a - b);
      const rel = diff / Math.max(Math.abs(a), Math.abs(b));
      return `，相差${moneyText(Math.round(diff * 100) / 100)}（${percent(rel)}），超过容差（${moneyText(p.incomeTolerance.absolute)}且${percent(p.incomeTolerance.relative)}）`;
    },
  }),
];

export const householdFields: Rule = {
  id: 'mismatch/household-fields',
  category: 'mismatch',
  title: '户信息与国办系统不一致',
  description:
    '一户一档、《一本通》、公示牌的家庭人口、贫困户属性（只比较一般/低保/特困供养，一般脱贫户与一般贫困户视为一致）、脱贫状态、脱贫年度、致贫原因、人均纯收入与国办系统不一致。以国办系统为准；人均纯收入相差同时超过策略规定的金额和比例才列为问题。家庭人口与本来源自身成员行数一致（一户一档、《一本通》）或与户籍核定的人数一致（公示牌）时不列：成员不一致由成员规则指出应更正的来源。',
  severity: 'medium',
  *check(ds) {
    for (const h of ds.households) {
      for (const c of CHECKS) yield* c(ds, h);
    }
  },
};
