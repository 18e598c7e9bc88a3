/**
 * One county's audit, in a process of its own (by-county.ts forks this file, one process for several counties
 * in turn) or in the calling process: each request comes as an IPC message and its reply goes back as one; the
 * process ends when the parent lets go of it.
 */
import type { Policy } from '../model/policy.js';
import type { AuditResult } from '../model/audit.js';
import type { Mapping } from '../sources/mapping.js';
import { NoNationalError, runAudit } from './run.js';
import type { CountyKeys } from './county-keys.js';
import { peakRssMiB } from './peak-rss.js';

export interface CountyRequest {
  files: string[];
  mapping?: Mapping;
  policy: Policy;
  asOf: string;
  /** Work out the keys that tell whether the county touches another's. */
  keys: boolean;
}

export type CountyReply =
  | {
      type: 'done';
      result: AuditResult;
      keys: CountyKeys | null;
      hukou: { read: number; kept: number };
      comparisons: number;
      ms: number;
      /** Peak RSS of the process that ran it (MiB). */
      peakMiB: number;
    }
  /** The county's files hold no national export: nothing to audit. */
  | { type: 'no-national' }
  | { type: 'error'; message: string };

export async function auditCounty(req: CountyRequest): Promise<CountyReply> {
  const t0 = performance.now();
  try {
    const run = await runAudit({
      inputs: req.files.map((file) => ({ file })),
      explicit: new Set(),
      mapping: req.mapping,
      policy: req.policy,
      asOf: req.asOf,
      countyKeys: req.keys,
    });
    const peakMiB = peakRssMiB();
    return { type: 'done', result: run.result, keys: run.keys, hukou: run.hukou, comparisons: run.comparisons, ms: performance.now() - t0, peakMiB };
  } catch (e) {
    if (e instanceof NoNationalError) return { type: 'no-national' };
    return { type: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

if (process.send && process.env.JINGZHUN_COUNTY_CHILD === '1') {
  process.on('message', (req: CountyRequest) => {
    void auditCounty(req).then((reply) => {
      process.send?.(reply);
      // The county's dataset is garbage now: collected before the next county is read, not on top of it.
      (globalThis as { gc?: () => void }).gc?.();
    });
  });
  process.on('disconnect', () => process.exit(0));
}
