/**
 * Roster rows (deaths, vehicles, property, business, payroll, payouts, civil affairs) whose ID is not valid but
 * is a registered person's with damage DOMAIN §3.1 names: one mistyped digit or two swapped ones, with the same
 * name; or an Excel-damaged number whose first 15 digits and name match. Such a row is that person's, and the
 * rules read it under the person's valid ID. One candidate only: two namesakes a typo away stay unlinked.
 */
import type { IdResult } from '../normalize/types.js';
import { sharedNameKeys } from '../normalize/name.js';
import { compareNames, idTypo } from './compare.js';
import type { Entry, PeopleIndex } from './people-index.js';
import { NAME_LINK_SCORE } from './people.js';
import { prefix15Of } from './records.js';
import type { RosterRecord, Rosters } from './model.js';

export interface RosterLink {
  /** The registered person's valid ID. */
  id: string;
  /** Chinese: how the row was recognised. */
  note: string;
}

function unique(entries: readonly Entry[]): string | null {
  const ids = new Set<string>();
  for (const e of entries) if (e.id?.id) ids.add(e.id.id);
  return ids.size === 1 ? [...ids][0] : null;
}

function linkOne(index: PeopleIndex, id: IdResult, name: string): RosterLink | null {
  const named = (e: Entry) => e.id?.id && compareNames(name, e.name ?? '').score >= NAME_LINK_SCORE;
  if (id.status === 'damaged') {
    const p15 = prefix15Of(id);
    const found = p15 ? unique((index.withPrefix(p15, false) ?? []).filter(named)) : null;
    return found ? { id: found, note: `名单中的身份证号以数字格式保存已损坏，按前15位和姓名认定为在册人员${found}` } : null;
  }
  if (id.cleaned.length !== 18) return null;
  const typos = index.typoCandidates(sharedNameKeys(name), id.cleaned, false).filter((e) => named(e) && e.id !== null && idTypo(id.cleaned, e.id.cleaned));
  const found = unique(typos);
  if (!found) return null;
  const how = idTypo(id.cleaned, found) === 'oneDigit' ? '相差一位' : '相邻两位颠倒';
  return { id: found, note: `名单中的身份证号与在册人员${found}${how}且姓名相符，应为同一人，在册一侧的号码校验正确` };
}

/** The links of every roster row with an ID that is not valid (worked out once, at linking). */
export function linkRosters(rosters: Rosters, index: PeopleIndex): Map<RosterRecord, RosterLink> {
  const out = new Map<RosterRecord, RosterLink>();
  for (const list of Object.values(rosters) as RosterRecord[][]) {
    for (const r of list) {
      const id = r.idNumber;
      if (!id || id.id || !r.name) continue;
      const link = linkOne(index, id, r.name);
      if (link) out.set(r, link);
    }
  }
  return out;
}

/** The valid ID a roster row stands for: its own, or the registered person's it was linked to. */
export function rosterIdOf(rosterLinks: ReadonlyMap<RosterRecord, RosterLink>, r: RosterRecord): string | null {
  return r.idNumber?.id ?? rosterLinks.get(r)?.id ?? null;
}
