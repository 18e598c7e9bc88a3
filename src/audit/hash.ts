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

const TYPO_BASE = 0x01000193;
/** TYPO_BASE to the power of 0 … 18 (mod 2^32). */
const TYPO_POW = Array.from({ length: 19 }, (_, k) => {
  let p = 1;
  for (let i = 0; i < k; i++) p = Math.imul(p, TYPO_BASE) >>> 0;
  return p;
});
const prefix = new Uint32Array(19);
const suffix = new Uint32Array(19);

function mix(h: number, tag: number): number {
  h = (h ^ Math.imul(tag + 1, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

/**
 * Hashes of an 18-character ID with one character left out (18 of them), and with two adjacent ones left out
 * (17): two IDs one typo apart (one character changed, or two adjacent ones swapped) share one of them.
 * `values`: the characters' values (digits 0–9, X 10). Calls `each` with every hash; stops when it returns true.
 */
export function someTypoKey(values: ArrayLike<number>, each: (hash: number) => boolean): boolean {
  prefix[0] = 0;
  for (let i = 0; i < 18; i++) prefix[i + 1] = (Math.imul(prefix[i], TYPO_BASE) + values[i]) >>> 0;
  suffix[18] = 0;
  for (let q = 17; q >= 0; q--) suffix[q] = (Math.imul(values[q], TYPO_POW[17 - q]) + suffix[q + 1]) >>> 0;
  for (let p = 0; p < 18; p++) if (each(mix((Math.imul(prefix[p], TYPO_POW[17 - p]) + suffix[p + 1]) >>> 0, p))) return true;
  for (let p = 0; p < 17; p++) if (each(mix((Math.imul(prefix[p], TYPO_POW[16 - p]) + suffix[p + 2]) >>> 0, 32 + p))) return true;
  return false;
}
