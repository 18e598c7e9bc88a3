/**
 * Indexes over the people of every registered household, by their anchor record (national, else archive, else
 * handbook): ID, first 15 digits, name key, and within a name key the typo blocks and birth dates. A county's
 * indexes are large, and each look-up into a large map costs a trip to memory: the index keeps what one record
 * asks for in as few look-ups as it can (one name-key look-up gives the namesakes, their typo blocks and their
 * birth dates).
 */
import { sharedNameKeys } from '../normalize/name.js';
import type { IdResult } from '../normalize/types.js';
import type { Person, RegisteredHousehold } from './model.js';
import { anchorOf, birthOf, idOf, nameOf, prefix15Of, typoBlocks } from './records.js';

export interface Candidate {
  person: Person;
  household: RegisteredHousehold;
}

/** A person as the index holds them, with what linking compares of their anchor record kept at hand. */
export interface Entry extends Candidate {
  /** Place in index order: household, then person within it. */
  order: number;
  /** The linking run (see `PeopleIndex.newRun`) whose record took this person; 0 for none. */
  claimedBy: number;
  /** The anchor record's ID and name. */
  id: IdResult | null;
  name: string | null;
}

/** The people of one name key, with their typo blocks and birth dates (each built on first use). */
interface NameGroup {
  people: Entry[];
  /** How many of them have an 18-character ID that is not valid (and not damaged): the only ones a valid ID can be one typo from. */
  invalid: number;
  typo: Map<string, Entry[]> | null;
  births: Map<string, Entry[]> | null;
}

/** Room for the people of one household in the order number (far more than any household has). */
const PEOPLE_PER_HOUSEHOLD = 1 << 20;

/** Adds `e` to a list once, in index order (people added later take the place a fresh index would give them). */
function insertInto(list: Entry[], e: Entry): void {
  let j = list.length;
  while (j > 0 && list[j - 1].order > e.order) j--;
  if (j > 0 && list[j - 1] === e) return;
  if (j === list.length) list.push(e);
  else list.splice(j, 0, e);
}

function insert(m: Map<string, Entry[]>, k: string | null | undefined, e: Entry): void {
  if (k === null || k === undefined || k === '') return;
  const list = m.get(k);
  if (list) insertInto(list, e);
  else m.set(k, [e]);
}

/** Files a person under the typo blocks of their anchor's 18-character ID, unless it is damaged. */
function addTypoBlocks(byBlock: Map<string, Entry[]>, e: Entry): void {
  const id = e.id;
  if (!id || id.cleaned.length !== 18 || id.status === 'damaged') return;
  for (const b of typoBlocks(id.cleaned)) insert(byBlock, b, e);
}

/** Files a person under their anchor's birth date. */
function addBirth(byBirth: Map<string, Entry[]>, e: Entry): void {
  insert(byBirth, birthOf(anchorOf(e.person)), e);
}

/** Entries of several lists, each once, in the order met (lists are short: an array serves as the set). */
function union(lists: readonly (readonly Entry[])[]): Entry[] {
  if (lists.length === 1) return [...lists[0]];
  const out: Entry[] = [];
  for (const list of lists) for (const e of list) if (!out.includes(e)) out.push(e);
  return out;
}

/**
 * People only ever join a household (at its end) and keep their anchor, so `extend` brings the index up to
 * date as a new one would be, lists in the same order.
 */
export class PeopleIndex {
  private readonly ids = new Map<string, Entry[]>();
  private readonly prefixes = new Map<string, Entry[]>();
  /** The same, for people whose ID lost its last digits in Excel only (few: a small map to ask). */
  private readonly damagedPrefixes = new Map<string, Entry[]>();
  private readonly names = new Map<string, NameGroup>();
  /** How many of each household's people are indexed (by the household's place in `households`). */
  private readonly indexed: number[] = [];
  private runs = 0;

  constructor(private readonly households: readonly RegisteredHousehold[]) {
    this.extend();
  }

  /** Indexes the people added to the households since the index was built or last extended. */
  extend(): void {
    this.households.forEach((household, hi) => {
      const from = this.indexed[hi] ?? 0;
      const people = household.people;
      for (let pi = from; pi < people.length; pi++) this.add(people[pi], household, hi * PEOPLE_PER_HOUSEHOLD + pi);
      this.indexed[hi] = people.length;
    });
  }

  /** A new linking run: people it takes are marked with its number (`Entry.claimedBy`). */
  newRun(): number {
    return ++this.runs;
  }

  private add(person: Person, household: RegisteredHousehold, order: number): void {
    const r = person.records.national ?? person.records['household-file'] ?? person.records['one-book'];
    if (!r) return;
    const id = idOf(r);
    const name = nameOf(r);
    const e: Entry = { person, household, order, claimedBy: 0, id, name };
    insert(this.ids, id?.id, e);
    const prefix = prefix15Of(id);
    insert(this.prefixes, prefix, e);
    if (id?.status === 'damaged') insert(this.damagedPrefixes, prefix, e);
    if (!name) return;
    const invalid = id !== null && id.cleaned.length === 18 && id.status !== 'valid' && id.status !== 'damaged' ? 1 : 0;
    for (const k of sharedNameKeys(name)) {
      if (k === '') continue;
      const group = this.names.get(k);
      if (!group) {
        this.names.set(k, { people: [e], invalid, typo: null, births: null });
        continue;
      }
      const before = group.people.length;
      insertInto(group.people, e);
      if (group.people.length > before) group.invalid += invalid;
      if (group.typo) addTypoBlocks(group.typo, e);
      if (group.births) addBirth(group.births, e);
    }
  }

  /** People whose anchor holds this valid ID. */
  withId(id: string): readonly Entry[] | undefined {
    return this.ids.get(id);
  }

  /** People whose anchor's ID keeps these first 15 digits: all of them, or only those whose ID is damaged. */
  withPrefix(prefix15: string, damagedOnly: boolean): readonly Entry[] | undefined {
    return (damagedOnly ? this.damagedPrefixes : this.prefixes).get(prefix15);
  }

  /** True when no indexed person has a damaged ID (then an intact ID never needs the prefix look-up). */
  get noDamagedIds(): boolean {
    return this.damagedPrefixes.size === 0;
  }

  /**
   * People sharing one of the name keys `keys` (of the record's name, as `sharedNameKeys` gives them) whose
   * anchor ID shares a typo block with `id18`, so may be one typo away: the same people, in the same order, as
   * the namesakes filtered by the typo check, without looking at every namesake. `valid`: `id18` is a valid ID;
   * then namesakes whose IDs are all valid are passed over, since the check character catches every one-character
   * change and every swap of two adjacent characters: two valid IDs are never one typo apart.
   */
  typoCandidates(keys: readonly string[], id18: string, valid: boolean): Entry[] {
    let blocks: string[] | null = null;
    let found: Entry[] | null = null;
    let ranks: number[] | null = null;
    // Short lists serve as their own set; a long one (a common name in a big county) gets a real one.
    let seen: Set<Entry> | null = null;
    for (let i = 0; i < keys.length; i++) {
      const group = this.names.get(keys[i]);
      if (!group || (valid && group.invalid === 0)) continue;
      if (!group.typo) {
        group.typo = new Map();
        for (const e of group.people) addTypoBlocks(group.typo, e);
      }
      blocks ??= typoBlocks(id18);
      for (const b of blocks) {
        const list = group.typo.get(b);
        if (!list) continue;
        found ??= [];
        ranks ??= [];
        for (const e of list) {
          if (seen ? seen.has(e) : found.includes(e)) continue;
          found.push(e);
          ranks.push(i);
          if (seen) seen.add(e);
          else if (found.length > 16) seen = new Set(found);
        }
      }
    }
    if (!found || !ranks) return [];
    if (found.length === 1) return found;
    // By the first name key that found them, then in index order.
    const rank = ranks;
    const at = found.map((_, j) => j).sort((a, b) => rank[a] - rank[b] || (found as Entry[])[a].order - (found as Entry[])[b].order);
    return at.map((j) => (found as Entry[])[j]);
  }

  /** Namesakes (by the name keys `keys`) born on `birth`, each once, in the order the keys and the index give. */
  byNameAndBirth(keys: readonly string[], birth: string): Entry[] {
    const lists: Entry[][] = [];
    for (const k of keys) {
      const group = this.names.get(k);
      if (!group) continue;
      if (!group.births) {
        group.births = new Map();
        for (const e of group.people) addBirth(group.births, e);
      }
      const list = group.births.get(birth);
      if (list) lists.push(list);
    }
    return lists.length === 0 ? [] : union(lists);
  }
}
