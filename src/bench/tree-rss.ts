/**
 * Peak resident memory of this process and its child processes together, sampled (Linux /proc): what a
 * county-by-county audit (several processes at once) takes of the machine. Elsewhere only this process counts.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_MIB = 4096 / 2 ** 20;

function childrenRssMiB(parent: number): number {
  let total = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'latin1');
      // The fields after the command name (which may hold spaces) start after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      total += Number(readFileSync(`/proc/${e}/statm`, 'latin1').split(' ')[1]) * PAGE_MIB;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/** Starts sampling every `ms`; `stop` gives the largest sum seen (MiB). */
export function sampleTreeRss(ms = 250): { stop(): number } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss() / 2 ** 20 + childrenRssMiB(process.pid));
  };
  sample();
  const timer = setInterval(sample, ms);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
