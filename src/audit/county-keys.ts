/**
 * What one county's audit reaches for and what its files hold, in keys that tell whether auditing two counties
 * apart could differ from auditing them together (by-county.ts): a valid ID, a 户编号 or a township + village
 * one county's audit reaches for that another county's files also hold.
 */
import type { Dataset } from '../link/model.js';
import type { MemberRecord } from '../link/records.js';
import { validId } from '../link/records.js';
import { keptHukouRows } from '../rules/shared/members.js';
import { Column, ID_DIGITS, VALID, idParts, type SheetKeys } from './hukou-keys.js';

export interface CountyKeys {
  /**
   * Valid IDs the audit looks for in every source, as `IdCodes` pairs: the registered people's (national export,
   * archive, handbook) and the relatives their hukou rows name.
   */
  reach: Uint32Array;
  /** Valid IDs the county's files hold, as `IdCodes` pairs: registered sources, rosters, every hukou row scanned. */
  held: Uint32Array;
  /** 户编号 of the registered households and of the other sources' households. */
  households: string[];
  /** "乡镇/村" of every place a source covers (notice boards and households are matched by place and name). */
  villages: string[];
}

/**
 * Valid IDs as pairs of integers (hukou-keys.ts `idParts`: the first 9 digits, then the next 8 and the check
 * character), one after the other in a Uint32Array: never a JS number for the whole ID, no garbage per ID.
 */
export class IdCodes {
  private codes = new Column(1 << 12);

  private push(high: number, low: number): void {
    this.codes.push(high);
    this.codes.push(low);
  }

  addText(id: string): void {
    const parts = idParts(id);
    if (parts) this.push(parts.high, parts.low);
  }

  /** The valid IDs of every hukou row scanned, sheet by sheet (before their keys are let go). */
  addKeys(keys: readonly SheetKeys[]): void {
    for (const k of keys) {
      for (let i = 0; i < k.rows; i++) {
        if ((k.flags[i] & (VALID | ID_DIGITS)) === (VALID | ID_DIGITS)) this.push(k.idHigh[i], k.idLow[i]);
      }
    }
  }

  done(): Uint32Array {
    return this.codes.done();
  }
}

/** Hash of an ID's pair. */
function pairHash(high: number, low: number): number {
  return Math.imul(high ^ Math.imul(low, 0x9e3779b1), 0x85ebca6b) >>> 0;
}

/**
 * Which counties reach for each ID: open addressing over the pairs, in typed arrays (a prefecture's counties
 * reach for a few million IDs, and hold ten million).
 */
export class ReachTable {
  /** Three words a slot (one cache line holds them): the ID's pair, and 1 + the first county reaching for it (0: empty). */
  private slots: Uint32Array;
  /** Slot → every county reaching for its ID, where more than one does. */
  private more = new Map<number, number[]>();
  private mask: number;
  /**
   * Eight bits per slot, one set for each ID added: most IDs looked up are no county's, and this answers them
   * from a few MB (the slots of a prefecture are about 100 MB, a cache miss a lookup).
   */
  private filter: Int32Array;
  private filterMask: number;

  constructor(pairs: number) {
    let capacity = 16;
    while (capacity < pairs * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity * 3);
    this.mask = capacity - 1;
    this.filter = new Int32Array(capacity / 4);
    this.filterMask = capacity * 8 - 1;
  }

  /** The filter's bit of a hash: its halves swapped, so that it is not the slot's low bits again. */
  private bit(hash: number): number {
    return ((hash >>> 16) | (hash << 16)) & this.filterMask;
  }

  /** The slot (times 3) holding the pair, or the empty one where it would go. */
  private slot(high: number, low: number): number {
    const t = this.slots;
    let i = pairHash(high, low) & this.mask;
    while (t[i * 3 + 2] !== 0 && (t[i * 3] !== high || t[i * 3 + 1] !== low)) i = (i + 1) & this.mask;
    return i * 3;
  }

  add(codes: Uint32Array, county: number): void {
    const t = this.slots;
    for (let j = 0; j < codes.length; j += 2) {
      const bit = this.bit(pairHash(codes[j], codes[j + 1]));
      this.filter[bit >>> 5] |= 1 << (bit & 31);
      const i = this.slot(codes[j], codes[j + 1]);
      const had = t[i + 2] - 1;
      if (had === -1) {
        t[i] = codes[j];
        t[i + 1] = codes[j + 1];
        t[i + 2] = county + 1;
      } else if (had !== county) {
        const list = this.more.get(i) ?? [had];
        if (!list.includes(county)) list.push(county);
        this.more.set(i, list);
      }
    }
  }

  /** Calls `found` with each county other than `county` that reaches for an ID among `codes`. */
  others(codes: Uint32Array, county: number, found: (other: number) => void): void {
    const t = this.slots;
    for (let j = 0; j < codes.length; j += 2) {
      const bit = this.bit(pairHash(codes[j], codes[j + 1]));
      if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) continue;
      const i = this.slot(codes[j], codes[j + 1]);
      const first = t[i + 2] - 1;
      if (first === -1) continue;
      if (first !== county) found(first);
      for (const c of this.more.get(i) ?? []) if (c !== county && c !== first) found(c);
    }
  }
}

function addId(codes: IdCodes, r: MemberRecord): void {
  const id = validId(r);
  if (id) codes.addText(id);
}

/** The county's keys, from its linked dataset and the IDs of its hukou rows (`held`, filled while reading). */
export function countyKeys(ds: Dataset, held: IdCodes): CountyKeys {
  const reach = new IdCodes();
  const households = new Set<string>();
  const registered = (r: MemberRecord) => {
    addId(reach, r);
    addId(held, r);
  };
  for (const h of ds.households) {
    households.add(h.householdId);
    h.national.forEach(registered);
    h.archive?.rows.forEach(registered);
    h.oneBook?.rows.forEach(registered);
  }
  for (const s of [...ds.unattached.archive, ...ds.unattached.oneBook]) {
    households.add(s.key);
    s.rows.forEach(registered);
  }
  for (const r of keptHukouRows(ds)) for (const rel of [r.fatherId, r.motherId, r.spouseId]) if (rel?.id) reach.addText(rel.id);
  for (const list of Object.values(ds.rosters) as { idNumber?: { id: string | null } | null }[][]) {
    for (const r of list) if (r.idNumber?.id) held.addText(r.idNumber.id);
  }
  const villages = new Set<string>();
  for (const c of Object.values(ds.coverage)) for (const v of c?.villages.values() ?? []) villages.add(v);
  return { reach: reach.done(), held: held.done(), households: [...households], villages: [...villages] };
}
