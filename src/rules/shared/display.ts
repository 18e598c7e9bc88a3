/**
 * Shared by the mismatch rules: how values are shown (Chinese display text), where a field's column is, and
 * which links the linker left ambiguous (those are reported as such, never as a mismatch).
 */
import type { Location } from '../../model/finding.js';
import { KIND_LABELS, type MainKind, type SourceKind } from '../../model/kinds.js';
import type { Gender, IdResult, PovertyAttributeResult, PovertyBase, PovertyStage, PovertyStatus } from '../../normalize/types.js';
import type { Loc } from '../../sources/define.js';
import { national, householdFile, oneBook, hukou, noticeBoard } from '../../sources/index.js';
import type { Dataset, RegisteredHousehold } from '../../link/model.js';
import { compareNames, pinyinOf } from '../../normalize/name.js';
import { location } from '../util.js';
import { perDataset } from './per-dataset.js';

export const label = (k: SourceKind): string => KIND_LABELS[k];

const FIELD_LABELS_BY_KIND: Record<MainKind, Record<string, { label: string }>> = {
  national: national.fields,
  'household-file': householdFile.fields,
  'one-book': oneBook.fields,
  hukou: hukou.fields,
  'notice-board': noticeBoard.fields,
};

/** The column header of a source field, as the spec labels it. */
export function columnOf(kind: MainKind, key: string): string | null {
  return FIELD_LABELS_BY_KIND[kind][key]?.label ?? null;
}

/** A record's location with the column of one of its fields. */
export function at(kind: MainKind, loc: Loc, key: string | null = null): Location {
  return location(kind, loc, key === null ? null : columnOf(kind, key));
}

interface AmbiguityIndex {
  /** kind + 户编号 of every ambiguous link. */
  households: Set<string>;
  /** Row number → kind + file/sheet/row of every ambiguous record on a row of that number. */
  records: Map<number, Set<string>>;
}

const locKey = (kind: MainKind, loc: Loc) => `${kind}\u0001${loc.file}\u0001${loc.sheet ?? ''}\u0001${String(loc.row)}`;

const ambiguity = perDataset((ds): AmbiguityIndex => {
  const idx: AmbiguityIndex = { households: new Set(), records: new Map() };
  for (const a of ds.ambiguous) {
    for (const id of a.householdIds) idx.households.add(`${a.kind}\u0001${id}`);
    const onRow = idx.records.get(a.loc.row);
    if (onRow) onRow.add(locKey(a.kind, a.loc));
    else idx.records.set(a.loc.row, new Set([locKey(a.kind, a.loc)]));
  }
  return idx;
});

/** True when the linker reported a link of this kind involving the household as ambiguous (absence unsure). */
export function ambiguousFor(ds: Dataset, kind: MainKind, h: RegisteredHousehold): boolean {
  return ambiguity(ds).households.has(`${kind}\u0001${h.householdId}`);
}

/** True when the linker reported this record's link as ambiguous (it is reported there, not guessed here). */
export function ambiguousRecord(ds: Dataset, kind: MainKind, loc: Loc): boolean {
  return ambiguity(ds).records.get(loc.row)?.has(locKey(kind, loc)) ?? false;
}

export function idText(id: IdResult | null | undefined): string {
  return id?.raw || '（空）';
}

export function personText(name: string | null, id: IdResult | null | undefined): string {
  return id ? `${name ?? '（无姓名）'}（${id.raw}）` : (name ?? '（无姓名）');
}

export const GENDER_TEXT: Record<Gender, string> = { M: '男', F: '女' };

const BASE_TEXT: Record<PovertyBase, string> = {
  general: '一般',
  lowIncome: '低保',
  extremePoor: '特困供养',
  lowIncomeExtreme: '低保特困供养',
};
const STAGE_TEXT: Record<PovertyStage, string> = { poor: '贫困户', exited: '脱贫户', monitored: '监测户', ordinary: '一般农户' };

export function attributeText(a: PovertyAttributeResult): string {
  const stage = a.stage ? STAGE_TEXT[a.stage] : '户';
  return a.base ? `${BASE_TEXT[a.base]}${stage}` : stage;
}

export const STATUS_TEXT: Record<PovertyStatus, string> = {
  notExited: '未脱贫',
  exitedWithPolicy: '已脱贫（享受政策）',
  exitedNoPolicy: '已脱贫（不再享受政策）',
  exited: '已脱贫',
  returned: '返贫',
  riskEliminated: '风险已消除',
  riskNotEliminated: '风险未消除',
};

export const moneyText = (n: number): string => `${String(n)}元`;

/** How two different names differ, in Chinese: a homophone, a near sound, look-alike characters, or simply different. */
export function nameDifference(a: string, b: string): string {
  const cmp = compareNames(a, b);
  if (cmp.kind === 'homophone') return `读音相同（${pinyinOf(a).join(' ')}），系同音字写错`;
  if (cmp.kind === 'fuzzyPinyin') return `读音相近（${pinyinOf(a).join(' ')} / ${pinyinOf(b).join(' ')}）`;
  // The messages show both names already: the comparison's own "（a / b…）" would repeat them in nested brackets.
  const pair = `（${a} / ${b}`;
  const e = cmp.explanation;
  if (!e.includes(pair)) return e;
  const rest = e.slice(e.indexOf(pair) + pair.length, -1); // "" or "，相差1个字…"
  return e.slice(0, e.indexOf(pair)) + rest;
}
