/**
 * What identifies the people of registered households, for picking their hukou rows out of all residents
 * without keeping the residents: exact sets, and their hashes for judging rows before they are parsed.
 */
import type { HukouRecord } from '../sources/index.js';
import { nameOf, prefix15Of, idOf, typoBlocks, type MemberRecord } from '../link/records.js';
import { sharedNameKeys } from '../normalize/name.js';
import { isIdTypo } from '../normalize/id.js';
import { birthHash, HashIndex, hashIndexOf, hashText, keyHash, typoBlockHashes } from './hash.js';
import { idParts } from './hukou-keys.js';
import type { IdResult } from '../normalize/types.js';

/** IDs scanned one by one up to this many; beyond, through typo blocks. */
const SCAN_LIMIT = 32;

/** IDs (cleaned, 18 characters) to find one typo away from another. */
class TypoIndex {
  /** Each once while there are few (one person is usually in several sources). */
  private readonly ids: string[] = [];
  /** Typo block (see typoBlocks) → IDs, for many; built when first needed. */
  private blocks: Map<string, string[]> | null = null;

  /** The IDs (a few may be there twice). */
  all(): readonly string[] {
    return this.ids;
  }

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
export class Namesakes {
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

  /** Their invalid IDs of 18 characters. */
  invalidIds(): readonly string[] {
    return this.invalid?.all() ?? [];
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

/** Hashes of what `Interest.matches` looks up, for judging a resident's row from its hashes (hukou-pick.ts). */
export interface InterestHashes {
  ids: HashIndex;
  prefixes: HashIndex;
  damagedPrefixes: HashIndex;
  /** `birthHash` of every registered person's name key and birth date. */
  births: HashIndex;
  /** Name keys (`keyHash`) with an 18-character ID among their people → their place in `namesakes`. */
  withIds: HashIndex;
  /** Those with an invalid ID among them. */
  withInvalidIds: HashIndex;
  /** The people of those name keys (several where keys' hashes collide). */
  namesakes: Namesakes[][];
  /**
   * `typoBlockHashes` of the invalid IDs among them written as 17 digits and a digit or X, under their name key:
   * a valid ID one typo from one of them shares a block hash with it under that key.
   */
  invalidTypoBlocks: HashIndex;
  /** Name keys with an invalid ID written otherwise (checked one by one). */
  oddInvalidIds: HashIndex;
}

/** What picks a registered person's hukou rows: the ID and name the sources give. */
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
  /**
   * First 15 digits of the registered IDs without a valid number: damaged ones (Excel kept only 15 digits) and
   * invalid ones of 18 characters. Those of valid IDs are the first 15 of `ids`, taken from there when needed
   * (`hasPrefix`, `hashes`).
   */
  private readonly otherPrefixes = new Set<string>();
  /** The first 15 digits of `ids`, made on first use. */
  private validPrefixes: Set<string> | null = null;
  readonly damagedPrefixes = new Set<string>();
  /** Name key → the registered people of that name. */
  readonly names = new Map<string, Namesakes>();
  readonly householdNos = new Set<string>();
  /**
   * Valid IDs written in full (cleaned = id) → the name first added with one: most people are in several
   * sources, and adding the same ID and name again changes nothing.
   */
  private readonly added = new Map<string, string | null>();

  add(person: PersonKey): void {
    const id = person.id;
    if (id?.id) {
      if (id.cleaned === id.id) {
        const name = this.added.get(id.id);
        if (name === person.name) return;
        if (name === undefined) this.added.set(id.id, person.name);
      }
      this.validPrefixes?.add(id.id.slice(0, 15));
      this.ids.add(id.id);
    } else {
      const p = prefix15Of(id);
      if (p) this.otherPrefixes.add(p);
      if (p && id?.status === 'damaged') this.damagedPrefixes.add(p);
    }
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
    const id = r.idNumber;
    if (id?.id && this.ids.has(id.id)) return true;
    // The surviving 15 digits link only where one side is damaged (as the linker does): undamaged IDs of one
    // birth day share them with a tenth of the people born that day.
    if (id && (id.status === 'damaged' || this.damagedPrefixes.size > 0)) {
      const p = prefix15Of(id);
      if (p && (this.damagedPrefixes.has(p) || (id.status === 'damaged' && this.hasPrefix(p)))) return true;
    }
    if (!r.name) return false;
    const birth = r.birthDate ?? id?.birthDate ?? null;
    const id18 = id && id.cleaned.length === 18 ? id : null;
    // Resident names are not cached: memory follows registered households, not residents.
    for (const k of sharedNameKeys(r.name, false)) {
      const namesakes = this.names.get(k);
      if (!namesakes) continue;
      if (birth && namesakes.births.has(birth)) return true;
      if (id18 !== null && namesakes.hasTypoOf(id18)) return true;
    }
    return false;
  }

  /** Some registered ID, valid or not, has these first 15 digits. */
  private hasPrefix(p: string): boolean {
    if (this.otherPrefixes.has(p)) return true;
    if (this.validPrefixes === null) {
      this.validPrefixes = new Set();
      for (const id of this.ids) this.validPrefixes.add(id.slice(0, 15));
    }
    return this.validPrefixes.has(p);
  }

  /** The hashes of the sets `matches` looks in. */
  hashes(): InterestHashes {
    const hashes: InterestHashes = {
      ids: hashIndexOf(this.ids),
      prefixes: hashIndexOf(this.otherPrefixes),
      damagedPrefixes: hashIndexOf(this.damagedPrefixes),
      births: new HashIndex(this.names.size * 2),
      withIds: new HashIndex(),
      withInvalidIds: new HashIndex(),
      namesakes: [],
      invalidTypoBlocks: new HashIndex(),
      oddInvalidIds: new HashIndex(),
    };
    // keyHash of each valid ID's first 15 characters, without cutting them out.
    for (const id of this.ids) hashes.prefixes.add(hashText(id, 0, 15) || 1);
    for (const [k, namesakes] of this.names) {
      const key = keyHash(k);
      for (const birth of namesakes.births) hashes.births.add(birthHash(key, birth));
      if (!namesakes.hasIds(true)) continue;
      const at = hashes.withIds.get(key);
      if (at === -1) {
        hashes.withIds.add(key, hashes.namesakes.length);
        hashes.namesakes.push([namesakes]);
      } else hashes.namesakes[at].push(namesakes);
      if (!namesakes.hasIds(false)) continue;
      hashes.withInvalidIds.add(key);
      for (const id of namesakes.invalidIds()) {
        const parts = idParts(id);
        if (parts === null) hashes.oddInvalidIds.add(key);
        else typoBlockHashes(key, parts.high, parts.low, (h) => (hashes.invalidTypoBlocks.add(h), false));
      }
    }
    return hashes;
  }
}
