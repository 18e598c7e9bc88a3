/**
 * Peak RSS is the process's own: a small child of a large process reports its own peak, not its parent's
 * (getrusage's maxRSS starts a spawned process at its parent's high-water mark on Linux).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { peakRssMiB } from '../../src/audit/peak-rss.js';

const PEAK_RSS = fileURLToPath(new URL('../../dist/audit/peak-rss.js', import.meta.url));
const PARENT_MIB = 400;

describe('peakRssMiB', () => {
  it('is at least the memory this process holds', () => {
    const held = Buffer.alloc(64 << 20, 1);
    expect(peakRssMiB()).toBeGreaterThanOrEqual(64);
    expect(held[held.length - 1]).toBe(1);
  });

  it("in a child of a large process, is the child's own peak", () => {
    const held: Buffer[] = [];
    for (let i = 0; i < PARENT_MIB / 16; i++) held.push(Buffer.alloc(16 << 20, 1));
    const code = `import { peakRssMiB } from ${JSON.stringify(PEAK_RSS)};
      process.stdout.write(JSON.stringify({ own: peakRssMiB(), maxRSS: process.resourceUsage().maxRSS / 1024 }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { own, maxRSS } = JSON.parse(r.stdout) as { own: number; maxRSS: number };
    expect(own).toBeGreaterThan(10);
    expect(own).toBeLessThan(PARENT_MIB / 2);
    // What the measure avoids, where the platform shows it.
    if (process.platform === 'linux') expect(maxRSS).toBeGreaterThan(PARENT_MIB);
    expect(held.length).toBe(PARENT_MIB / 16);
  });
});
