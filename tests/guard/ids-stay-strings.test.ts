/**
 * Guard: ID numbers, phones, bank cards and household numbers never pass through a JS number.
 * Scans the source for numeric conversions whose argument names such a field, and checks at run time that
 * every ID, phone and code field of every source layout yields strings even from numeric cells.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPECS } from '../../src/sources/index.js';

const SENSITIVE = /(?:^|[^a-z])(?:id|ids|idnumber|headid|fatherid|motherid|spouseid|personid|phone|helperphone|card|bankcard|householdno|personno|formerhouseholdno|plate|cleaned|prefix15|户号|身份证)(?:[^a-z]|$)/i;
const CONVERSION = /\b(Number|parseInt|parseFloat|BigInt|Math\.(?:round|floor|trunc))\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)|(?:[=(,:?!&|;{}[]|\breturn)\s*\+\s*([A-Za-z_$][\w$.?]*)/g;

/** Offending snippets of one source text. */
export function numericConversionsOfIds(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CONVERSION)) {
    const arg = m[2] ?? m[3] ?? '';
    // Split camelCase so `r.idNumber` reads as `r id number`.
    const words = arg.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[.?]/g, ' ');
    if (SENSITIVE.test(` ${words} `) || SENSITIVE.test(` ${arg} `)) out.push(m[0]);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('IDs, phones and household numbers stay strings', () => {
  it('the detector catches conversions of ID-like values', () => {
    expect(numericConversionsOfIds('const n = Number(r.idNumber);')).toHaveLength(1);
    expect(numericConversionsOfIds('parseInt(phone, 10)')).toHaveLength(1);
    expect(numericConversionsOfIds('const x = +row.householdNo;')).toHaveLength(1);
    expect(numericConversionsOfIds('Number(r.headId?.cleaned)')).toHaveLength(1);
    expect(numericConversionsOfIds('const n = Number(v); const m = parseInt(count, 10); a + b;')).toHaveLength(0);
    expect(numericConversionsOfIds('return first17 + idCheckChar(first17);')).toHaveLength(0);
  });

  it('no source file converts such a value to a number', () => {
    const offences = sourceFiles('src').flatMap((f) => numericConversionsOfIds(readFileSync(f, 'utf8')).map((s) => `${f}: ${s}`));
    expect(offences).toEqual([]);
  });

  it('every ID, phone and code field yields strings, even from a numeric cell', () => {
    const ctx = { date1904: false, moneyMultiplier: 1 };
    const numeric = { v: 360426199101010000, numeric: true, fmt: '0' };
    let checked = 0;
    for (const spec of SPECS) {
      for (const [key, field] of Object.entries(spec.fields)) {
        const parsed = field.parse(numeric, ctx).value as unknown;
        if (parsed === null || typeof parsed !== 'object') {
          if (/id|phone|no$|card|plate/i.test(key)) {
            expect(typeof parsed === 'string' || parsed === null, `${spec.id}.${key}`).toBe(true);
            checked++;
          }
          continue;
        }
        // ID and phone results: every text part is a string or null.
        for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
          if (['id', 'cleaned', 'prefix15', 'phone', 'raw'].includes(k)) expect(v === null || typeof v === 'string', `${spec.id}.${key}.${k}`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
