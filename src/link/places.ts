import { placeKey } from '../normalize/place.js';
import { remembered } from '../normalize/remembered.js';

/** Bound on remembered place names (a county names a few thousand places; beyond that it starts over). */
const KEYS_LIMIT = 50_000;

/** `placeKey`, remembered: linking and the rules ask for the same few village names again and again. */
export const placeKeyOf: (name: string) => string = remembered(placeKey, KEYS_LIMIT);

export interface Place {
  township?: string | null;
  village?: string | null;
}

/** Same village: village names agree by meaning, and townships too where both sides name one. */
export function sameVillage(a: Place, b: Place): boolean {
  if (!a.village || !b.village) return false;
  if (placeKeyOf(a.village) !== placeKeyOf(b.village)) return false;
  return !a.township || !b.township || placeKeyOf(a.township) === placeKeyOf(b.township);
}

/** Blocking key: the village part only (townships are checked by `sameVillage`). */
export function villageBlock(p: Place): string | null {
  return p.village ? placeKeyOf(p.village) : null;
}

/** Registered households by village block, so that name look-ups within a village never scan every household. */
export class VillageIndex<H extends Place> {
  private readonly byBlock = new Map<string, H[]>();

  constructor(items: readonly H[]) {
    for (const h of items) {
      const k = villageBlock(h);
      if (!k) continue;
      const list = this.byBlock.get(k);
      if (list) list.push(h);
      else this.byBlock.set(k, [h]);
    }
  }

  /** Households in the same village as `p` (township checked where both name one). */
  in(p: Place): H[] {
    const k = villageBlock(p);
    return k ? (this.byBlock.get(k) ?? []).filter((h) => sameVillage(p, h)) : [];
  }
}
