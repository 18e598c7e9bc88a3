/**
 * What identifies the people of registered households, for picking their hukou rows out of all residents
 * without keeping the residents: exact sets behind one-bit sieves (most residents are nobody registered).
 */
import type { HukouRecord } from '../sources/index.js';
import { nameOf, prefix15Of, idOf, typoBlocks, type MemberRecord } from '../link/records.js';
import { sharedNameKeys } from '../normalize/name.js';
import { isIdTypo, isValidId } from '../normalize/id.js';
import type { IdResult } from '../normalize/types.js';

/** IDs scanned one by one up to this many; beyond, through typo blocks. */
const SCAN_LIMIT = 32;

/** IDs (cleaned, 18 characters) to find one typo away from another. */
class TypoIndex {
  /** Each once while there are few (one person is usually in several sources). */
  private readonly ids: string[] = [];
  /** Typo block (see typoBlocks) → IDs, for many; built when first needed. */
  private blocks: Map<string, string[]> | null = null;

  add(id18: string): void {
    if (this.ids.length <= SCAN_LIMIT && this.ids.includes(id18)) return;
    this.ids.push(id18);
    this.blocks = null;
  }

  /** One of them is one typo away from `id18` (one character changed, or two adjacent ones swapped). */
  hasTypoOf(id18: string): boolean {
    const ids = this.ids;
    if (ids.length <= SCAN_LIMIT) {
      for (let i = 0; i < ids.length; i++) if (isIdTypo(ids[i], id18)) return true;
      return false;
    }
    if (this.blocks === null) {
      this.blocks = new Map();
      for (const x of new Set(ids)) {
        for (const b of typoBlocks(x)) {
          const list = this.blocks.get(b);
          if (list) list.push(x);
          else this.blocks.set(b, [x]);
        }
      }
    }
    for (const b of typoBlocks(id18)) {
      const list = this.blocks.get(b);
      if (list) for (const x of list) if (isIdTypo(x, id18)) return true;
    }
    return false;
  }
}

/**
 * Registered people who share one name key. Their IDs are kept apart by validity: the check character catches
 * every one-character change and every swap of two adjacent characters, so two valid IDs are never one typo
 * apart, and a valid ID needs looking up among the invalid ones only.
 */
class Namesakes {
  /** Their birth dates. */
  readonly births = new Set<string>();
  private valid: TypoIndex | null = null;
  private invalid: TypoIndex | null = null;

  add(birth: string | null, id: IdResult | null): void {
    if (birth) this.births.add(birth);
    if (id === null || id.cleaned.length !== 18) return;
    if (id.status === 'valid') (this.valid ??= new TypoIndex()).add(id.cleaned);
    else (this.invalid ??= new TypoIndex()).add(id.cleaned);
  }

  /** Some of them have an ID of 18 characters: a valid one, or any. */
  hasIds(validToo: boolean): boolean {
    return this.invalid !== null || (validToo && this.valid !== null);
  }

  /** One of them has an ID one typo away from `id` (18 characters). */
  hasTypoOf(id: IdResult): boolean {
    return this.hasTypoOfText(id.cleaned, id.status === 'valid');
  }

  /** The same for an ID's 18 characters and whether the ID is valid. */
  hasTypoOfText(id18: string, valid: boolean): boolean {
    if (this.invalid?.hasTypoOf(id18)) return true;
    return !valid && this.valid !== null && this.valid.hasTypoOf(id18);
  }
}

/** FNV-1a hash of `s` from `from` to `to`, continuing `seed`. */
function hashText(s: string, from = 0, to = s.length, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Hashes of a set of strings, one bit each: "certainly not there" from one bit that stays in the processor's
 * cache, before the exact lookup in a large set (most hukou rows are nobody registered). 64 bits per entry: about
 * one "perhaps" in 64 for a string not in the set (a row may ask several sieves).
 */
class Sieve {
  private readonly bits: Int32Array;
  private readonly mask: number;

  constructor(entries: number) {
    let size = 1 << 12;
    while (size < entries * 64 && size < 1 << 27) size *= 2;
    this.bits = new Int32Array(size / 32);
    this.mask = size - 1;
  }

  add(hash: number): void {
    const i = hash & this.mask;
    this.bits[i >>> 5] |= 1 << (i & 31);
  }

  mayHave(hash: number): boolean {
    const i = hash & this.mask;
    return (this.bits[i >>> 5] & (1 << (i & 31))) !== 0;
  }
}

/** A set of strings looked up many times, most lookups failing: the sieve answers those. */
export class SievedSet {
  private readonly sieve: Sieve;

  constructor(private readonly set: ReadonlySet<string>) {
    this.sieve = new Sieve(set.size);
    for (const s of set) this.sieve.add(hashText(s));
  }

  has(s: string): boolean {
    return this.sieve.mayHave(hashText(s)) && this.set.has(s);
  }

  /** False: certainly not in the set (one bit read); true: perhaps. */
  mayHave(s: string): boolean {
    return this.sieve.mayHave(hashText(s));
  }
}

interface Sieves {
  ids: Sieve;
  damagedPrefixes: Sieve;
  /** Name key and birth date of every registered person. */
  births: Sieve;
  /** Name keys with an 18-character ID among their people, and those with an invalid one. */
  withIds: Sieve;
  withInvalidIds: Sieve;
}

/** What picks a registered person's hukou rows: the ID and name the sources give. Plain data (sent to workers). */
export interface PersonKey {
  id: IdResult | null;
  name: string | null;
}

export function personKey(r: MemberRecord): PersonKey {
  return { id: idOf(r), name: nameOf(r) };
}

/** What identifies the people of registered households, for picking their hukou rows out of all residents. */
export class Interest {
  readonly ids = new Set<string>();
  /** First 15 digits of every registered ID, and of those damaged (Excel kept only 15 digits). */
  readonly prefixes = new Set<string>();
  readonly damagedPrefixes = new Set<string>();
  /** Name key → the registered people of that name. */
  readonly names = new Map<string, Namesakes>();
  readonly householdNos = new Set<string>();
  /** Built from the sets above when first asked. */
  private sieves: Sieves | null = null;

  add(person: PersonKey): void {
    this.sieves = null;
    const id = person.id;
    if (id?.id) this.ids.add(id.id);
    const p = prefix15Of(id);
    if (p) this.prefixes.add(p);
    if (p && id?.status === 'damaged') this.damagedPrefixes.add(p);
    const name = person.name;
    if (!name) return;
    for (const k of sharedNameKeys(name)) {
      let namesakes = this.names.get(k);
      if (!namesakes) this.names.set(k, (namesakes = new Namesakes()));
      namesakes.add(id?.birthDate ?? null, id);
    }
  }

  /**
   * A hukou row that may be a registered person: same ID, same surviving 15 digits where one side is damaged, or a namesake whose ID is
   * one typo away or whose birth date is the same (the links the linker may make). Namesakes alone are not kept:
   * a county has thousands of them, and memory must follow registered households, not residents.
   */
  matches(r: HukouRecord): boolean {
    const sieves = (this.sieves ??= this.sift());
    const id = r.idNumber;
    if (id?.id && sieves.ids.mayHave(hashText(id.id)) && this.ids.has(id.id)) return true;
    // The surviving 15 digits link only where one side is damaged (as the linker does): undamaged IDs of one
    // birth day share them with a tenth of the people born that day.
    if (id && (id.status === 'damaged' || this.damagedPrefixes.size > 0)) {
      // The string prefix15Of takes its 15 digits from, hashed without cutting them out first.
      const from = id.status === 'damaged' ? id.prefix15 : (id.id ?? (id.cleaned.length === 18 ? id.cleaned : null));
      if (from !== null && (id.status === 'damaged' || sieves.damagedPrefixes.mayHave(hashText(from, 0, 15)))) {
        const p = prefix15Of(id);
        if (p && (this.damagedPrefixes.has(p) || (id.status === 'damaged' && this.prefixes.has(p)))) return true;
      }
    }
    if (!r.name) return false;
    const birth = r.birthDate ?? id?.birthDate ?? null;
    const id18 = id && id.cleaned.length === 18 ? id : null;
    // A valid ID can be a typo of an invalid one only (see Namesakes).
    const typos = id18 === null ? null : id18.status === 'valid' ? sieves.withInvalidIds : sieves.withIds;
    // Resident names are not cached: memory follows registered households, not residents.
    for (const k of sharedNameKeys(r.name, false)) {
      const key = hashText(k);
      if (!(birth && sieves.births.mayHave(hashText(birth, 0, birth.length, key))) && !typos?.mayHave(key)) continue;
      const namesakes = this.names.get(k);
      if (!namesakes) continue;
      if (birth && namesakes.births.has(birth)) return true;
      if (id18 !== null && namesakes.hasTypoOf(id18)) return true;
    }
    return false;
  }

  /**
   * For a row whose ID is 18 plain characters (digits, upper-case X) and whose name is plain Han text: false when
   * `matches` is certainly false for it, told before the row is parsed. `births`: every birth date the row may
   * have (its birth-date column's text, the date its ID holds). The same checks as `matches`, on the text.
   */
  mayMatchPlain(id: string, name: string, births: readonly string[]): boolean {
    const sieves = (this.sieves ??= this.sift());
    if (sieves.ids.mayHave(hashText(id)) && this.ids.has(id)) return true;
    if (this.damagedPrefixes.size > 0 && sieves.damagedPrefixes.mayHave(hashText(id, 0, 15)) && this.damagedPrefixes.has(id.slice(0, 15))) {
      return true;
    }
    // As in `matches`: a valid ID can be a typo of an invalid one only.
    const valid = isValidId(id);
    const typos = valid ? sieves.withInvalidIds : sieves.withIds;
    for (const k of sharedNameKeys(name, false)) {
      const key = hashText(k);
      let born = false;
      for (const b of births) if (sieves.births.mayHave(hashText(b, 0, b.length, key))) born = true;
      if (!born && !typos.mayHave(key)) continue;
      const namesakes = this.names.get(k);
      if (!namesakes) continue;
      for (const b of births) if (namesakes.births.has(b)) return true;
      if (namesakes.hasTypoOfText(id, valid)) return true;
    }
    return false;
  }

  private sift(): Sieves {
    let births = 0;
    for (const namesakes of this.names.values()) births += namesakes.births.size;
    const sieves: Sieves = {
      ids: new Sieve(this.ids.size),
      damagedPrefixes: new Sieve(this.damagedPrefixes.size),
      births: new Sieve(births),
      withIds: new Sieve(this.names.size),
      withInvalidIds: new Sieve(this.names.size),
    };
    for (const id of this.ids) sieves.ids.add(hashText(id));
    for (const p of this.damagedPrefixes) sieves.damagedPrefixes.add(hashText(p));
    for (const [k, namesakes] of this.names) {
      const key = hashText(k);
      for (const birth of namesakes.births) sieves.births.add(hashText(birth, 0, birth.length, key));
      if (namesakes.hasIds(true)) sieves.withIds.add(key);
      if (namesakes.hasIds(false)) sieves.withInvalidIds.add(key);
    }
    return sieves;
  }
}
