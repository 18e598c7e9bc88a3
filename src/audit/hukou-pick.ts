/**
 * Which hukou rows to parse, judged from their keys (hukou-keys.ts) alone: the rows the two hukou passes
 * (load.ts) may use. Pass 1 asks which rows may be registered people (`Interest.matches`); pass 2 which rows
 * may be kept: members of their hukou households, of households split from them or they from, relatives,
 * members' children, people named on the rosters. Hashes answer "perhaps" for a few rows more than the
 * passes take; the passes decide on the parsed rows, so the rows kept are exactly theirs.
 */
import type { Interest, InterestHashes } from './interest.js';
import { HashIndex, keyHash, typoBlockHashes } from './hash.js';
import { DAMAGED, HAS_HOUSEHOLD, ID18, ID_DIGITS, REJECTED, VALID, idText, type SheetKeys } from './hukou-keys.js';

/** Marks of a row: may be a registered person (pass 1); may be kept, or is to be reported (pass 2). */
export const MAY_MATCH = 1;
export const MAY_KEEP = 2;

/** The row's valid ID may be one typo away from an invalid registered ID of name key `key` (else it certainly is not). */
function mayBeTypo(k: SheetKeys, i: number, key: number, h: InterestHashes): boolean {
  return typoBlockHashes(key, k.idHigh[i], k.idLow[i], (hash) => h.invalidTypoBlocks.has(hash));
}

/** `Interest.matches` on a row's keys: false only where it is false. */
function mayMatch(k: SheetKeys, i: number, h: InterestHashes): boolean {
  const flags = k.flags[i];
  if (k.id[i] !== 0 && h.ids.has(k.id[i])) return true;
  const p = k.prefix[i];
  if (p !== 0 && (h.damagedPrefixes.has(p) || ((flags & DAMAGED) !== 0 && h.prefixes.has(p)))) return true;
  // A valid ID can be a typo of an invalid one only (see Interest's Namesakes).
  const valid = (flags & VALID) !== 0;
  const typos = (flags & ID18) === 0 ? null : valid ? h.withInvalidIds : h.withIds;
  for (let j = k.pairStart[i] * 2, end = k.pairStart[i + 1] * 2; j < end; j += 2) {
    const birth = k.pairs[j + 1];
    if (birth !== 0 && h.births.has(birth)) return true;
    const key = k.pairs[j];
    if (!typos?.has(key)) continue;
    // An ID whose characters were not kept is taken as perhaps a typo.
    if ((flags & ID_DIGITS) === 0) return true;
    // A valid ID can be a typo of an invalid one only: first asked of their typo blocks.
    if (valid && !h.oddInvalidIds.has(key) && !mayBeTypo(k, i, key, h)) continue;
    const id18 = idText(k.idHigh[i], k.idLow[i]);
    for (const namesakes of h.namesakes[h.withIds.get(key)]) if (namesakes.hasTypoOfText(id18, valid)) return true;
  }
  return false;
}

/** Marks (MAY_MATCH, MAY_KEEP) for every row of each sheet: rows without any are not parsed. */
export function pickRows(sheets: readonly SheetKeys[], interest: Interest, rosterIds: ReadonlySet<string>): Uint8Array[] {
  const h = interest.hashes();
  // Pass 1's findings, as hashes: households of people of interest, those and the ones they split from, the
  // IDs of kept people (relatives named, registered people, people on the rosters).
  const households = new HashIndex();
  const keptHouseholds = new HashIndex();
  const keptIds = new HashIndex();
  for (const id of interest.ids) keptIds.add(keyHash(id));
  for (const id of rosterIds) keptIds.add(keyHash(id));
  const add = (index: HashIndex, hash: number) => hash !== 0 && index.add(hash);
  const marks = sheets.map((k) => {
    const m = new Uint8Array(k.rows);
    for (let i = 0; i < k.rows; i++) {
      if ((k.flags[i] & REJECTED) !== 0) m[i] = MAY_KEEP;
      else if (mayMatch(k, i, h)) {
        m[i] = MAY_MATCH;
        add(households, k.household[i]);
        add(keptHouseholds, k.household[i]);
        add(keptHouseholds, k.former[i]);
        add(keptIds, k.father[i]);
        add(keptIds, k.mother[i]);
        add(keptIds, k.spouse[i]);
      }
    }
    return m;
  });
  sheets.forEach((k, s) => {
    const m = marks[s];
    for (let i = 0; i < k.rows; i++) {
      const keep =
        ((m[i] & MAY_MATCH) !== 0 && (k.flags[i] & HAS_HOUSEHOLD) === 0) ||
        (k.household[i] !== 0 && keptHouseholds.has(k.household[i])) ||
        (k.former[i] !== 0 && households.has(k.former[i])) ||
        (k.id[i] !== 0 && keptIds.has(k.id[i])) ||
        (k.father[i] !== 0 && h.ids.has(k.father[i])) ||
        (k.mother[i] !== 0 && h.ids.has(k.mother[i]));
      if (keep) m[i] |= MAY_KEEP;
    }
  });
  return marks;
}
