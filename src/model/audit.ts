import { z } from 'zod';
import { findingSchema, CATEGORIES, SEVERITIES } from './finding.js';
import { SOURCE_KINDS, MAIN_KINDS } from './kinds.js';
import { policySchema } from './policy.js';

const kindEnum = z.enum(SOURCE_KINDS);

/** One input file (or one sheet of a workbook) as the audit read it. */
export const inputSchema = z.object({
  file: z.string(),
  sheet: z.string().nullable(),
  kind: kindEnum.nullable(),
  format: z.string().nullable(),
  encoding: z.string().nullable(),
  rows: z.number().int(),
  rejected: z.number().int(),
  /** Chinese message when the file or sheet could not be used (unreadable, unrecognised, skipped). */
  error: z.string().nullable(),
});
export type InputSummary = z.infer<typeof inputSchema>;

/** Which places a source covers: absence from a source is a finding only inside its coverage. */
export const coverageSchema = z.partialRecord(
  kindEnum,
  z.object({
    townships: z.array(z.string()),
    /** "乡镇/村" pairs. */
    villages: z.array(z.string()),
    households: z.number().int(),
  }),
);
export type Coverage = z.infer<typeof coverageSchema>;

export const householdCoverageSchema = z.object({
  householdId: z.string(),
  township: z.string().nullable(),
  village: z.string().nullable(),
  headName: z.string().nullable(),
  /** main kind → the household is held by that source (null: the source does not cover its village). */
  sources: z.record(z.enum(MAIN_KINDS), z.boolean().nullable()),
});
export type HouseholdCoverage = z.infer<typeof householdCoverageSchema>;

export const summarySchema = z.object({
  households: z.number().int(),
  people: z.number().int(),
  /** Problems: findings other than risk warnings. */
  findings: z.number().int(),
  /** Risk warnings (severity warning): watched, not problems. */
  warnings: z.number().int(),
  /** Problems per category (warnings not included). */
  byCategory: z.record(z.enum(CATEGORIES), z.number().int()),
  bySeverity: z.record(z.enum(SEVERITIES), z.number().int()),
  /** township → category → count. */
  byTownship: z.record(z.string(), z.record(z.enum(CATEGORIES), z.number().int())),
});
export type Summary = z.infer<typeof summarySchema>;

export const SCHEMA_VERSION = 1;

/** The whole of findings.json. */
export const auditResultSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generatedBy: z.string(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  policy: policySchema,
  inputs: z.array(inputSchema),
  coverage: coverageSchema,
  households: z.array(householdCoverageSchema),
  summary: summarySchema,
  findings: z.array(findingSchema),
});
export type AuditResult = z.infer<typeof auditResultSchema>;
