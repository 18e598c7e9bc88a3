/**
 * A prefecture audited county by county: each subfolder of the data folder is one county, audited in child
 * processes (one per core, each auditing county after county), so that memory is a county's per process, not
 * the prefecture's. The results are merged into one, as one audit of every file would give it:
 *   - each county's audit says what it reaches for (its registered people's valid IDs and the relatives their
 *     hukou rows name) and what its files hold (every valid ID of its registered sources, rosters and hukou
 *     rows, its 户编号, its townships and villages) — county-keys.ts;
 *   - counties where one reaches for what another holds (a person registered in two counties, a registered
 *     person whose hukou row or death record is in another county's files, a 户编号 or a village in both) are
 *     audited again together, in one process, and that audit's result stands for them.
 * What is not looked for across counties: a hukou row that names a registered person of another county only as
 * a parent, or matches one only by name (a damaged ID), and a helper cadre working in two counties.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditResult } from '../model/audit.js';
import type { Policy } from '../model/policy.js';
import type { Mapping } from '../sources/mapping.js';
import { heapFlags } from './heap-flags.js';
import { auditCounty, type CountyReply, type CountyRequest } from './county-child.js';
import { ReachTable, type CountyKeys } from './county-keys.js';
import { mergeResults } from './merge.js';
import { NoNationalError } from './run.js';

/** Files directly in the data folder (said in Chinese): not a folder of counties. */
export class CountyLayoutError extends Error {}

export interface County {
  /** The subfolder's name. */
  name: string;
  files: string[];
}

/** The subfolder of `dir` that holds `file` (its county), or null for a file directly in `dir`. */
export function countyFolderOf(dir: string, file: string): string | null {
  const parts = relative(dir, file).split(sep);
  return parts.length > 1 ? parts[0] : null;
}

/** The counties of `dir`: its subfolders with files (`files` as collected, in their order). */
export function countiesOf(dir: string, files: readonly string[]): County[] {
  const counties = new Map<string, string[]>();
  const loose: string[] = [];
  for (const file of files) {
    const county = countyFolderOf(dir, file);
    if (county === null) loose.push(file);
    else counties.set(county, [...(counties.get(county) ?? []), file]);
  }
  if (loose.length > 0) {
    throw new CountyLayoutError(`按县审核时，数据文件夹下每个子文件夹为一个县，不能直接放文件：${loose.slice(0, 3).join('、')}${loose.length > 3 ? ` 等 ${loose.length} 个` : ''}`);
  }
  return [...counties].map(([name, list]) => ({ name, files: list }));
}

export interface CountyRun {
  /** The county, or the counties audited together ("、" between). */
  name: string;
  ms: number;
  /** When it ended, from the start of the run (ms). */
  endMs: number;
  peakMiB: number;
  findings: number;
}

export interface ByCountyOptions {
  counties: County[];
  mapping?: Mapping;
  policy: Policy;
  asOf: string;
  /** Audits at once (default: the machine's cores). */
  jobs?: number;
  /** Called as each county's audit ends. */
  progress?: (e: { name: string; done: number; total: number; again: boolean }) => void;
}

export interface ByCountyResult {
  result: AuditResult;
  /** Each county's own audit, then each audit of counties together. */
  runs: CountyRun[];
  /** Counties audited again together, with what joins them (Chinese). */
  joined: { counties: string[]; because: string }[];
  /** Counties whose files hold no national export: not audited. */
  withoutNational: string[];
  hukou: { read: number; kept: number };
  comparisons: number;
}

const COUNTY_SCRIPT = './county-child.js';

/**
 * A child process that audits counties one after another (modules loaded and code warmed once, not per
 * county), or this process where the built script is not there. `threads`: whether the child may read files on
 * a worker thread too (not when every core already runs a county: measured on four counties of the bench
 * prefecture, 123 s without against 134 s with, same findings).
 */
class CountyProcess {
  private child: ChildProcess | null = null;
  private pending: ((reply: CountyReply) => void) | null = null;

  constructor(
    private heapMiB: number,
    private threads: boolean,
  ) {}

  run(req: CountyRequest): Promise<CountyReply> {
    const script = fileURLToPath(new URL(COUNTY_SCRIPT, import.meta.url));
    if (!existsSync(script)) return auditCounty(req);
    const child = (this.child ??= this.start(script));
    return new Promise((resolve) => {
      this.pending = resolve;
      child.send(req);
    });
  }

  private start(script: string): ChildProcess {
    const child = fork(script, [], {
      execArgv: heapFlags(this.heapMiB, true),
      serialization: 'advanced',
      env: { ...process.env, JINGZHUN_COUNTY_CHILD: '1', ...(this.threads || process.env.JINGZHUN_WORKERS ? {} : { JINGZHUN_WORKERS: 'never' }) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const settle = (reply: CountyReply) => {
      const resolve = this.pending;
      this.pending = null;
      resolve?.(reply);
    };
    child.on('message', (m) => settle(m as CountyReply));
    const gone = (why: string) => {
      if (this.child === child) this.child = null;
      settle({ type: 'error', message: `审核进程异常退出（${why}）` });
    };
    child.once('error', (e) => gone(e.message));
    child.once('exit', (code, signal) => gone(signal ?? `退出码 ${String(code)}`));
    return child;
  }

  close(): void {
    this.child?.disconnect();
    this.child = null;
  }
}

/** Runs `tasks` at most `lanes` at a time, largest first, each lane on its own; results in the tasks' order. */
async function pool<T, R, L>(tasks: readonly T[], size: (t: T) => number, lanes: readonly L[], run: (t: T, lane: L) => Promise<R>): Promise<R[]> {
  const order = tasks.map((t, i) => ({ i, size: size(t) })).sort((a, b) => b.size - a.size || a.i - b.i);
  const out: R[] = new Array<R>(tasks.length);
  let next = 0;
  const work = async (lane: L) => {
    while (next < order.length) {
      const { i } = order[next++];
      out[i] = await run(tasks[i], lane);
    }
  };
  await Promise.all(lanes.slice(0, tasks.length).map(work));
  return out;
}

const bytes = (files: readonly string[]) => files.reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);

/** Counties that must be audited together (groups of two or more, in county order), and why (Chinese). */
export function joinedCounties(names: readonly string[], keys: readonly (CountyKeys | null)[]): { members: number[]; because: string }[] {
  const parent = names.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  /** Each join that put two groups together: one of its counties, and why. */
  const why: { county: number; because: string }[] = [];
  const join = (a: number, b: number, because: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
    why.push({ county: a, because });
  };
  // Who reaches for each ID; then every county holding one another reaches for.
  const reach = new ReachTable(keys.reduce((n, k) => n + (k ? k.reach.length / 2 : 0), 0));
  keys.forEach((k, c) => k && reach.add(k.reach, c));
  keys.forEach((k, c) => {
    if (k) reach.others(k.held, c, (other) => join(other, c, `${names[other]} 在册或相关人员的身份证号出现在 ${names[c]} 的数据中`));
  });
  // 户编号 and places in two counties' data.
  for (const [field, label] of [
    ['households', '户编号'],
    ['villages', '村'],
  ] as const) {
    const owner = new Map<string, number>();
    keys.forEach((k, c) => {
      for (const v of k?.[field] ?? []) {
        const o = owner.get(v);
        if (o === undefined) owner.set(v, c);
        else if (o !== c) join(o, c, `${label}「${v}」同时出现在 ${names[o]} 和 ${names[c]} 的数据中`);
      }
    });
  }
  const groups = new Map<number, number[]>();
  names.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((members) => ({
      members,
      because: why.filter((w) => members.includes(w.county)).map((w) => w.because).join('；'),
    }));
}

export async function runByCounty(o: ByCountyOptions): Promise<ByCountyResult> {
  const jobs = Math.max(1, o.jobs ?? availableParallelism());
  const heapMiB = Math.min(16 * 1024, Math.max(4096, Math.floor(((totalmem() / 2 ** 20) * 0.75) / jobs)));
  const processes = Array.from({ length: jobs }, () => new CountyProcess(heapMiB, jobs < availableParallelism()));
  try {
    return await auditAll(o, processes);
  } finally {
    for (const p of processes) p.close();
  }
}

async function auditAll(o: ByCountyOptions, processes: CountyProcess[]): Promise<ByCountyResult> {
  const request = (files: string[], keys: boolean): CountyRequest => ({ files, mapping: o.mapping, policy: o.policy, asOf: o.asOf, keys });
  const runs: CountyRun[] = [];
  const t0 = performance.now();
  let done = 0;
  const audit = async (lane: CountyProcess, name: string, files: string[], keys: boolean, total: number): Promise<CountyReply> => {
    const reply = await lane.run(request(files, keys));
    if (reply.type === 'error') throw new Error(`${name} 的审核失败：${reply.message}`);
    if (reply.type === 'done') runs.push({ name, ms: reply.ms, endMs: performance.now() - t0, peakMiB: reply.peakMiB, findings: reply.result.summary.findings });
    o.progress?.({ name, done: ++done, total, again: !keys });
    return reply;
  };

  const replies = await pool(o.counties, (c) => bytes(c.files), processes, (c, lane) => audit(lane, c.name, c.files, true, o.counties.length));
  const names = o.counties.map((c) => c.name);
  const joined = joinedCounties(
    names,
    replies.map((r) => (r.type === 'done' ? r.keys : null)),
  );
  done = 0;
  const together = await pool(
    joined,
    (g) => bytes(g.members.flatMap((i) => o.counties[i].files)),
    processes,
    (g, lane) => audit(lane, g.members.map((i) => names[i]).join('、'), g.members.flatMap((i) => o.counties[i].files), false, joined.length),
  );

  // Each county's result, or its group's in place of its first member (null: in its group's).
  const parts: (CountyReply | null)[] = [...replies];
  joined.forEach((g, j) => g.members.forEach((i, k) => (parts[i] = k === 0 ? together[j] : null)));
  const withoutNational = names.filter((_, i) => parts[i]?.type === 'no-national');
  const results: AuditResult[] = [];
  const hukou = { read: 0, kept: 0 };
  let comparisons = 0;
  for (const p of parts) {
    if (p?.type !== 'done') continue;
    results.push(p.result);
    hukou.read += p.hukou.read;
    hukou.kept += p.hukou.kept;
    comparisons += p.comparisons;
  }
  if (results.length === 0) throw new NoNationalError('各县文件夹中都没有找到国办系统数据（国办系统导出表）');
  const result = mergeResults(
    results,
    o.counties.flatMap((c) => c.files),
  );
  for (const name of withoutNational) {
    for (const file of o.counties[names.indexOf(name)].files) {
      result.inputs.push({ file, sheet: null, kind: null, format: null, encoding: null, rows: 0, rejected: 0, error: `县文件夹「${name}」中没有国办系统数据，该县未比对` });
    }
  }
  return { result, runs, joined: joined.map((g) => ({ counties: g.members.map((i) => names[i]), because: g.because })), withoutNational, hukou, comparisons };
}
