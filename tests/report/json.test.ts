import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/model/audit.js';
import { loadPolicy } from '../../src/model/policy.js';
import { ReportError, writeFindingsJson } from '../../src/report/json.js';
import { FINDINGS_SCHEMA_FILE } from '../../src/report/write-schema.js';
import { FINDINGS, ID, sampleResult } from './sample-result.js';

let result: AuditResult;
let dir: string;

beforeAll(async () => {
  result = sampleResult(await loadPolicy());
  dir = await mkdtemp(join(tmpdir(), 'jz-json-'));
});

async function validator(): Promise<(data: unknown) => boolean> {
  const schema = JSON.parse(await readFile(FINDINGS_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  return ajv.compile(schema);
}

describe('writeFindingsJson', () => {
  it('writes findings.json that the committed JSON Schema accepts', async () => {
    const file = await writeFindingsJson(result, join(dir, 'a'));
    expect(file).toBe(join(dir, 'a', 'findings.json'));
    const text = await readFile(file, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "schemaVersion": 1,');
    const data: unknown = JSON.parse(text);
    const validate = await validator();
    expect(validate(data)).toBe(true);
    // The validator is not a rubber stamp: an ID number as a JSON number is refused.
    const broken = structuredClone(data) as { findings: { personId: unknown }[] };
    broken.findings[0].personId = 360426199101010000;
    expect(validate(broken)).toBe(false);
  });

  it('keeps ID numbers and household numbers as strings', async () => {
    const text = await readFile(await writeFindingsJson(result, join(dir, 'b')), 'utf8');
    expect(text).toContain(`"personId": "${ID}"`);
    expect(text).toContain('"householdId": "3607211002010012"');
    expect(text).toContain('"notice-board": "=1+1"');
  });

  it('sorts findings by township, village, household, person, rule, field and id', async () => {
    const data = JSON.parse(await readFile(await writeFindingsJson(result, join(dir, 'c')), 'utf8')) as { findings: { id: string }[] };
    // 湖江镇 (U+6E56) before 王母渡镇 (U+738B), no township last; 夏府村 (U+590F) before 大坪村 (U+5927);
    // in 夏府村 the person finding first, household findings by rule, then the finding without a household.
    expect(data.findings.map((f) => f.id)).toEqual(['f-name', 'f-exit', 'f-size', 'f-split', 'f-id', 'f-near', 'f-dup', 'f-helper']);
  });

  it('writes the same bytes whatever the order of the findings', async () => {
    const first = await readFile(await writeFindingsJson(result, join(dir, 'd1')));
    const shuffled = { ...result, findings: [...FINDINGS].reverse() };
    const second = await readFile(await writeFindingsJson(shuffled, join(dir, 'd2')));
    expect(second.equals(first)).toBe(true);
  });

  it('refuses a result that does not match the schema, in Chinese, without writing', async () => {
    const bad = { ...result, asOf: '2024/06/30' };
    const out = join(dir, 'e');
    const err: unknown = await writeFindingsJson(bad, out).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ReportError);
    expect((err as Error).message).toMatch(/^比对结果不符合 findings\.json 的格式（asOf：/);
    await expect(readdir(out)).rejects.toThrow();
  });
});
