/**
 * Hukou scans (hukou-scan.ts) started before anything else is read: in a worker thread, where the built code
 * runs and the inputs are large enough to be worth it, the hukou files are scanned on the second core while
 * this thread reads the registered sources. Otherwise each file is scanned here when asked for.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../io/threads.js';
import type { Mapping } from '../sources/mapping.js';
import type { SourceKind } from '../model/kinds.js';
import type { SheetKeys } from './hukou-keys.js';
import { scanHukouFile, type ScanOptions } from './hukou-scan.js';

export interface ScanRequest {
  files: { file: string; kind?: SourceKind }[];
  mapping?: Mapping;
  opts: ScanOptions;
}
export interface ScanResult {
  file: string;
  sheets: SheetKeys[];
  /** The scan failed (the file is then scanned again here, which reports it as every read does). */
  error: string | null;
  /** Milliseconds the worker spent on it. */
  ms: number;
}
export type ToScanWorker = { only: string[] };

/** Inputs smaller than this are scanned in this thread: a worker would cost more than it saves. */
const WORKER_BYTES = 16 * 1024 * 1024;

export interface HukouScans {
  /** Once the inputs are read: the files that hold hukou data (others are not scanned any more). */
  only(files: readonly string[]): void;
  /** The keys of a hukou file's sheets. */
  get(file: string, kind: SourceKind | undefined): Promise<SheetKeys[]>;
  /** Stops the worker. */
  close(): Promise<void>;
  /** Milliseconds the worker spent scanning the files handed out (0 without a worker). */
  workerMs: number;
}

const size = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/** `JINGZHUN_WORKERS` (`always`, `never`) overrides the choice of a worker (tests check both give the same audit). */
export function startHukouScans(
  files: ScanRequest['files'],
  mapping: Mapping | undefined,
  opts: ScanOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): HukouScans {
  const sized = files.map((f) => ({ ...f, bytes: size(f.file) }));
  const script = workerScript(import.meta.url, './hukou-scan-worker.js', sized.reduce((n, f) => n + f.bytes, 0) >= WORKER_BYTES, env);
  if (script === null) return inThread(mapping, opts);
  // Largest first: the hukou file is usually the largest input by far.
  const order = [...sized].sort((a, b) => b.bytes - a.bytes || (a.file < b.file ? -1 : 1)).map(({ file, kind }) => ({ file, kind }));
  const request: ScanRequest = { files: order, mapping, opts };
  const worker = new Worker(script, { workerData: request });
  const results = new Map<string, ScanResult>();
  /** Files whose keys were handed out (a file named twice is scanned here the second time). */
  const taken = new Set<string>();
  const waiting = new Map<string, (r: ScanResult | null) => void>();
  let ended = false;
  const end = () => {
    ended = true;
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  };
  worker.on('message', (r: ScanResult) => {
    results.set(r.file, r);
    waiting.get(r.file)?.(r);
    waiting.delete(r.file);
  });
  // A worker that fails leaves its files to this thread.
  worker.on('error', end);
  worker.on('exit', end);
  const here = inThread(mapping, opts);
  return {
    only(hukouFiles) {
      if (!ended) worker.postMessage({ only: [...hukouFiles] } satisfies ToScanWorker);
    },
    async get(file, kind) {
      const r = taken.has(file)
        ? null
        : (results.get(file) ?? (ended ? null : await new Promise<ScanResult | null>((resolve) => waiting.set(file, resolve))));
      results.delete(file);
      taken.add(file);
      if (r && r.error === null) {
        this.workerMs += r.ms;
        return r.sheets;
      }
      return here.get(file, kind);
    },
    async close() {
      await worker.terminate();
    },
    workerMs: 0,
  };
}

function inThread(mapping: Mapping | undefined, opts: ScanOptions): HukouScans {
  return {
    only() {},
    get: (file, kind) => scanHukouFile(file, kind, mapping, opts),
    async close() {},
    workerMs: 0,
  };
}
