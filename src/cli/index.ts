#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { main } from './main.js';
import { relaunchWithHeap } from './heap.js';

async function run(): Promise<number> {
  // An audit holds every registered household in memory: give it a heap sized to the machine.
  if (process.argv[2] === 'audit') {
    const code = await relaunchWithHeap(fileURLToPath(import.meta.url), process.argv.slice(2));
    if (code !== null) return code;
  }
  return main(process.argv);
}

// A reader that stops early (`| head`) closes the pipe: the rest of the output has nowhere to go, which is no error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Last resort: never a stack trace for users.
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`jingzhun：内部错误：${msg}\n`);
    process.exitCode = 3;
  },
);
