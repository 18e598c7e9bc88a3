/**
 * The comparisons linking makes between two records (name comparisons, ID typo checks), counted so that a
 * test can show they grow with the input, not with its square. Same results as the normalisers' functions.
 */
import { compareNames as compareNamesPlain } from '../normalize/name.js';
import { idTypo as idTypoPlain } from '../normalize/id.js';

let count = 0;

/** Comparisons made so far in this process. */
export function comparisonCount(): number {
  return count;
}

export function compareNames(a: string, b: string): ReturnType<typeof compareNamesPlain> {
  count++;
  return compareNamesPlain(a, b);
}

export function idTypo(a: string, b: string): ReturnType<typeof idTypoPlain> {
  count++;
  return idTypoPlain(a, b);
}
