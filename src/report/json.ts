import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { auditResultSchema, type AuditResult } from '../model/audit.js';
import { sortFindings } from '../model/order.js';

export const FINDINGS_JSON = 'findings.json';

/** An audit result that does not match the findings.json schema (a program error, said in Chinese). */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

/** Validates the result, sorts its findings and writes `findings.json` (UTF-8, pretty-printed) into outDir. */
export async function writeFindingsJson(result: AuditResult, outDir: string): Promise<string> {
  const parsed = auditResultSchema.safeParse(result);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first.path.map(String).join('.');
    throw new ReportError(`比对结果不符合 findings.json 的格式（${where}：${first.message}），未写出文件`);
  }
  const data = { ...parsed.data, findings: sortFindings(parsed.data.findings) };
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, FINDINGS_JSON);
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
  return file;
}
