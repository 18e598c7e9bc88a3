/**
 * Same inputs → same findings and ids; one changed cell → only the findings about it change.
 * And the report as another reader sees it: LibreOffice converts 问题清单 with IDs intact as text and a
 * formula-looking value as literal text.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/model/audit.js';
import { jingzhun } from '../helpers/cli.js';
import { sheetsAsCsv } from '../report/libreoffice.js';

const SOURCE = 'fixtures/handbuilt/data';
const BOARD = '公示牌调查表.csv';

function audit(dir: string): { result: AuditResult; out: string } {
  const out = mkdtempSync(join(tmpdir(), 'jz-out-'));
  const r = jingzhun(['audit', dir, '--as-of', '2026-11-27', '--out', out, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return { result: JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as AuditResult, out };
}

function copyWithBoard(edit: (lines: string[]) => string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'jz-in-'));
  cpSync(SOURCE, dir, { recursive: true });
  const file = join(dir, BOARD);
  const lines = iconv.decode(readFileSync(file), 'gb18030').split(/\r?\n/);
  writeFileSync(file, iconv.encode(edit(lines).join('\r\n'), 'gb18030'));
  return dir;
}

/** Replaces the helper phone (9th column) on the board row of one head. */
const setBoardPhone = (head: string, phone: string) => (lines: string[]) =>
  lines.map((l) => {
    const cells = l.split(',');
    if (cells[2] !== head) return l;
    cells[8] = phone;
    return cells.join(',');
  });

let base: { result: AuditResult; out: string };

beforeAll(() => {
  base = audit(SOURCE);
});

describe('determinism', () => {
  it('the same inputs give the same findings, ids and workbook bytes', () => {
    const again = audit(SOURCE);
    expect(again.result.findings).toEqual(base.result.findings);
    expect(readFileSync(join(again.out, 'audit-report.xlsx')).equals(readFileSync(join(base.out, 'audit-report.xlsx')))).toBe(true);
  });

  it('one changed cell changes only the findings about it', () => {
    const changed = audit(copyWithBoard(setBoardPhone('刘长生', '13907979999')));
    const before = new Map(base.result.findings.map((f) => [f.id, f]));
    const after = new Map(changed.result.findings.map((f) => [f.id, f]));
    const added = [...after.values()].filter((f) => !before.has(f.id));
    const removed = [...before.values()].filter((f) => !after.has(f.id));
    expect(removed).toEqual([]);
    expect(added.length).toBeGreaterThan(0);
    for (const f of added) {
      expect(f.name).toBe('刘长生');
      expect(f.field).toBe('helperPhone');
      expect(f.correct).toBe('notice-board');
    }
  });
});

describe('the workbook as LibreOffice reads it', () => {
  let rows: string[][];
  let result: AuditResult;

  beforeAll(async () => {
    const run = audit(copyWithBoard(setBoardPhone('黄春生', '=1+1')));
    result = run.result;
    const sheets = await sheetsAsCsv(join(run.out, 'audit-report.xlsx'));
    rows = sheets.get('问题清单') ?? [];
  }, 180_000);

  it('问题清单 has one row per finding', () => {
    expect(rows.length - 1).toBe(result.findings.length);
  });

  it('keeps IDs and household numbers whole, as text', () => {
    const text = rows.flat();
    for (const f of result.findings) {
      if (f.personId) expect(text).toContain(f.personId);
      if (f.householdId) expect(text).toContain(f.householdId);
    }
    expect(text.join('\n')).not.toMatch(/\d\.\d+E\+\d+/);
  });

  it('shows a formula-looking value literally, never evaluated', () => {
    const formula = result.findings.find((f) => Object.values(f.values).some((v) => v === '=1+1'));
    expect(formula, 'the audit reports the bad board phone').toBeDefined();
    expect(rows.some((r) => r.includes('=1+1'))).toBe(true);
  });
});
