/** Hashes of short strings (IDs, household numbers, name keys) for sets looked up once per resident. */

/** FNV-1a hash of `s` from `from` to `to`, continuing `seed`. */
export function hashText(s: string, from = 0, to = s.length, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `hashText` never 0, so that 0 can stand for "no value" in a column of hashes. */
export function keyHash(s: string): number {
  return hashText(s) || 1;
}

/** Hash of a name key (its `keyHash`) together with a birth date. */
export function birthHash(nameKeyHash: number, birth: string): number {
  return hashText(birth, 0, birth.length, nameKeyHash) || 1;
}

/**
 * Hashes (never 0) to small integers, in open addressing over typed arrays: looking up a hash read from a typed
 * column makes no garbage, where a `Map` or `Set` of numbers above 2^30 boxes each one.
 */
export class HashIndex {
  private keys: Uint32Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The value of `hash`, or -1. */
  get(hash: number): number {
    const keys = this.keys;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const k = keys[i];
      if (k === hash) return this.values[i];
      if (k === 0) return -1;
    }
  }

  /** `get(hash) !== -1`, without reading the value (a second cache miss on a large index). */
  has(hash: number): boolean {
    const keys = this.keys;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const k = keys[i];
      if (k === hash) return true;
      if (k === 0) return false;
    }
  }

  /** Sets `hash` to `value` (0 by default); returns false where it was there already (its value kept). */
  add(hash: number, value = 0): boolean {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const k = keys[i];
      if (k === hash) return false;
      if (k === 0) {
        keys[i] = hash;
        this.values[i] = value;
        this.size++;
        return true;
      }
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.add(keys[i], values[i]);
  }
}

/** A HashIndex of the hashes of `texts` (keyHash). */
export function hashIndexOf(texts: Iterable<string>): HashIndex {
  const index = new HashIndex();
  for (const t of texts) index.add(keyHash(t));
  return index;
}

/**
 * Hashes of an ID's three typo blocks under one name key, from the ID's two integer parts (`idHigh`: its
 * first 9 digits; `idLow`: the next 8 times 11 plus the last character, X = 10): the first 9 characters, the
 * last 9, and all but the 9th and 10th (the blocks `typoBlocks` in link/records.ts makes of an ID's text, here
 * from the integers the hukou keys hold). Two IDs one typo apart (one character changed, or two adjacent ones
 * swapped) share at least one block: a change in the first half leaves the second, and the other way round; a
 * swap of the 9th and 10th leaves the third. Calls `each` with every hash (never 0); stops when it returns true.
 */
export function typoBlockHashes(nameKeyHash: number, high: number, low: number, each: (hash: number) => boolean): boolean {
  return (
    each(mixBlock(nameKeyHash, 1, high, 0)) ||
    each(mixBlock(nameKeyHash, 2, 0, low)) ||
    each(mixBlock(nameKeyHash, 3, (high - (high % 10)) / 10, low % 110_000_000))
  );
}

function mixBlock(key: number, tag: number, a: number, b: number): number {
  let h = Math.imul(key ^ Math.imul(tag, 0x9e3779b1), 0x85ebca6b) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}
