/**
 * One audit run for the benches and scale tests, in a process of its own so that its peak RSS is the
 * audit's: `node dist/bench/audit-run.js <folder> <out> <as-of>` reads every file of the folder, writes the
 * reports and prints one JSON line: phase times (ms), hukou rows read and kept, comparisons, findings, peak RSS.
 * Like `jingzhun audit`, it restarts itself once with a heap sized to the machine (src/cli/heap.ts).
 */
import { collectFiles } from '../cli/files.js';
import { loadPolicy } from '../model/policy.js';
import { runAudit, writeReports, type AuditTimings } from '../audit/run.js';
import { peakRssMiB } from '../audit/peak-rss.js';
import { getHeapStatistics } from 'node:v8';
import { relaunchWithHeap } from '../cli/heap.js';
import { fileURLToPath } from 'node:url';
import { countiesOf, runByCounty, type CountyRun } from '../audit/by-county.js';
import { sampleTreeRss } from './tree-rss.js';

export interface AuditRun {
  timings: AuditTimings & { write: number; total: number };
  hukou: { read: number; kept: number };
  comparisons: number;
  findings: number;
  households: number;
  peakMiB: number;
  /** The V8 heap limit the run had (MiB): the default, or the one the CLI sets itself. */
  heapMiB: number;
  /** `--by-county`: the counties' audits (each in a process of its own). */
  byCounty?: {
    runs: CountyRun[];
    joined: { counties: string[]; because: string }[];
    /** Wall time of the counties' audits and of merging their results (ms). */
    countiesMs: number;
    mergeMs: number;
    /** Largest sum of this process's and its children's RSS, sampled (MiB). */
    treePeakMiB: number;
  };
}

const heapLimitMiB = () => Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);

async function byCounty(dir: string, out: string, asOf: string): Promise<AuditRun> {
  const tree = sampleTreeRss();
  const t0 = performance.now();
  const found = await collectFiles([dir]);
  const policy = await loadPolicy();
  const run = await runByCounty({ counties: countiesOf(dir, found.files), policy, asOf });
  const t1 = performance.now();
  await writeReports(run.result, out);
  const t2 = performance.now();
  const countiesMs = run.runs.length ? Math.max(...run.runs.map((r) => r.endMs)) : 0;
  return {
    timings: { read: 0, link: 0, rules: 0, sources: {}, write: t2 - t1, total: t2 - t0 },
    hukou: run.hukou,
    comparisons: run.comparisons,
    findings: run.result.summary.findings,
    households: run.result.summary.households,
    peakMiB: peakRssMiB(),
    heapMiB: heapLimitMiB(),
    byCounty: { runs: run.runs, joined: run.joined, countiesMs, mergeMs: t1 - t0 - countiesMs, treePeakMiB: tree.stop() },
  };
}

async function main(dir: string, out: string, asOf: string): Promise<AuditRun> {
  const t0 = performance.now();
  const found = await collectFiles([dir]);
  const policy = await loadPolicy();
  const { result, timings, hukou, comparisons } = await runAudit({ inputs: found.files.map((file) => ({ file })), explicit: new Set(), policy, asOf });
  const t1 = performance.now();
  await writeReports(result, out);
  const t2 = performance.now();
  return {
    timings: { ...timings, write: t2 - t1, total: t2 - t0 },
    hukou,
    comparisons,
    findings: result.summary.findings,
    households: result.summary.households,
    peakMiB: peakRssMiB(),
    heapMiB: heapLimitMiB(),
  };
}

const [dir, out, asOf, mode] = process.argv.slice(2);
if (!dir || !out || !asOf) {
  process.stderr.write('用法：node dist/bench/audit-run.js <数据文件夹> <输出文件夹> <基准日期>\n');
  process.exitCode = 2;
} else {
  relaunchWithHeap(fileURLToPath(import.meta.url), process.argv.slice(2))
    .then(async (code) => {
      if (code !== null) process.exitCode = code;
      else process.stdout.write(`${JSON.stringify(await (mode === '--by-county' ? byCounty : main)(dir, out, asOf))}\n`);
    })
    .catch((e: unknown) => {
      process.stderr.write(`审计失败：${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
}
