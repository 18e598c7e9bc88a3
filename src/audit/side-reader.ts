/**
 * Reading input files on a second core: a worker thread (side-worker.ts) reads the largest files first (the
 * hukou file, usually the largest by far, is scanned while this thread reads the registered sources), then the
 * others from the end of the list back, while this thread reads them in the order given: the two meet in the
 * middle. Each file is read by whichever starts it: a shared claim per file, taken atomically, decides.
 * Without a worker (small inputs, or code not built) every file is read here.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../io/threads.js';
import { unpack, type Packed } from '../io/pack.js';
import type { Mapping } from '../sources/mapping.js';
import { NO_PROBLEMS } from '../sources/records.js';
import { isIdResult, type IdPool } from '../normalize/id.js';
import type { FileRead, InputFile, ScanOptions } from './read-input.js';

export interface SideRequest {
  /** Inputs in the order the worker is to try them, with their place among the inputs. */
  files: { index: number; input: InputFile }[];
  mapping?: Mapping;
  scan: ScanOptions | null;
  /** One claim per input (Int32): FREE, or taken by the worker or by the main thread. */
  claims: SharedArrayBuffer;
}
export interface SideResult {
  index: number;
  /** The reading without its keys, packed (io/pack.ts). */
  packed: Packed;
  hukou: FileRead['hukou'];
}

export const FREE = 0;
export const BY_WORKER = 1;
const BY_MAIN = 2;

/** Inputs smaller than this in all are read in this thread: a worker would cost more than it saves. */
const WORKER_BYTES = 16 * 1024 * 1024;

export interface SideReader {
  /** Takes input `index` for this thread: true, read it here; false, the worker has taken it. */
  claim(index: number): boolean;
  /** The worker's reading of an input it took: null if the worker failed (read it here then). */
  result(index: number): Promise<FileRead | null>;
  /** The worker's reading of input `index` if it has come (handed out once). */
  delivered(index: number): FileRead | undefined;
  /** Stops the worker. */
  close(): Promise<void>;
  /** Milliseconds the worker spent reading the files it gave. */
  workerMs: number;
}

const size = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * `JINGZHUN_WORKERS` overrides the choice of a worker: `never`, `always`, or `all` (the worker reads every file:
 * tests check that this and `never` give the same audit).
 */
export function startSideReader(
  inputs: readonly InputFile[],
  mapping: Mapping | undefined,
  scan: ScanOptions | null,
  ids: IdPool,
  env: NodeJS.ProcessEnv = process.env,
): SideReader {
  const sizes = inputs.map((i) => size(i.file));
  const script = workerScript(import.meta.url, './side-worker.js', sizes.reduce((n, b) => n + b, 0) >= WORKER_BYTES, env);
  if (script === null) return alone();
  const claims = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, inputs.length)));
  const order = workerOrder(sizes).map((index) => ({ index, input: inputs[index] }));
  const request: SideRequest = { files: order, mapping, scan, claims: claims.buffer as SharedArrayBuffer };
  const worker = new Worker(script, { workerData: request });
  const results = new Map<number, FileRead>();
  const waiting = new Map<number, (r: FileRead | null) => void>();
  let ended = false;
  const end = () => {
    ended = true;
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  };
  const reader: SideReader = {
    claim: (index) => env.JINGZHUN_WORKERS !== 'all' && Atomics.compareExchange(claims, index, FREE, BY_MAIN) === FREE,
    result: (index) => {
      const done = results.get(index);
      if (done || ended) return Promise.resolve(done ?? null);
      return new Promise((resolve) => waiting.set(index, resolve));
    },
    delivered: (index) => {
      const done = results.get(index);
      results.delete(index);
      return done;
    },
    async close() {
      await worker.terminate();
    },
    workerMs: 0,
  };
  worker.on('message', ({ index, packed, hukou }: SideResult) => {
    const read = { ...(unpack(packed) as Omit<FileRead, 'hukou'>), hukou };
    adopt(read, ids);
    reader.workerMs += read.ms;
    results.set(index, read);
    waiting.get(index)?.(read);
    waiting.delete(index);
  });
  // A worker that fails leaves its files to this thread.
  worker.on('error', end);
  worker.on('exit', end);
  return reader;
}

/**
 * The order the worker tries the inputs in: those of at least a quarter of the largest's size, largest first
 * (hukou files: their scan gives compact keys), then the others from the last back. Records that cross from
 * the worker still cost this thread a tenth to a fifth of reading them (unpacking, io/pack.ts), and packing
 * costs the worker, so the worker keeps off the files this thread is about to read: taking the next large
 * registered source when the scan ended, it used to leave this thread waiting for it at the end.
 */
export function workerOrder(sizes: readonly number[]): number[] {
  const largest = Math.max(0, ...sizes);
  const indices = sizes.map((_, i) => i);
  const big = indices.filter((i) => sizes[i] * 4 >= largest).sort((a, b) => sizes[b] - sizes[a] || a - b);
  return [...big, ...indices.filter((i) => sizes[i] * 4 < largest).reverse()];
}

/**
 * Records that crossed from the worker are copies: they get the shared empty problem list and one file name
 * string, as records read here have, and their ID results are shared with those read here. (Equal strings of
 * one reading arrive as one string already.)
 */
function adopt(read: FileRead, ids: IdPool): void {
  for (const sheet of read.sheets) {
    if (sheet.type !== 'records') continue;
    for (const rec of sheet.records) {
      if (rec.problems.length === 0) rec.problems = NO_PROBLEMS;
      rec.loc.file = read.file;
      const o = rec as unknown as Record<string, unknown>;
      for (const k in o) {
        const v = o[k];
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && isIdResult(v)) o[k] = ids.share(v);
      }
    }
    for (const r of sheet.rejected) r.loc.file = read.file;
  }
}

function alone(): SideReader {
  return {
    claim: () => true,
    result: () => Promise.resolve(null),
    delivered: () => undefined,
    async close() {},
    workerMs: 0,
  };
}
