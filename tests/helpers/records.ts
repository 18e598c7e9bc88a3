/**
 * Hand-built records for rule and link tests: every field null unless given. IDs and phones go through the
 * real normalisers, so tests see what the readers would produce.
 */
import type { FieldMap, SourceRecord, SourceSpec } from '../../src/sources/define.js';
import {
  national,
  householdFile,
  oneBook,
  oneBookLedger,
  hukou,
  noticeBoard,
  civilAffairs,
  vehicles,
  business,
  property,
  payroll,
  deaths,
  payouts,
  type NationalRecord,
  type HouseholdFileRecord,
  type OneBookRecord,
  type LedgerRecord,
  type HukouRecord,
  type BoardRecord,
} from '../../src/sources/index.js';
import { normalizeId } from '../../src/normalize/id.js';
import { normalizePhone } from '../../src/normalize/phone.js';
import type { IdResult, PhoneResult } from '../../src/normalize/types.js';

let rowCounter = 0;

export function blank<F extends FieldMap>(spec: SourceSpec<F>, file = `${spec.id}.xlsx`): SourceRecord<F> {
  const rec: Record<string, unknown> = { loc: { file, sheet: 'Sheet1', row: ++rowCounter + 1 }, problems: [] };
  for (const k of Object.keys(spec.fields)) rec[k] = null;
  return rec as SourceRecord<F>;
}

export const id = (s: string): IdResult => normalizeId(s);
export const phone = (s: string): PhoneResult => normalizePhone(s);

export function make<F extends FieldMap>(spec: SourceSpec<F>, values: Partial<SourceRecord<F>>): SourceRecord<F> {
  return Object.assign(blank(spec), values);
}

export const nationalRow = (v: Partial<NationalRecord>) => make(national, v);
export const archiveRow = (v: Partial<HouseholdFileRecord>) => make(householdFile, v);
export const bookRow = (v: Partial<OneBookRecord>) => make(oneBook, v);
export const ledgerRow = (v: Partial<LedgerRecord>) => make(oneBookLedger, v);
export const hukouRow = (v: Partial<HukouRecord>) => make(hukou, v);
export const boardRow = (v: Partial<BoardRecord>) => make(noticeBoard, v);
export const rosterSpecs = { 'civil-affairs': civilAffairs, vehicles, business, property, payroll, deaths, payouts } as const;
