/**
 * The audit's result does not depend on the xlsx reader: the sample county and the hand-built county audited
 * with the fast reader and with the exceljs path (JINGZHUN_XLSX_READER=exceljs) give the same findings,
 * inputs, coverage and summary. The inputs are copied first, so that both runs read the same bytes.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import { collectFiles } from '../../src/cli/files.js';
import { loadPolicy } from '../../src/model/policy.js';
import type { AuditResult } from '../../src/model/audit.js';

async function audit(dir: string, reader: 'fast' | 'exceljs'): Promise<AuditResult> {
  if (reader === 'exceljs') process.env.JINGZHUN_XLSX_READER = 'exceljs';
  else delete process.env.JINGZHUN_XLSX_READER;
  const { files } = await collectFiles([dir]);
  const { result } = await runAudit({
    inputs: files.map((file) => ({ file })),
    explicit: new Set(),
    policy: await loadPolicy(),
    asOf: '2026-11-27',
  });
  return result;
}

describe('audit findings are the same with either xlsx reader', () => {
  const original = process.env.JINGZHUN_XLSX_READER;
  afterEach(() => {
    if (original === undefined) delete process.env.JINGZHUN_XLSX_READER;
    else process.env.JINGZHUN_XLSX_READER = original;
  });
  for (const source of ['fixtures/sample', 'fixtures/handbuilt/data']) {
    it(source, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jz-readers-'));
      cpSync(source, dir, { recursive: true });
      const fast = await audit(dir, 'fast');
      const exceljs = await audit(dir, 'exceljs');
      const xlsxRows = fast.inputs.filter((i) => i.format === 'xlsx').reduce((n, i) => n + i.rows, 0);
      expect(xlsxRows).toBeGreaterThan(50);
      expect(fast.findings.length).toBeGreaterThan(10);
      expect(fast).toEqual(exceljs);
    });
  }
});
