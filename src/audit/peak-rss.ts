/**
 * Peak resident set size of this process so far, in MiB.
 *
 * On Linux it is the process's own high-water mark, `VmHWM` in /proc/self/status. `getrusage`'s maxRSS is not:
 * a process spawned by Node starts from its parent's high-water mark (the kernel carries the peak of the memory
 * it replaces across exec), so a small child of a large process reports at least the parent's size. Elsewhere
 * maxRSS is all there is.
 */
import { readFileSync } from 'node:fs';

export function peakRssMiB(): number {
  try {
    const m = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'latin1'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // No /proc: not Linux.
  }
  return process.resourceUsage().maxRSS / 1024;
}
