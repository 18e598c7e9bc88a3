/**
 * What the hukou passes look at in a resident's row, as hashes in typed columns: about 40 bytes a row, off the
 * JS heap and cheap to hand from a worker thread. Made once per hukou sheet when its file is read (read-input.ts) and
 * judged against the registered households by hukou-pick.ts; only the rows picked are parsed again.
 *
 * A row's keys are made from its text where its cells are written plainly (what most rows are), else from the
 * row parsed. Either way they stand for the parsed values the passes use (load.ts): from the text they may
 * say "perhaps" where the parse would not (a birth date that does not parse, an ID of a bad check character),
 * never the other way round.
 */
import type { HukouRecord } from '../sources/index.js';
import { prefix15Of } from '../link/records.js';
import { isPlainHan, sharedNameKeys } from '../normalize/name.js';
import { isValidId } from '../normalize/id.js';
import { birthHash, keyHash } from './hash.js';

/** Flags of a row. */
export const REJECTED = 1;
export const HAS_HOUSEHOLD = 2;
/** Its ID has 18 characters once cleaned; VALID: and is valid; DAMAGED: went through a spreadsheet number. */
export const ID18 = 4;
export const VALID = 8;
export const DAMAGED = 16;
/** Its 18 characters are held in idHigh and idLow (digits and a last X): else a typo of it cannot be checked. */
export const ID_DIGITS = 32;

/** One hukou sheet's rows (data rows in reading order); each hash 0 where the row has no value. */
export interface SheetKeys {
  sheet: string;
  rows: number;
  /** Each data row's number in the sheet. */
  rowNo: Uint32Array;
  flags: Uint8Array;
  /** Valid ID. */
  id: Uint32Array;
  /** An ID's 18 characters (ID_DIGITS): the first 9 digits, and the next 8 times 11 plus the last (X = 10). */
  idHigh: Uint32Array;
  idLow: Uint32Array;
  /** Its first 15 digits (prefix15Of). */
  prefix: Uint32Array;
  household: Uint32Array;
  former: Uint32Array;
  father: Uint32Array;
  mother: Uint32Array;
  spouse: Uint32Array;
  /** Row i's name keys and births: pairs[2j] a name key's hash, pairs[2j+1] its birthHash (0: no birth), for j from pairStart[i] to pairStart[i+1]. */
  pairStart: Uint32Array;
  pairs: Uint32Array;
}

/** The fields a row's keys come from. */
export const KEY_FIELDS = ['idNumber', 'name', 'birthDate', 'householdNo', 'formerHouseholdNo', 'fatherId', 'motherId', 'spouseId'];

/**
 * Text that parses to itself: a household number of digits, an 18-character ID in upper case, an ISO date.
 * Asked of every resident's row, so read character by character (a regular expression took about four times as
 * long on a million IDs).
 */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function isPlainCode(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

function isPlainId(s: string): boolean {
  if (s.length !== 18) return false;
  for (let i = 0; i < 17; i++) if (!isDigit(s.charCodeAt(i))) return false;
  const last = s.charCodeAt(17);
  return isDigit(last) || last === 0x58;
}

function isPlainDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return false;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** A field's text (see ReadOptions.passOver): '' when empty, null when the cell is not text. */
export type FieldText = (field: string) => string | null;

const hashOf = (s: string | null | undefined): number => (s ? keyHash(s) : 0);

/** A growing column of 32-bit values. */
export class Column {
  data: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Uint32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** Makes a sheet's keys row by row. */
export class SheetKeysMaker {
  private flags = new Uint8Array(1 << 14);
  private readonly cols = {
    rowNo: new Column(1 << 14),
    id: new Column(1 << 14),
    idHigh: new Column(1 << 14),
    idLow: new Column(1 << 14),
    prefix: new Column(1 << 14),
    household: new Column(1 << 14),
    former: new Column(1 << 14),
    father: new Column(1 << 14),
    mother: new Column(1 << 14),
    spouse: new Column(1 << 14),
    pairStart: new Column(1 << 14),
    pairs: new Column(1 << 15),
  };
  private rows = 0;

  constructor(private readonly sheet: string) {}

  /** A row the reader rejected (no name and no ID): parsed again to be reported. `rowNo`: its number in the sheet. */
  rejected(rowNo: number): void {
    this.row(rowNo, REJECTED, 0, 0, 0, 0, 0, 0, 0, null);
  }

  /** A parsed row, the sheet's row `rowNo`. */
  fromRecord(r: HukouRecord, rowNo: number): void {
    const id = r.idNumber;
    let flags = r.householdNo ? HAS_HOUSEHOLD : 0;
    const id18 = id && id.cleaned.length === 18 ? id.cleaned : null;
    if (id18 !== null) flags |= ID18;
    if (id?.status === 'valid') flags |= VALID;
    if (id?.status === 'damaged') flags |= DAMAGED;
    this.row(
      rowNo,
      flags,
      hashOf(id?.id),
      hashOf(prefix15Of(id)),
      hashOf(r.householdNo),
      hashOf(r.formerHouseholdNo),
      hashOf(r.fatherId?.id),
      hashOf(r.motherId?.id),
      hashOf(r.spouseId?.id),
      id18,
    );
    if (r.name) this.names(r.name, r.birthDate ?? id?.birthDate ?? null, null);
  }

  /**
   * A row from its text, when every key field is written plainly (an 18-character valid ID, a name of Han
   * characters only, digits for household numbers, an ISO date): then the text is what parsing would give.
   * Returns false, adding nothing, for any other row. `rowNo`: its number in the sheet.
   */
  fromText(text: FieldText, rowNo: number): boolean {
    const id = text('idNumber');
    const name = text('name');
    const birth = text('birthDate');
    const household = text('householdNo');
    const former = text('formerHouseholdNo');
    if (id === null || name === null || birth === null || household === null || former === null) return false;
    if (!isPlainId(id) || name === '' || !isPlainHan(name) || !isValidId(id)) return false;
    if ((birth !== '' && !isPlainDate(birth)) || !plainOrEmpty(household, isPlainCode) || !plainOrEmpty(former, isPlainCode)) return false;
    const father = text('fatherId');
    const mother = text('motherId');
    const spouse = text('spouseId');
    if (!plainOrEmpty(father, isPlainId) || !plainOrEmpty(mother, isPlainId) || !plainOrEmpty(spouse, isPlainId)) return false;
    const h = keyHash(id);
    this.row(
      rowNo,
      (household ? HAS_HOUSEHOLD : 0) | ID18 | VALID,
      h,
      keyHash(id.slice(0, 15)),
      hashOf(household),
      hashOf(former),
      hashOf(father),
      hashOf(mother),
      hashOf(spouse),
      id,
    );
    // The birth date the row is matched on: its own column's where that parses, else the ID's. A date of the
    // right shape may still not parse (1990-02-30): both are kept then.
    const fromId = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    this.names(name, birth === '' ? fromId : birth, birth === '' || birth === fromId ? null : fromId);
    return true;
  }

  done(): SheetKeys {
    const c = this.cols;
    c.pairStart.push(c.pairs.length / 2);
    return {
      sheet: this.sheet,
      rows: this.rows,
      rowNo: c.rowNo.done(),
      flags: this.flags.slice(0, this.rows),
      id: c.id.done(),
      idHigh: c.idHigh.done(),
      idLow: c.idLow.done(),
      prefix: c.prefix.done(),
      household: c.household.done(),
      former: c.former.done(),
      father: c.father.done(),
      mother: c.mother.done(),
      spouse: c.spouse.done(),
      pairStart: c.pairStart.done(),
      pairs: c.pairs.done(),
    };
  }

  private row(
    rowNo: number,
    flags: number,
    id: number,
    prefix: number,
    household: number,
    former: number,
    father: number,
    mother: number,
    spouse: number,
    id18: string | null,
  ): void {
    const parts = id18 === null ? null : idParts(id18);
    if (parts !== null) flags |= ID_DIGITS;
    if (this.rows === this.flags.length) {
      const grown = new Uint8Array(this.flags.length * 2);
      grown.set(this.flags);
      this.flags = grown;
    }
    this.flags[this.rows++] = flags;
    const c = this.cols;
    c.rowNo.push(rowNo);
    c.id.push(id);
    c.idHigh.push(parts?.high ?? 0);
    c.idLow.push(parts?.low ?? 0);
    c.prefix.push(prefix);
    c.household.push(household);
    c.former.push(former);
    c.father.push(father);
    c.mother.push(mother);
    c.spouse.push(spouse);
    c.pairStart.push(c.pairs.length / 2);
  }

  private names(name: string, birth: string | null, otherBirth: string | null): void {
    const pairs = this.cols.pairs;
    // Resident names are not cached: memory follows registered households, not residents.
    for (const k of sharedNameKeys(name, false)) {
      const key = keyHash(k);
      pairs.push(key);
      pairs.push(birth ? birthHash(key, birth) : 0);
      if (otherBirth) {
        pairs.push(key);
        pairs.push(birthHash(key, otherBirth));
      }
    }
  }
}

function plainOrEmpty(s: string | null, plain: (s: string) => boolean): boolean {
  return s !== null && (s === '' || plain(s));
}

/**
 * The number the digits of `s` from `from` to `to` (at most 9) write. An ID is held as two such parts, each well
 * inside a 32-bit integer, and given back as text by `idText`: never as one number.
 */
function digitsOf(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

/** An ID of 17 digits and a digit or X as two integers (`SheetKeys.idHigh`, `idLow`); null for any other text. */
export function idParts(id18: string): { high: number; low: number } | null {
  if (!isPlainId(id18)) return null;
  return { high: digitsOf(id18, 0, 9), low: digitsOf(id18, 9, 17) * 11 + (id18.charCodeAt(17) === 0x58 ? 10 : id18.charCodeAt(17) - 48) };
}

/** The 18 characters `idHigh` and `idLow` hold. */
export function idText(high: number, low: number): string {
  const last = low % 11;
  return `${String(high).padStart(9, '0')}${String((low - last) / 11).padStart(8, '0')}${last === 10 ? 'X' : String(last)}`;
}
