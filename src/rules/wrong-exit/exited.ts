/**
 * Whether the national record marks a household as exited (脱贫), and when. The national system is the record
 * for status and exit year: 脱贫属性 已脱贫 (any detail), else — with no status — 贫困户属性 / 户类型 at the
 * exited stage (一般脱贫户, 脱贫户). 返贫 and 未脱贫 are not exited.
 */
import type { FindingDraft } from '../types.js';
import type { PovertyAttributeResult, PovertyStatus } from '../../normalize/types.js';
import type { RegisteredHousehold } from '../../link/model.js';
import type { NationalRecord } from '../../sources/index.js';
import { householdValue } from '../shared/household-value.js';
import { attributeText, STATUS_TEXT } from '../shared/display.js';

const EXITED: ReadonlySet<PovertyStatus> = new Set(['exited', 'exitedWithPolicy', 'exitedNoPolicy']);

export interface Exit {
  /** Chinese: `已脱贫（享受政策），2018年脱贫`. */
  text: string;
  year: number | null;
  /** The national row the status was read from. */
  row: NationalRecord;
  /** Field key holding the exited mark (for the location's column). */
  key: 'status' | 'attribute' | 'householdType';
}

const stage = (get: (r: NationalRecord) => PovertyAttributeResult | null) => (h: RegisteredHousehold) =>
  householdValue(h.national, (r) => (get(r)?.stage ? get(r) : null), (a) => a.stage ?? '', attributeText);

export function exitOf(h: RegisteredHousehold): Exit | null {
  const status = householdValue(h.national, (r) => r.status, (s) => s, (s) => STATUS_TEXT[s]);
  if (status && !EXITED.has(status.value)) return null;
  const exitYear = () => householdValue(h.national, (r) => r.exitYear, String, String)?.value ?? null;
  const suffix = (year: number | null) => (year !== null ? `，${String(year)}年脱贫` : '');
  if (status) {
    const year = exitYear();
    return { text: STATUS_TEXT[status.value] + suffix(year), year, row: status.row, key: 'status' };
  }
  for (const key of ['attribute', 'householdType'] as const) {
    const v = stage((r) => r[key])(h);
    if (v?.value.stage === 'exited') {
      const year = exitYear();
      return { text: attributeText(v.value) + suffix(year), year, row: v.row, key };
    }
  }
  return null;
}

/** Evidence every wrong-exit finding carries. */
export function exitEvidence(exit: Exit): FindingDraft['evidence'] {
  return { 脱贫状态: exit.text, 脱贫年度: exit.year };
}

/** `疑似错退：张三户（户编号 H1，已脱贫（享受政策），2018年脱贫）` — the opening of every wrong-exit message. */
export function exitLead(h: RegisteredHousehold, exit: Exit): string {
  return `疑似错退：${h.headName ?? ''}户（户编号 ${h.householdId}）国办系统记录为${exit.text}`;
}
