/** Uniform access to the person-holding records of the four member sources. */
import type { IdResult } from '../normalize/types.js';
import type { Person, PersonKind, PersonRecords } from './model.js';

export type MemberRecord = NonNullable<PersonRecords[PersonKind]>;

/** The record a person is known by when other sources link to it: national, else archive, else handbook. */
export function anchorOf(p: Person): MemberRecord {
  const r = p.records.national ?? p.records['household-file'] ?? p.records['one-book'];
  if (!r) throw new Error('person without a national, archive or handbook record');
  return r;
}

/** A record's person name (the household-level national variant has only the head's columns). */
export function nameOf(r: MemberRecord): string | null {
  return r.name ?? ('headName' in r ? r.headName : null) ?? null;
}

export function idOf(r: MemberRecord): IdResult | null {
  return r.idNumber ?? ('headId' in r && !r.name ? r.headId : null) ?? null;
}

/** Valid normalised ID of a record, or null. */
export function validId(r: MemberRecord): string | null {
  return idOf(r)?.id ?? null;
}

/** Birth date: the birth-date column where the source has one, else the one encoded in the ID. */
export function birthOf(r: MemberRecord): string | null {
  return ('birthDate' in r ? r.birthDate : null) ?? idOf(r)?.birthDate ?? null;
}

/** First 15 characters that survive in any ID form: damaged ones keep exactly these. */
export function prefix15Of(id: IdResult | null): string | null {
  if (!id) return null;
  if (id.status === 'damaged') return id.prefix15;
  if (id.id) return id.id.slice(0, 15);
  if (id.cleaned.length === 18) return id.cleaned.slice(0, 15);
  return null;
}

/**
 * Blocks an 18-character ID shares with every ID one typo away (one character changed, or two adjacent ones
 * swapped): such a typo leaves the first nine, the last nine, or all but characters 9–10 untouched.
 */
export function typoBlocks(id18: string): string[] {
  const x = id18.toUpperCase();
  return [`a${x.slice(0, 9)}`, `b${x.slice(9)}`, `c${x.slice(0, 8)}${x.slice(10)}`];
}
