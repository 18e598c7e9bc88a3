/** How source field keys map onto finding fields, which are household-level, and how bad a bad cell is. */
import type { Field, Severity } from '../../model/finding.js';

const FIELD_OF: Readonly<Record<string, Field>> = {
  idNumber: 'idNumber',
  headId: 'idNumber',
  fatherId: 'idNumber',
  motherId: 'idNumber',
  spouseId: 'idNumber',
  name: 'name',
  headName: 'head',
  birthDate: 'birthDate',
  gender: 'gender',
  relation: 'relation',
  householdSize: 'householdSize',
  income: 'income',
  attribute: 'povertyAttribute',
  householdType: 'povertyAttribute',
  status: 'povertyStatus',
  exitYear: 'exitYear',
  firstIdentified: 'firstIdentified',
  cause: 'povertyCause',
  housing: 'housing',
  dangerousHouse: 'housing',
  dangerLevel: 'housing',
  schooling: 'schooling',
  seriousIllnessInsurance: 'insurance',
  medicalInsurance: 'insurance',
  waterSafe: 'water',
  waterDifficulty: 'water',
  helperName: 'helperName',
  helperPhone: 'helperPhone',
  phone: 'phone',
  personPhone: 'phone',
  boardStatus: 'boardStatus',
  township: 'village',
  village: 'village',
  amount: 'benefitAmount',
};

/** Finding field of a source field key (`headId` → idNumber); the ledger's 金额 is income, not a benefit. */
export function findingField(specId: string, key: string): Field | null {
  if (specId === 'one-book-ledger' && key === 'amount') return 'income';
  return FIELD_OF[key] ?? null;
}

/** ID-number fields: their value is an IdResult. */
export const ID_KEYS: ReadonlySet<string> = new Set(['idNumber', 'headId', 'fatherId', 'motherId', 'spouseId']);

/** Codes that must stay digit strings (a number cell loses digits past the 15th). */
const CODE_KEYS: ReadonlySet<string> = new Set(['householdNo', 'personNo', 'bankCard', 'plate', 'formerHouseholdNo']);

/** Phones, dates, amounts, counts and years: a bad one is a wrong value, not only an unfamiliar word. */
const VALUE_KEYS: ReadonlySet<string> = new Set([
  'phone',
  'personPhone',
  'helperPhone',
  'birthDate',
  'firstIdentified',
  'personIdentified',
  'riskIdentified',
  'riskEliminatedDate',
  'created',
  'changeDate',
  'registered',
  'established',
  'deathDate',
  'date',
  'income',
  'amount',
  'capital',
  'area',
  'workMonths',
  'householdSize',
  'count',
  'exitYear',
  'year',
]);

/**
 * Severity of a cell problem: a bad ID or a code that lost digits → high (the person or household cannot be
 * identified); a bad phone, date, amount or count → medium; a word or code not in the value list → low.
 */
export function problemSeverity(key: string): Severity {
  if (ID_KEYS.has(key) || CODE_KEYS.has(key)) return 'high';
  if (VALUE_KEYS.has(key)) return 'medium';
  return 'low';
}

/** Fields that describe one person; every other field of a member source repeats the household's value on each row. */
const PERSON_KEYS: ReadonlySet<string> = new Set([
  'name',
  'idNumber',
  'personNo',
  'relation',
  'gender',
  'ethnicity',
  'birthDate',
  'education',
  'schooling',
  'health',
  'labour',
  'work',
  'workMonths',
  'seriousIllnessInsurance',
  'medicalInsurance',
  'personPhone',
  'personIdentified',
  'personStatus',
  'changeType',
  'changeDate',
  'formerHouseholdNo',
  'fatherId',
  'motherId',
  'spouseId',
]);

export function isPersonField(key: string): boolean {
  return PERSON_KEYS.has(key);
}
