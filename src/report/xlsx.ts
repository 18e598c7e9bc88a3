/** The audit workbook: 说明, 汇总, 问题清单, category sheets, 数据质量, 来源覆盖. */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { XlsxWriter } from '../io/xlsx-write.js';
import type { AuditResult } from '../model/audit.js';
import { FONT } from './cells.js';
import { addIntroSheet, type IntroFacts } from './intro.js';
import { sortFindings } from '../model/order.js';
import { addCoverageSheet, addFindingSheets, addQualitySheet, addSummarySheet } from './sheets.js';

export const DEFAULT_TITLE = '精准扶贫数据比对问题清单';
export const CREATOR = 'jingzhun';

export interface WorkbookOptions {
  title?: string;
}

/** Writes the workbook of `result` (already limited to one unit when `facts.unit` is set). */
export async function writeWorkbook(result: AuditResult, file: string, facts: IntroFacts): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // Fixed dates from the audit's reference date: the same input gives the same bytes.
  const wb = new XlsxWriter(file, { title: facts.title, creator: CREATOR, date: new Date(`${result.asOf}T00:00:00Z`), defaultFont: FONT });
  try {
    const findings = sortFindings(result.findings);
    await addIntroSheet(wb, result, facts);
    await addSummarySheet(wb, findings);
    await addFindingSheets(wb, findings);
    await addQualitySheet(wb, findings, result.inputs);
    await addCoverageSheet(wb, result.households);
    await wb.close();
  } catch (e) {
    wb.abandon();
    throw e;
  }
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
