import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AuditRun } from '../../src/bench/audit-run.js';

const AUDIT_RUN = fileURLToPath(new URL('../../dist/bench/audit-run.js', import.meta.url));

/** Audits a folder with the built code (npm test builds it first) in a child process of its own, for its peak RSS. */
export async function auditInChild(dir: string, out: string, asOf: string, env: Record<string, string> = {}): Promise<AuditRun> {
  const { stdout } = await promisify(execFile)(process.execPath, [AUDIT_RUN, dir, out, asOf], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as AuditRun;
}
