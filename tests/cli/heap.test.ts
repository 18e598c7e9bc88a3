import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { wantedHeapMiB } from '../../src/cli/heap.js';

const CLI = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));
const defaultMiB = getHeapStatistics().heap_size_limit / 2 ** 20;
// Whether this machine has memory to spare beyond Node's default heap (the CI machine has 24 GiB).
const roomy = totalmem() / 2 ** 20 * 0.75 > defaultMiB + 256;

describe('heap size the CLI sets itself', () => {
  it('leaves a heap size given by the user, or one already set, alone', () => {
    expect(wantedHeapMiB({}, ['--max-old-space-size=2048'])).toBeNull();
    expect(wantedHeapMiB({ NODE_OPTIONS: '--max_old_space_size=3000' }, [])).toBeNull();
    expect(wantedHeapMiB({ JINGZHUN_HEAP_SET: '9000' }, [])).toBeNull();
  });

  it.runIf(roomy)('asks for more than the default on a machine with memory to spare, at most 16 GB', () => {
    const mib = wantedHeapMiB({}, []);
    expect(mib).not.toBeNull();
    expect(mib as number).toBeGreaterThan(defaultMiB);
    expect(mib as number).toBeLessThanOrEqual(16 * 1024);
    expect(mib as number).toBeLessThanOrEqual(totalmem() / 2 ** 20);
  });

  it.runIf(roomy)('an audit runs with the larger heap and its output and exit code come through', async () => {
    const out = await mkdtemp(join(tmpdir(), 'jz-heap-'));
    const probe = join(out, 'probe.cjs');
    await writeFile(
      probe,
      "process.on('exit',()=>process.stderr.write('HEAP='+require('v8').getHeapStatistics().heap_size_limit+' FLAGS='+process.execArgv.join(' ')+'\\n'))",
    );
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--require', probe, CLI, 'audit', SAMPLE, '--as-of', '2026-11-27', '--out', out],
      { encoding: 'utf8' },
    );
    expect(stdout).toContain('问题');
    const limits = [...stderr.matchAll(/HEAP=(\d+)/g)].map((m) => Number(m[1]) / 2 ** 20);
    // The first process restarts itself: the child reports the larger heap, the parent the default.
    expect(limits.length).toBe(2);
    expect(Math.max(...limits)).toBeGreaterThan(defaultMiB + 256);
    // The restarted process also lets its heap grow by half, not fourfold, between full collections.
    expect(stderr).toMatch(/FLAGS=.*--heap-growing-percent=50/);
    // And a young generation twice V8's default: records read survive it.
    expect(stderr).toMatch(/FLAGS=.*--max-semi-space-size=32/);
    // An unreadable file named on the command line: exit code 2 and the Chinese message, through the restart.
    const failed = await promisify(execFile)(process.execPath, [CLI, 'audit', '--national', join(out, '没有这个文件.xlsx'), '--out', out], {
      encoding: 'utf8',
    }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/没有这个文件/);
  });
});
