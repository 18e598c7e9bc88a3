/**
 * Generates `schema/findings.schema.json` from the zod schema of findings.json.
 * Run after changing src/model: `node dist/report/write-schema.js` (a test fails while the file is stale).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { auditResultSchema } from '../model/audit.js';

/** The committed schema file, relative to this module (src/report/ and dist/report/ are both two levels deep). */
export const FINDINGS_SCHEMA_FILE = fileURLToPath(new URL('../../schema/findings.schema.json', import.meta.url));

export function findingsJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(auditResultSchema, { target: 'draft-2020-12' });
  return { $schema, title: 'jingzhun findings.json', ...rest };
}

export function findingsJsonSchemaText(): string {
  return `${JSON.stringify(findingsJsonSchema(), null, 2)}\n`;
}

export async function writeFindingsSchema(file: string = FINDINGS_SCHEMA_FILE): Promise<string> {
  await writeFile(file, findingsJsonSchemaText(), 'utf8');
  return file;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFindingsSchema(process.argv[2]).then(
    (file) => process.stdout.write(`已写出 ${file}\n`),
    (err: unknown) => {
      process.stderr.write(`写出 JSON Schema 失败：${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
