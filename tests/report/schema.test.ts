import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FINDINGS_SCHEMA_FILE, findingsJsonSchemaText } from '../../src/report/write-schema.js';

describe('schema/findings.schema.json', () => {
  it('is what the current zod schema generates (regenerate: node dist/report/write-schema.js)', async () => {
    const committed = await readFile(FINDINGS_SCHEMA_FILE, 'utf8');
    expect(committed).toBe(findingsJsonSchemaText());
  });

  it('describes a finding with the fields the reports rely on', async () => {
    const schema = JSON.parse(await readFile(FINDINGS_SCHEMA_FILE, 'utf8')) as {
      properties: { findings: { items: { required: string[]; properties: Record<string, { type?: unknown }> } } };
    };
    const finding = schema.properties.findings.items;
    for (const key of ['id', 'rule', 'category', 'severity', 'householdId', 'personId', 'values', 'correct', 'message', 'evidence', 'locations']) {
      expect(finding.required).toContain(key);
    }
    // A missing source is not a value: `values` must not require every source kind.
    expect(finding.properties.values).not.toHaveProperty('required');
  });
});
