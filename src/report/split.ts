/** One workbook per township or village, holding only that unit's findings and households. */
import { join } from 'node:path';
import type { AuditResult } from '../model/audit.js';
import { compareText } from '../model/order.js';
import { NO_TOWNSHIP, NO_VILLAGE } from './sheets.js';
import { DEFAULT_TITLE, writeWorkbook, type WorkbookOptions } from './xlsx.js';

export type SplitBy = 'township' | 'village';

export interface SplitFile {
  /** The unit's name: the township, or "乡镇/村". */
  unit: string;
  file: string;
  findings: number;
  households: number;
}

interface Placed {
  township: string | null;
  village: string | null;
}

/** The unit's place parts as the data has them (null: not given). */
function unitParts(p: Placed, by: SplitBy): (string | null)[] {
  return by === 'township' ? [p.township] : [p.township, p.village];
}

const partNames = (parts: (string | null)[]): string[] => parts.map((x, i) => x ?? (i === 0 ? NO_TOWNSHIP : NO_VILLAGE));

/** Units in place order; a unit without a township (or village) after the named ones. */
function compareParts(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareText(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A unit name as a file-name part: no path separators, reserved or control characters, not too long. */
export function safeFileName(name: string): string {
  let s = name
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 60)
    .trim();
  if (s === '') s = '未命名';
  return RESERVED.test(s) ? `_${s}` : s;
}

/**
 * Writes one workbook per township or village into outDir (`乡镇.xlsx` or `乡镇-村.xlsx`), besides the whole
 * workbook that writeAuditWorkbook writes. Units come from the findings and the registered households.
 */
export async function writeSplitWorkbooks(
  result: AuditResult,
  outDir: string,
  by: SplitBy,
  opts: WorkbookOptions = {},
): Promise<SplitFile[]> {
  const units = new Map<string, (string | null)[]>();
  const keyOf = (p: Placed): string => {
    const parts = unitParts(p, by);
    const key = partNames(parts).join('/');
    if (!units.has(key)) units.set(key, parts);
    return key;
  };
  const findingUnit = result.findings.map(keyOf);
  const householdUnit = result.households.map(keyOf);
  const used = new Set<string>();
  const written: SplitFile[] = [];
  for (const [key, parts] of [...units.entries()].sort((a, b) => compareParts(a[1], b[1]))) {
    const base = partNames(parts).map(safeFileName).join('-');
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}（${String(n)}）`;
    used.add(name.toLowerCase());
    const findings = result.findings.filter((_, i) => findingUnit[i] === key);
    const households = result.households.filter((_, i) => householdUnit[i] === key);
    const file = join(outDir, `${name}.xlsx`);
    await writeWorkbook({ ...result, findings, households }, file, {
      title: `${opts.title ?? DEFAULT_TITLE}（${key}）`,
      unit: key,
      households: households.length,
      people: null,
      findings: findings.length,
    });
    written.push({ unit: key, file, findings: findings.length, households: households.length });
  }
  return written;
}
