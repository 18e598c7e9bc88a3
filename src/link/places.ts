import { placeKey } from '../normalize/place.js';

export interface Place {
  township?: string | null;
  village?: string | null;
}

/** Same village: village names agree by meaning, and townships too where both sides name one. */
export function sameVillage(a: Place, b: Place): boolean {
  if (!a.village || !b.village) return false;
  if (placeKey(a.village) !== placeKey(b.village)) return false;
  return !a.township || !b.township || placeKey(a.township) === placeKey(b.township);
}

/** Blocking key: the village part only (townships are checked by `sameVillage`). */
export function villageBlock(p: Place): string | null {
  return p.village ? placeKey(p.village) : null;
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
