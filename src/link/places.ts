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
