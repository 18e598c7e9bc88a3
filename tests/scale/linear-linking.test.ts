/**
 * Linking blocks on ID, village + name and household number: the record-to-record comparisons it makes grow
 * with the input, not with its square. A county four times larger (households and residents) may make about
 * four times the comparisons, never sixteen.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../src/sample/index.js';
import type { AuditRun } from '../../src/bench/audit-run.js';
import { auditInChild } from './run-audit.js';

const AS_OF = '2026-11-27';

describe('linking comparisons', () => {
  let root = '';
  let n: AuditRun;
  let n4: AuditRun;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jingzhun-linear-'));
    await generateSample({ out: join(root, 'n'), seed: 5, households: 150, hukouPeople: 6_000, asOf: AS_OF });
    await generateSample({ out: join(root, '4n'), seed: 5, households: 600, hukouPeople: 24_000, asOf: AS_OF });
    [n, n4] = await Promise.all([auditInChild(join(root, 'n'), join(root, 'out-n'), AS_OF), auditInChild(join(root, '4n'), join(root, 'out-4n'), AS_OF)]);
  }, 120_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('audits both counties', () => {
    expect(n4.households).toBeGreaterThan(3.5 * n.households);
    expect(n.comparisons).toBeGreaterThan(0);
  });

  it('makes comparisons in proportion to the input', () => {
    const ratio = n4.comparisons / n.comparisons;
    expect(ratio).toBeGreaterThan(2);
    expect(ratio).toBeLessThan(5);
  });
});
