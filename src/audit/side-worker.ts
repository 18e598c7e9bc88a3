/** The worker thread of side-reader.ts: reads the inputs it can take, in the order given to it, and posts each reading. */
import { parentPort, workerData } from 'node:worker_threads';
import { IdPool } from '../normalize/id.js';
import { pack, transferables } from '../io/pack.js';
import { readInput } from './read-input.js';
import { BY_WORKER, FREE, type SideRequest, type SideResult } from './side-reader.js';

if (!parentPort) throw new Error('side-worker.js runs as a worker thread only');
const port = parentPort;
const { files, mapping, scan, claims: buffer } = workerData as SideRequest;
const claims = new Int32Array(buffer);
// Stay until the main thread ends the worker: every reading posted is then sure to arrive.
port.on('message', () => undefined);

async function run(): Promise<void> {
  // Records of one reading share their ID results (a copy keeps that); the main thread shares them with its own.
  const ids = new IdPool();
  for (const { index, input } of files) {
    if (Atomics.compareExchange(claims, index, FREE, BY_WORKER) !== FREE) continue;
    const { hukou, ...read } = await readInput(input, mapping, scan, ids);
    // The records cross packed; the keys' typed columns are moved, not copied.
    const packed = pack(read);
    const buffers = hukou.flatMap((k) => Object.values(k).filter((v): v is Uint8Array | Uint32Array => ArrayBuffer.isView(v)).map((a) => a.buffer as ArrayBuffer));
    port.postMessage({ index, packed, hukou } satisfies SideResult, [...buffers, ...transferables(packed)]);
  }
}

void run();
