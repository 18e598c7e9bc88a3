/** Whether a source holds a registered household, and whether its data covers the household's village at all. */
import type { MainKind } from '../model/kinds.js';
import { placeKeyOf } from './places.js';
import type { Dataset, RegisteredHousehold } from './model.js';

export function holds(h: RegisteredHousehold, kind: MainKind): boolean {
  switch (kind) {
    case 'national':
      return true;
    case 'household-file':
      return h.archive !== null;
    case 'one-book':
      return h.oneBook !== null;
    case 'hukou':
      return h.hukouNos.length > 0 || h.people.some((p) => p.records.hukou !== undefined);
    case 'notice-board':
      return h.board !== null;
  }
}

/**
 * Whether a source covers a household's village: the village is among those the source names and, where the
 * source names townships and the household has one, so is the township (village names repeat across
 * townships). A source with no records covers nothing; a household without a village is never covered.
 */
export function covers(ds: Dataset, kind: MainKind, h: RegisteredHousehold): boolean {
  const c = ds.coverage[kind];
  if (!c || !h.village || !c.villages.has(placeKeyOf(h.village))) return false;
  return c.townships.size === 0 || !h.township || c.townships.has(placeKeyOf(h.township));
}
