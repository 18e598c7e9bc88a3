/**
 * Memory follows registered households, not residents: the same county audited with its hukou file as
 * generated and with four times the residents (the added ones unrelated to anyone registered) keeps the same
 * hukou rows, and peak RSS grows by less than a quarter.
 *
 * Peak RSS of a small run is mostly the process itself, and what other work on the machine does to the
 * garbage collector's timing only ever adds to it: each county is audited twice, one run at a time, and the
 * lower peak of its two runs is the one compared.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../src/sample/index.js';
import type { AuditRun } from '../../src/bench/audit-run.js';
import { auditInChild } from './run-audit.js';

const AS_OF = '2026-11-27';
const BASE = { seed: 11, households: 300, hukouPeople: 12_000, asOf: AS_OF, archiveFormat: 'xlsx' as const, sharedStrings: true };

async function lowerPeakOfTwo(dir: string, out: string): Promise<AuditRun> {
  const first = await auditInChild(dir, out, AS_OF);
  const second = await auditInChild(dir, out, AS_OF);
  expect(second.findings).toBe(first.findings);
  return second.peakMiB < first.peakMiB ? second : first;
}

describe('hukou memory', () => {
  let root = '';
  let small: AuditRun;
  let large: AuditRun;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jingzhun-scale-'));
    await generateSample({ ...BASE, out: join(root, 'n') });
    await generateSample({ ...BASE, out: join(root, '4n'), extraResidents: 3 * BASE.hukouPeople });
    small = await lowerPeakOfTwo(join(root, 'n'), join(root, 'out-n'));
    large = await lowerPeakOfTwo(join(root, '4n'), join(root, 'out-4n'));
  }, 180_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('adds residents without touching the registered households', () => {
    for (const f of ['国办系统导出.xlsx', '一户一档.xlsx', '一本通.xlsx', '公示牌.csv']) {
      expect(readFileSync(join(root, 'n', f)).equals(readFileSync(join(root, '4n', f))), f).toBe(true);
    }
  });

  it('reads every hukou row and keeps the same ones', () => {
    expect(small.hukou.read).toBe(BASE.hukouPeople);
    expect(large.hukou.read).toBe(4 * BASE.hukouPeople);
    expect(small.hukou.kept).toBeGreaterThan(0);
    expect(small.hukou.kept).toBeLessThan(small.hukou.read / 2);
    expect(large.hukou.kept).toBe(small.hukou.kept);
  });

  it('finds the same problems', () => {
    expect(small.findings).toBeGreaterThan(0);
    expect(large.findings).toBe(small.findings);
    expect(large.households).toBe(small.households);
  });

  it('peak RSS grows by less than a quarter', () => {
    expect(large.peakMiB / small.peakMiB).toBeLessThan(1.25);
  });
});
