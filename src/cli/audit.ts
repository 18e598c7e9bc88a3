/** `jingzhun audit`: the main job — compare every source and write the correction lists. */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CATEGORY_LABELS, CATEGORIES } from '../model/finding.js';
import { KIND_LABELS, ROSTER_KINDS, type SourceKind } from '../model/kinds.js';
import { loadPolicy } from '../model/policy.js';
import { loadMapping } from '../sources/mapping.js';
import { runAudit, writeReports } from '../audit/run.js';
import { CountyLayoutError, countiesOf, countyFolderOf, runByCounty } from '../audit/by-county.js';
import type { AuditResult } from '../model/audit.js';
import type { InputFile } from '../audit/load.js';
import type { SplitBy } from '../report/split.js';
import { collectFiles } from './files.js';
import { UsageError } from './errors.js';

export interface AuditCliOptions {
  national: string[];
  householdFile: string[];
  oneBook: string[];
  hukou: string[];
  noticeBoard: string[];
  roster: string[];
  mapping?: string;
  policy?: string;
  asOf?: string;
  out: string;
  splitBy?: string;
  failOnFindings?: boolean;
  quiet?: boolean;
  byCounty?: boolean;
}

function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function rosterInputs(specs: string[]): InputFile[] {
  return specs.map((s) => {
    const m = s.match(/^([a-z-]+)=(.+)$/);
    if (!m || !(ROSTER_KINDS as readonly string[]).includes(m[1])) {
      throw new UsageError(`--roster 的取值应为 类型=文件，类型可选：${ROSTER_KINDS.join('、')}（收到：${s}）`);
    }
    return { kind: m[1] as SourceKind, file: m[2] };
  });
}

/**
 * Runs `write`; a file-system refusal (no permission, a file where the folder should be, a full disk, a report
 * still open in Excel) is a usage error.
 */
async function writable<T>(out: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why: Record<string, string> = {
      EACCES: '没有写入权限',
      EPERM: '没有写入权限',
      EEXIST: '同名文件已存在，不是文件夹',
      ENOTDIR: '路径中有同名文件，不是文件夹',
      ENOSPC: '磁盘空间不足',
      EROFS: '磁盘为只读',
      EBUSY: '文件被其他程序占用（请先关闭已打开的报告）',
    };
    if (code && why[code]) throw new UsageError(`无法在 ${out} 写入报告：${why[code]}（可用 --out 指定其他文件夹）`);
    throw e;
  }
}

export async function runAuditCommand(dir: string | undefined, o: AuditCliOptions, write: (s: string) => void): Promise<number> {
  const asOf = o.asOf ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf)) throw new UsageError(`--as-of 应为 YYYY-MM-DD 格式的日期：${asOf}`);
  let splitBy: SplitBy | undefined;
  if (o.splitBy !== undefined) {
    if (o.splitBy !== 'township' && o.splitBy !== 'village') throw new UsageError(`--split-by 只能是 township 或 village：${o.splitBy}`);
    splitBy = o.splitBy;
  }
  const flagged: InputFile[] = [
    ...o.national.map((file) => ({ file, kind: 'national' as const })),
    ...o.householdFile.map((file) => ({ file, kind: 'household-file' as const })),
    ...o.oneBook.map((file) => ({ file, kind: 'one-book' as const })),
    ...o.hukou.map((file) => ({ file, kind: 'hukou' as const })),
    ...o.noticeBoard.map((file) => ({ file, kind: 'notice-board' as const })),
    ...rosterInputs(o.roster),
  ];
  if (!dir && flagged.length === 0) throw new UsageError('请指定数据文件夹，或用 --national 等参数指定文件');
  // Before minutes of reading: a report folder that cannot be made is a usage error now, not after.
  await writable(o.out, () => mkdir(o.out, { recursive: true }));
  const policy = await loadPolicy(o.policy);
  const mapping = o.mapping ? await loadMapping(o.mapping) : undefined;

  const explicit = new Set(flagged.map((f) => f.file));
  const flaggedCheck = await collectFiles(flagged.map((f) => f.file));
  if (flaggedCheck.missing.length) throw new UsageError(flaggedCheck.missing.map((m) => m.reason).join('；'));
  const inputs: InputFile[] = [...flagged];
  const skipped: { file: string; reason: string }[] = [];
  if (dir) {
    const found = await collectFiles([dir]);
    if (found.missing.length) throw new UsageError(`文件夹不存在：${dir}`);
    for (const file of found.files) if (!explicit.has(file)) inputs.push({ file });
    skipped.push(...found.skipped);
  }

  const tty = process.stderr.isTTY && !o.quiet;
  const notes: string[] = [];
  let run: { result: AuditResult; hukou: { read: number; kept: number } };
  if (o.byCounty) {
    if (!dir || flagged.length > 0) throw new UsageError('--by-county 只能用于数据文件夹（每个子文件夹为一个县），不能与 --national 等参数同用');
    let counties;
    try {
      counties = countiesOf(dir, inputs.map((i) => i.file));
    } catch (e) {
      if (e instanceof CountyLayoutError) throw new UsageError(e.message);
      throw e;
    }
    const byCounty = await runByCounty({
      counties,
      mapping,
      policy,
      asOf,
      progress: tty ? (e) => process.stderr.write(`\r${e.again ? '合并审核' : '按县审核'} ${e.done}/${e.total}：${e.name} 完成\x1b[K`) : undefined,
    });
    run = byCounty;
    notes.push(`按县分别审核 ${counties.length} 个县。`);
    for (const j of byCounty.joined) notes.push(`  ${j.counties.join('、')} 的数据相互关联，合并审核：${j.because}`);
    if (byCounty.withoutNational.length) notes.push(`  没有国办系统数据、未比对的县：${byCounty.withoutNational.join('、')}`);
  } else {
    run = await runAudit({
      inputs,
      explicit,
      mapping,
      policy,
      asOf,
      progress: tty
        ? (e) => process.stderr.write(`\r读取 ${e.file}${e.sheet ? ` [${e.sheet}]` : ''}：${e.rows ?? 0} 行…\x1b[K`)
        : undefined,
    });
  }
  const { result, hukou } = run;
  if (!o.byCounty && dir && flagged.length === 0) {
    // A prefecture's folder (a national export in each of several subfolders, nothing loose): say there is a lighter way.
    const counties = new Set(result.inputs.filter((i) => i.kind === 'national').map((i) => countyFolderOf(dir, i.file)));
    if (counties.size > 1 && !counties.has(null) && result.inputs.every((i) => countyFolderOf(dir, i.file) !== null)) {
      notes.push(`提示：数据按县分在 ${counties.size} 个子文件夹中，可加 --by-county 按县分别审核（每次只需一个县的内存，全市数据时更快）。`);
    }
  }
  if (tty) process.stderr.write('\r\x1b[K');
  result.inputs.push(...skipped.map((s) => ({ file: s.file, sheet: null, kind: null, format: null, encoding: null, rows: 0, rejected: 0, error: s.reason })));
  const written = await writable(o.out, () => writeReports(result, o.out, splitBy));

  if (!o.quiet) {
    for (const n of notes) write(`${n}\n`);
    const s = result.summary;
    const warned = s.warnings ? `，另有风险提示 ${s.warnings} 条（不计入问题）` : '';
    write(`基准日期 ${result.asOf}：在册 ${s.households} 户 ${s.people} 人，发现问题 ${s.findings} 条${warned}。\n`);
    for (const c of CATEGORIES) if (s.byCategory[c]) write(`  ${CATEGORY_LABELS[c]}：${s.byCategory[c]}\n`);
    const used = result.inputs.filter((i) => i.kind && !i.error);
    write(`读取 ${used.length} 个工作表：${[...new Set(used.map((i) => KIND_LABELS[i.kind as SourceKind]))].join('、')}`);
    if (hukou.read) write(`；户籍 ${hukou.read} 行中保留与在册户相关的 ${hukou.kept} 行`);
    write('\n');
    // A recognised sheet without a single data row: nothing of that source was compared, which a clerk should know.
    const empty = used.filter((i) => i.rows === 0 && i.rejected === 0);
    if (empty.length) {
      write(`只有表头、没有数据行的工作表（${empty.length}），其中的来源未能比对：\n`);
      for (const e of empty) write(`  ${e.file}${e.sheet ? ` [${e.sheet}]` : ''}：${KIND_LABELS[e.kind as SourceKind]}\n`);
    }
    const bad = result.inputs.filter((i) => i.error);
    if (bad.length) {
      write(`未能使用的文件或工作表（${bad.length}）：\n`);
      for (const b of bad) write(`  ${b.file}${b.sheet ? ` [${b.sheet}]` : ''}：${b.error}\n`);
    }
    write(`报告：${written.workbook}\n      ${written.json}\n`);
    if (written.split.length) write(`分${splitBy === 'township' ? '乡镇' : '村'}报告 ${written.split.length} 个，在 ${dirname(written.split[0].file)}\n`);
  }
  return o.failOnFindings && result.summary.findings > 0 ? 1 : 0;
}
