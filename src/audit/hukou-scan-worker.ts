/** The worker thread of hukou-scans.ts: scans the files it is given, largest first, and posts each one's keys. */
import { parentPort, workerData } from 'node:worker_threads';
import { scanHukouFile } from './hukou-scan.js';
import type { ScanRequest, ScanResult, ToScanWorker } from './hukou-scans.js';

if (!parentPort) throw new Error('hukou-scan-worker.js runs as a worker thread only');
const port = parentPort;
const { files, mapping, opts } = workerData as ScanRequest;
/** Files still worth scanning: all at first, then those the main thread found to hold hukou data. */
let wanted: Set<string> | null = null;
port.on('message', (m: ToScanWorker) => {
  wanted = new Set(m.only);
});

async function run(): Promise<void> {
  for (const { file, kind } of files) {
    // Let a message from the main thread arrive before the next file.
    await new Promise((resolve) => setImmediate(resolve));
    if (wanted !== null && !wanted.has(file)) continue;
    let result: ScanResult;
    const t0 = performance.now();
    try {
      // A file that turns out to hold other data is left (the main thread scans it if it does hold hukou data).
      const sheets = await scanHukouFile(file, kind, mapping, { ...opts, hukouOnly: true });
      const ms = performance.now() - t0;
      result = sheets === null ? { file, sheets: [], error: '另一类数据', ms } : { file, sheets, error: null, ms };
    } catch (e) {
      result = { file, sheets: [], error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 };
    }
    const buffers = result.sheets.flatMap((k) => [k.flags, k.id, k.idHigh, k.idLow, k.prefix, k.household, k.former, k.father, k.mother, k.spouse, k.pairStart, k.pairs].map((a) => a.buffer as ArrayBuffer));
    port.postMessage(result, buffers);
  }
}

void run();
