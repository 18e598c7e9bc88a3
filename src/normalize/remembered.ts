/**
 * A text function with its answers remembered: linking and the rules normalise the same county's names, places
 * and items many times over. At most `limit` answers are kept (beyond that it starts over), so memory stays
 * bounded whatever the input.
 */
export function remembered(f: (s: string) => string, limit: number): (s: string) => string {
  const known = new Map<string, string>();
  return (s) => {
    let v = known.get(s);
    if (v === undefined) {
      v = f(s);
      if (known.size >= limit) known.clear();
      known.set(s, v);
    }
    return v;
  };
}
