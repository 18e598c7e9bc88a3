/** The audit: read → normalise → link → check → report. */
import { join } from 'node:path';
import type { Policy } from '../model/policy.js';
import type { AuditResult } from '../model/audit.js';
import type { Mapping } from '../sources/mapping.js';
import { linkDataset } from '../link/index.js';
import { runRules } from '../rules/run.js';
import { writeFindingsJson } from '../report/json.js';
import { writeAuditWorkbook } from '../report/xlsx.js';
import { writeSplitWorkbooks, type SplitBy, type SplitFile } from '../report/split.js';
import { loadInputs, type InputFile, type LoadProgress } from './load.js';
import { buildResult } from './result.js';
import { IdCodes, countyKeys, type CountyKeys } from './county-keys.js';

export interface AuditOptions {
  inputs: InputFile[];
  /** Files named on the command line: unreadable ones stop the run. */
  explicit: Set<string>;
  mapping?: Mapping;
  policy: Policy;
  asOf: string;
  progress?: LoadProgress;
  /** Also work out the keys that tell whether this audit touches another county's (by-county.ts). */
  countyKeys?: boolean;
}

export interface AuditTimings {
  read: number;
  link: number;
  rules: number;
  /** Milliseconds of reading (and normalising) per source kind, and of each hukou pass. */
  sources: Record<string, number>;
}

export class NoNationalError extends Error {}

export async function runAudit(opts: AuditOptions): Promise<{
  result: AuditResult;
  timings: AuditTimings;
  hukou: { read: number; kept: number };
  /** Record-to-record comparisons linking made. */
  comparisons: number;
  /** With `countyKeys`: what the audit reaches for and what its files hold. */
  keys: CountyKeys | null;
}> {
  const t0 = performance.now();
  const sources = new Map<string, number>();
  const hukouIds = opts.countyKeys ? new IdCodes() : null;
  const src = await loadInputs(opts.inputs, {
    mapping: opts.mapping,
    explicit: opts.explicit,
    progress: opts.progress,
    timings: sources,
    hukouKeys: hukouIds ? (keys) => hukouIds.addKeys(keys) : undefined,
  });
  if (src.national.length === 0) {
    // The national export may be among the files that could not be read: say which, and why.
    const bad = src.inputs.filter((i) => i.error);
    const list = bad.map((b) => `\n  ${b.file}${b.sheet ? ` [${b.sheet}]` : ''}：${b.error}`).join('');
    throw new NoNationalError(
      `没有找到国办系统数据（国办系统导出表）：请用 --national 指定，或确认文件夹中有该表${bad.length ? `\n未能使用的文件或工作表（${bad.length}）：${list}` : ''}`,
    );
  }
  const t1 = performance.now();
  const ds = linkDataset(src, opts.policy, opts.asOf);
  const t2 = performance.now();
  const keys = hukouIds ? countyKeys(ds, hukouIds) : null;
  const findings = runRules(ds);
  const t3 = performance.now();
  return {
    keys,
    result: buildResult(ds, findings),
    timings: { read: t1 - t0, link: t2 - t1, rules: t3 - t2, sources: Object.fromEntries(sources) },
    hukou: { read: ds.hukou.read, kept: ds.hukou.kept },
    comparisons: ds.stats.comparisons,
  };
}

export async function writeReports(
  result: AuditResult,
  outDir: string,
  splitBy?: SplitBy,
): Promise<{ json: string; workbook: string; split: SplitFile[] }> {
  // The dataset the result was built from is garbage by now: collected here (where the process allows it),
  // the reports' memory comes on top of the result alone rather than of the whole dataset.
  (globalThis as { gc?: () => void }).gc?.();
  const json = await writeFindingsJson(result, outDir);
  const workbook = join(outDir, 'audit-report.xlsx');
  await writeAuditWorkbook(result, workbook);
  const split = splitBy ? await writeSplitWorkbooks(result, join(outDir, splitBy === 'township' ? '按乡镇' : '按村'), splitBy) : [];
  return { json, workbook, split };
}
