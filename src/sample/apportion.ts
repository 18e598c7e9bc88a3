/** Whole-number shares of a total. */

/**
 * Splits `total` into whole parts proportional to `weights` that sum to exactly `total` (largest remainder:
 * the parts with the biggest fractions get the units left over, the earlier part first among equals).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const shares = weights.map((w) => (total * w) / sum);
  const parts = shares.map(Math.floor);
  let left = total - parts.reduce((s, q) => s + q, 0);
  const byRemainder = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) parts[byRemainder[k % byRemainder.length][1]] += 1;
  return parts;
}
