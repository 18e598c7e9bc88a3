#!/usr/bin/env node
import { main } from './main.js';

main(process.argv).then(
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
