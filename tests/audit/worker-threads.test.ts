/**
 * Files read by a worker thread (side-reader.ts; here all of them, the hukou file scanned into keys) give the
 * same audit as files read in the main thread: same findings file, same workbook bytes, same rows read, kept
 * and rejected. Run with the built code in child processes (the worker runs built code only). The hukou file gets damaged rows spread through it
 * (rows without name or ID, which are rejected; bad IDs and dates, which are kept with problems).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRun } from '../../src/bench/audit-run.js';
import type { AuditResult } from '../../src/model/audit.js';
import { generateSample } from '../../src/sample/index.js';
import { auditInChild } from '../scale/run-audit.js';

const AS_OF = '2026-11-27';
const HUKOU = '户籍.xls';

/** After every 997th line, a damaged copy of it: every other one without name and ID, the rest with a bad ID and birth date. */
function damage(file: string): number {
  const lines = iconv.decode(readFileSync(file), 'gb18030').split('\r\n');
  const header = lines[0].split('\t');
  const col = (name: string) => header.findIndex((h) => h.replace(/^'/, '') === name);
  const [name, id, birth] = [col('姓名'), col('公民身份号码'), col('出生日期')];
  expect(Math.min(name, id, birth)).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  let added = 0;
  lines.forEach((line, i) => {
    out.push(line);
    if (i === 0 || i % 997 !== 0 || line === '') return;
    const cells = line.split('\t');
    if (added % 2 === 0) {
      cells[name] = '';
      cells[id] = '';
    } else {
      cells[id] = `'${cells[id].slice(1, 12)}`;
      cells[birth] = "'1990-13-45";
    }
    out.push(cells.join('\t'));
    added++;
  });
  writeFileSync(file, iconv.encode(out.join('\r\n'), 'gb18030'));
  return added;
}


describe('files read in a worker thread', () => {
  let root = '';
  let added = 0;
  const runs: Record<string, AuditRun> = {};
  const results: Record<string, AuditResult> = {};

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jingzhun-hukou-worker-'));
    const dir = join(root, 'in');
    await generateSample({ out: dir, seed: 5, households: 200, hukouPeople: 9_000, asOf: AS_OF, archiveFormat: 'xlsx', sharedStrings: true });
    added = damage(join(dir, HUKOU));
    for (const worker of ['all', 'never']) {
      const out = join(root, `out-${worker}`);
      runs[worker] = await auditInChild(dir, out, AS_OF, { JINGZHUN_WORKERS: worker });
      results[worker] = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as AuditResult;
    }
  }, 180_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('reads, keeps and rejects the same rows', () => {
    expect(runs.all.timings.sources.worker).toBeGreaterThan(0);
    expect(runs.never.timings.sources.worker).toBeUndefined();
    expect(runs.all.hukou).toEqual(runs.never.hukou);
    expect(runs.all.hukou.kept).toBeGreaterThan(0);
    const hukouInput = (r: AuditResult) => r.inputs.filter((i) => i.kind === 'hukou');
    expect(hukouInput(results.all)).toEqual(hukouInput(results.never));
    const [sheet] = hukouInput(results.never);
    expect(sheet.rows).toBe(9_000 + added);
    expect(sheet.rejected).toBe(Math.ceil(added / 2));
    // Rows read are those with a name or an ID.
    expect(runs.never.hukou.read).toBe(sheet.rows - sheet.rejected);
  });

  it('writes the same findings and the same workbook', () => {
    expect(results.never.findings.length).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'out-all', 'findings.json')).equals(readFileSync(join(root, 'out-never', 'findings.json')))).toBe(true);
    expect(readFileSync(join(root, 'out-all', 'audit-report.xlsx')).equals(readFileSync(join(root, 'out-never', 'audit-report.xlsx')))).toBe(true);
  });
});
