/** Every source layout the product knows, in one list (like an ESLint rule index). */
import type { SourceKind } from '../model/kinds.js';
import type { SourceSpec } from './define.js';
import { national } from './national.js';
import { householdFile } from './household-file.js';
import { oneBook, oneBookLedger } from './one-book.js';
import { hukou } from './hukou.js';
import { noticeBoard } from './notice-board.js';
import { civilAffairs, vehicles, business, property, payroll, deaths, payouts } from './rosters.js';

export { national, householdFile, oneBook, oneBookLedger, hukou, noticeBoard, civilAffairs, vehicles, business, property, payroll, deaths, payouts };

export const SPECS: readonly SourceSpec[] = [
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
];

export function specsOfKind(kind: SourceKind): SourceSpec[] {
  return SPECS.filter((s) => s.kind === kind);
}

export type NationalRecord = import('./define.js').SourceRecord<typeof national.fields>;
export type HouseholdFileRecord = import('./define.js').SourceRecord<typeof householdFile.fields>;
export type OneBookRecord = import('./define.js').SourceRecord<typeof oneBook.fields>;
export type LedgerRecord = import('./define.js').SourceRecord<typeof oneBookLedger.fields>;
export type HukouRecord = import('./define.js').SourceRecord<typeof hukou.fields>;
export type BoardRecord = import('./define.js').SourceRecord<typeof noticeBoard.fields>;
export type CivilAffairsRecord = import('./define.js').SourceRecord<typeof civilAffairs.fields>;
export type VehicleRecord = import('./define.js').SourceRecord<typeof vehicles.fields>;
export type BusinessRecord = import('./define.js').SourceRecord<typeof business.fields>;
export type PropertyRecord = import('./define.js').SourceRecord<typeof property.fields>;
export type PayrollRecord = import('./define.js').SourceRecord<typeof payroll.fields>;
export type DeathRecord = import('./define.js').SourceRecord<typeof deaths.fields>;
export type PayoutRecord = import('./define.js').SourceRecord<typeof payouts.fields>;
