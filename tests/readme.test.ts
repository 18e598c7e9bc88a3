/** The README's findings.json example is a real, valid finding: checked against zod and the committed JSON Schema. */
import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { findingSchema } from '../src/model/finding.js';
import { loadPolicy } from '../src/model/policy.js';
import { FINDINGS_SCHEMA_FILE } from '../src/report/write-schema.js';
import { sampleResult } from './report/sample-result.js';

async function example(): Promise<unknown> {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const m = readme.match(/<!-- finding-example:start -->\s*```json\n([\s\S]*?)```\s*<!-- finding-example:end -->/);
  if (!m) throw new Error('README has no finding example between the markers');
  return JSON.parse(m[1]) as unknown;
}

describe('README example', () => {
  it('is a valid finding (zod)', async () => {
    expect(findingSchema.safeParse(await example()).success).toBe(true);
  });

  it('validates against the committed JSON Schema inside a findings.json', async () => {
    const schema = JSON.parse(await readFile(FINDINGS_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);
    const result = { ...sampleResult(await loadPolicy()), findings: [await example()] };
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    const broken = { ...result, findings: [{ ...(await example() as object), category: 'nonsense' }] };
    expect(validate(broken)).toBe(false);
  });
});
