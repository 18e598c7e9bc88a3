/** Every surveyed notice board, with the registered household it belongs to where one matched. */
import type { BoardRecord } from '../../sources/index.js';
import type { Dataset, RegisteredHousehold } from '../../link/model.js';
import type { FindingDraft } from '../types.js';
import { householdBase } from '../util.js';

export interface Board {
  record: BoardRecord;
  household: RegisteredHousehold | null;
}

export function everyBoard(ds: Dataset): Board[] {
  const out: Board[] = [];
  for (const h of ds.households) if (h.board) out.push({ record: h.board.record, household: h });
  for (const record of ds.unattached.boards) out.push({ record, household: null });
  return out;
}

/** Place, household and head of a finding about a board (by the board's own place and head where no household matched). */
export function boardBase(b: Board): Pick<FindingDraft, 'township' | 'village' | 'householdId' | 'name' | 'personId'> {
  if (b.household) return householdBase(b.household);
  return { township: b.record.township, village: b.record.village, householdId: null, personId: null, name: b.record.headName };
}

/** `张三户（户编号 H1）` or, for a board no registered household matched, `黄金村张三户（未对应到在册户）`. */
export function boardOwner(b: Board): string {
  if (b.household) return `${b.household.headName ?? ''}户（户编号 ${b.household.householdId}）`;
  return `${b.record.village ?? ''}${b.record.headName ?? ''}户（公示牌未对应到在册户）`;
}
