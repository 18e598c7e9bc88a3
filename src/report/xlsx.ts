/** The audit workbook (exceljs streaming writer): 说明, 汇总, 问题清单, category sheets, 数据质量, 来源覆盖. */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import type { AuditResult } from '../model/audit.js';
import { addIntroSheet, type IntroFacts } from './intro.js';
import { sortFindings } from '../model/order.js';
import { addCoverageSheet, addFindingSheets, addQualitySheet, addSummarySheet } from './sheets.js';
import { fixZipTimes } from './zip-time.js';

export const DEFAULT_TITLE = '精准扶贫数据比对问题清单';
export const CREATOR = 'jingzhun';

export interface WorkbookOptions {
  title?: string;
}

/** Writes the workbook of `result` (already limited to one unit when `facts.unit` is set). */
export async function writeWorkbook(result: AuditResult, file: string, facts: IntroFacts): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // Fixed dates from the audit's reference date: the same input gives the same bytes.
  const asOf = new Date(`${result.asOf}T00:00:00Z`);
  // created/modified/creator are read by the writer but missing from its type declarations.
  const options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions> & Record<'created' | 'modified', Date> & Record<'creator' | 'lastModifiedBy', string> = {
    filename: file,
    useSharedStrings: true,
    useStyles: true,
    created: asOf,
    modified: asOf,
    creator: CREATOR,
    lastModifiedBy: CREATOR,
  };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter(options);
  wb.title = facts.title;
  const findings = sortFindings(result.findings);
  addIntroSheet(wb, result, facts);
  addSummarySheet(wb, findings);
  addFindingSheets(wb, findings);
  addQualitySheet(wb, findings, result.inputs);
  addCoverageSheet(wb, result.households);
  await wb.commit();
  await fixZipTimes(file, asOf);
}

/** Writes the whole audit as one workbook. */
export async function writeAuditWorkbook(result: AuditResult, file: string, opts: WorkbookOptions = {}): Promise<void> {
  await writeWorkbook(result, file, {
    title: opts.title ?? DEFAULT_TITLE,
    unit: null,
    households: result.households.length,
    people: result.summary.people,
    findings: result.findings.length,
  });
}
