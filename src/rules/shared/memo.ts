/**
 * Normalised names and compacted texts, remembered: the rules normalise the same county's names, items and
 * categories many times over.
 */
import { normalizeName } from '../../normalize/name.js';
import { compactText } from '../../normalize/text.js';
import { remembered } from '../../normalize/remembered.js';

/** Bound on remembered texts of one kind (a county's fit; beyond that it starts over). */
const LIMIT = 300_000;

/** `normalizeName` of a name as the records hold it. */
export const nameKey: (name: string) => string = remembered(normalizeName, LIMIT);

/** `compactText` of a cell text (items, categories, change types, units). */
export const compact: (text: string) => string = remembered(compactText, LIMIT);
