/**
 * Notice boards carry no ID numbers: a board links to a registered household by township + village + head
 * name (typos tolerated), household size only breaking ties. One board per household; anything that could go
 * two ways is reported as ambiguous.
 */
import { compareNames } from './compare.js';
import type { BoardRecord } from '../sources/index.js';
import type { AmbiguousLink, RegisteredHousehold } from './model.js';
import { VillageIndex, sameVillage, villageBlock } from './places.js';
import { NAME_LINK_SCORE } from './people.js';
import { sharedNameKeys } from '../normalize/name.js';

type Scored = { h: RegisteredHousehold; cmp: ReturnType<typeof compareNames> };

/**
 * Households of the board's village by head name, blocked on village + name key: a head of exactly the
 * board's name shares a key with it, and no other head can score higher, so those are the answer. Only when
 * no head has exactly that name (a typo on the board) is every head of the village compared.
 */
class BoardCandidates {
  private readonly villages: VillageIndex<RegisteredHousehold>;
  private readonly byVillageName = new Map<string, RegisteredHousehold[]>();
  private readonly order = new Map<RegisteredHousehold, number>();

  constructor(households: readonly RegisteredHousehold[]) {
    this.villages = new VillageIndex(households);
    households.forEach((h, i) => {
      this.order.set(h, i);
      const v = villageBlock(h);
      if (!v || !h.headName) return;
      for (const k of sharedNameKeys(h.headName)) {
        const key = `${v}|${k}`;
        const list = this.byVillageName.get(key);
        if (!list) this.byVillageName.set(key, [h]);
        else if (!list.includes(h)) list.push(h);
      }
    });
  }

  /** Heads scoring at least NAME_LINK_SCORE, best first (village order among equals). */
  scored(b: BoardRecord, name: string): Scored[] {
    const v = villageBlock(b);
    if (v && name) {
      const seen = new Set<RegisteredHousehold>();
      for (const k of sharedNameKeys(name)) for (const h of this.byVillageName.get(`${v}|${k}`) ?? []) if (sameVillage(b, h)) seen.add(h);
      const exact = [...seen]
        .sort((x, y) => (this.order.get(x) ?? 0) - (this.order.get(y) ?? 0))
        .map((h) => ({ h, cmp: compareNames(name, h.headName ?? '') }))
        .filter((x) => x.cmp.score === 1);
      if (exact.length > 0) return exact;
    }
    return this.villages
      .in(b)
      .map((h) => ({ h, cmp: compareNames(name, h.headName ?? '') }))
      .filter((x) => x.cmp.score >= NAME_LINK_SCORE)
      .sort((x, y) => y.cmp.score - x.cmp.score);
  }
}

export function linkBoards(
  boards: readonly BoardRecord[],
  households: readonly RegisteredHousehold[],
): { unattached: BoardRecord[]; ambiguous: AmbiguousLink[] } {
  const candidates = new BoardCandidates(households);
  const unattached: BoardRecord[] = [];
  const ambiguous: AmbiguousLink[] = [];
  const chosen = new Map<RegisteredHousehold, { board: BoardRecord; score: number }>();

  for (const b of boards) {
    const name = b.headName ?? '';
    let scored = candidates.scored(b, name);
    if (scored.length > 1) {
      const best = scored[0].cmp.score;
      scored = scored.filter((x) => x.cmp.score === best);
    }
    if (scored.length > 1 && b.householdSize !== null) {
      const sized = scored.filter((x) => x.h.people.filter((p) => p.records.national).length === b.householdSize);
      if (sized.length >= 1) scored = sized;
    }
    if (scored.length === 0) {
      unattached.push(b);
      continue;
    }
    if (scored.length > 1) {
      ambiguous.push({
        kind: 'notice-board',
        about: 'record',
        loc: b.loc,
        message: `公示牌（${b.village ?? ''} ${name}）可对应多户：${scored.map((x) => `${x.h.headName}（户编号 ${x.h.householdId}）`).join('、')}`,
        householdIds: scored.map((x) => x.h.householdId).sort(),
      });
      continue;
    }
    const { h, cmp } = scored[0];
    const prior = chosen.get(h);
    if (prior) {
      // Two boards for one household: the closer name keeps it; the other is reported.
      const [keep, drop] = prior.score >= cmp.score ? [prior.board, b] : [b, prior.board];
      chosen.set(h, { board: keep, score: Math.max(prior.score, cmp.score) });
      ambiguous.push({
        kind: 'notice-board',
        about: 'record',
        loc: drop.loc,
        message: `同一户（${h.headName}，户编号 ${h.householdId}）有两块公示牌记录：${drop.headName ?? ''}、${keep.headName ?? ''}`,
        householdIds: [h.householdId],
      });
      continue;
    }
    chosen.set(h, { board: b, score: cmp.score });
  }
  for (const [h, { board, score }] of chosen) {
    const cmp = compareNames(board.headName ?? '', h.headName ?? '');
    h.board = {
      record: board,
      nameScore: score,
      note: cmp.kind === 'exact' ? '按乡镇、村和户主姓名对应' : `按乡镇、村和户主姓名对应（${cmp.explanation}）`,
    };
  }
  return { unattached, ambiguous };
}
