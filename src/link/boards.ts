/**
 * Notice boards carry no ID numbers: a board links to a registered household by township + village + head
 * name (typos tolerated), household size only breaking ties. One board per household; anything that could go
 * two ways is reported as ambiguous.
 */
import { compareNames } from '../normalize/name.js';
import type { BoardRecord } from '../sources/index.js';
import type { AmbiguousLink, RegisteredHousehold } from './model.js';
import { VillageIndex } from './places.js';
import { NAME_LINK_SCORE } from './people.js';

export function linkBoards(
  boards: readonly BoardRecord[],
  households: readonly RegisteredHousehold[],
): { unattached: BoardRecord[]; ambiguous: AmbiguousLink[] } {
  const villages = new VillageIndex(households);
  const unattached: BoardRecord[] = [];
  const ambiguous: AmbiguousLink[] = [];
  const chosen = new Map<RegisteredHousehold, { board: BoardRecord; score: number }>();

  for (const b of boards) {
    const name = b.headName ?? '';
    let scored = villages
      .in(b)
      .map((h) => ({ h, cmp: compareNames(name, h.headName ?? '') }))
      .filter((x) => x.cmp.score >= NAME_LINK_SCORE)
      .sort((x, y) => y.cmp.score - x.cmp.score);
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
