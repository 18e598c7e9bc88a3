/**
 * Normalised names and compacted texts, remembered: the rules normalise the same county's names, items and
 * categories many times over.
 */
import { normalizeName } from '../../normalize/name.js';
import { compactText } from '../../normalize/text.js';

/** Bound on remembered texts of one kind (a county's fit; beyond that it starts over). */
const LIMIT = 300_000;

function remembered(f: (s: string) => string): (s: string) => string {
  const known = new Map<string, string>();
  return (s) => {
    let v = known.get(s);
    if (v === undefined) {
      v = f(s);
      if (known.size >= LIMIT) known.clear();
      known.set(s, v);
    }
    return v;
  };
}

/** `normalizeName` of a name as the records hold it. */
export const nameKey: (name: string) => string = remembered(normalizeName);

/** `compactText` of a cell text (items, categories, change types, units). */
export const compact: (text: string) => string = remembered(compactText);
