/**
 * `npm run bench` (`-- --prefecture`): a county (1,000,000 hukou people, 40,000 registered households) or a
 * prefecture (10,000,000 / 500,000, about 1.5 million registered people) made by the sample generator (archive as xlsx, shared strings), cached in
 * .bench-cache/. The full audit runs in a child process (phase times, peak RSS); the reading floors run in
 * children of their own over the same files. Prints a markdown table, the ratios, the machine, and the
 * acceptance checks as PASS/FAIL.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample, type SampleManifest } from '../sample/index.js';
import type { AuditRun } from './audit-run.js';
import { floor, type FloorFile } from './floors.js';
import { machineLine, peakRssMiB } from './machine.js';

const CACHE = '.bench-cache';
const GENERATOR_HEAP_MIB = 16 * 1024;
const AS_OF = '2026-11-27';
const SIZES = {
  county: { households: 40_000, hukouPeople: 1_000_000, seconds: 60, rssMiB: 1536, floorRatio: 2 },
  prefecture: { households: 500_000, hukouPeople: 10_000_000, seconds: 600, rssMiB: 6144, floorRatio: Infinity },
};

async function inputs(size: (typeof SIZES)['county']): Promise<{ dir: string; manifest: SampleManifest; generated: number | null }> {
  const dir = join(CACHE, `county-s1-h${size.households}-p${size.hukouPeople}`);
  const truth = join(dir, 'truth.json');
  if (existsSync(truth)) return { dir, manifest: JSON.parse(readFileSync(truth, 'utf8')) as SampleManifest, generated: null };
  rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  // In a child process: the generator's memory is not held through the measured runs. The generator keeps the
  // whole registered population (and its truth) in memory: a prefecture needs more than the default heap.
  child<{ done: boolean }>([`--max-old-space-size=${GENERATOR_HEAP_MIB}`, fileURLToPath(import.meta.url), '--generate', dir, String(size.households), String(size.hukouPeople)]);
  return { dir, manifest: JSON.parse(readFileSync(truth, 'utf8')) as SampleManifest, generated: (performance.now() - t0) / 1000 };
}

async function generate(dir: string, households: string, hukouPeople: string): Promise<void> {
  const count = (v: string) => Number.parseInt(v, 10);
  await generateSample({ out: dir, seed: 1, households: count(households), hukouPeople: count(hukouPeople), asOf: AS_OF, archiveFormat: 'xlsx', sharedStrings: true });
  process.stdout.write(`${JSON.stringify({ done: true })}\n`);
}

function child<T>(args: string[]): T {
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop() ?? '') as T;
}

const s = (ms: number) => (ms / 1000).toFixed(1);

async function main(): Promise<void> {
  const prefecture = process.argv.includes('--prefecture');
  const arg = (name: string): number | null => {
    const i = process.argv.indexOf(name);
    return i > 0 && /^\d+$/.test(process.argv[i + 1] ?? '') ? Number.parseInt(process.argv[i + 1], 10) : null;
  };
  // `--households N --people N`: a smaller or larger county, same checks.
  const base = prefecture ? SIZES.prefecture : SIZES.county;
  const size = { ...base, households: arg('--households') ?? base.households, hukouPeople: arg('--people') ?? base.hukouPeople };
  console.log(`machine: ${machineLine()}`);
  const { dir, manifest, generated } = await inputs(size);
  console.log(generated === null ? `inputs: ${dir} (cached)` : `inputs: ${dir} (generated in ${generated.toFixed(0)} s)`);
  const floorFiles: FloorFile[] = manifest.files
    .filter((f) => f.format === 'xlsx' || f.format === 'csv' || f.format === 'tsv')
    .map((f) => ({ file: join(dir, f.file), format: f.format as FloorFile['format'], encoding: f.encoding }));

  const self = fileURLToPath(import.meta.url);
  const auditRun = fileURLToPath(new URL('./audit-run.js', import.meta.url));
  const out = join(CACHE, 'bench-out');
  const audit = child<AuditRun>([auditRun, dir, out, AS_OF]);
  const lib = child<{ xlsx: { cells: number; ms: number }; text: { cells: number; ms: number }; peakMiB: number }>([self, '--floor', 'library', JSON.stringify(floorFiles)]);
  const raw = child<{ xlsx: { cells: number; ms: number }; text: { cells: number; ms: number }; peakMiB: number }>([self, '--floor', 'raw', JSON.stringify(floorFiles)]);

  const t = audit.timings;
  const rows: [string, string][] = [];
  for (const [k, v] of Object.entries(t.sources).sort((a, b) => b[1] - a[1])) rows.push([`read + normalise: ${k}`, s(v)]);
  rows.push(['read + normalise (all)', s(t.read)], ['link', s(t.link)], ['rules', s(t.rules)], ['write report', s(t.write)], ['**audit end-to-end**', `**${s(t.total)}**`]);
  rows.push(
    ['floor: exceljs loop (xlsx)', s(lib.xlsx.ms)],
    ['floor: csv-parse loop (text)', s(lib.text.ms)],
    ['**floor: exceljs + csv-parse**', `**${s(lib.xlsx.ms + lib.text.ms)}**`],
    ['raw: inflate + `<c` count (xlsx)', s(raw.xlsx.ms)],
    ['raw: decode + split (text)', s(raw.text.ms)],
    ['**raw floor**', `**${s(raw.xlsx.ms + raw.text.ms)}**`],
  );
  const libFloor = lib.xlsx.ms + lib.text.ms;
  const rawFloor = raw.xlsx.ms + raw.text.ms;
  console.log(`\n${prefecture ? 'prefecture' : 'county'}: ${manifest.counts.hukouPeople} hukou people, ${manifest.counts.registeredHouseholds} registered households (${manifest.counts.registeredPeople} people), ${manifest.counts.noticeBoardRows} notice-board rows`);
  console.log(`audit: ${audit.households} households, ${audit.findings} findings, hukou ${audit.hukou.read} rows read, ${audit.hukou.kept} kept, ${audit.comparisons} linking comparisons`);
  console.log(`cells: exceljs ${lib.xlsx.cells} / raw ${raw.xlsx.cells} (xlsx), csv-parse ${lib.text.cells} / split ${raw.text.cells} (text)\n`);
  console.log('| phase | seconds |\n|---|---:|');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  console.log(`| peak RSS, audit (MiB) | ${audit.peakMiB.toFixed(0)} |`);
  console.log(`| heap limit set by the CLI (MiB) | ${audit.heapMiB} |`);
  console.log(`| peak RSS, floor loops (MiB) | ${Math.max(lib.peakMiB, raw.peakMiB).toFixed(0)} |`);
  console.log(`\naudit / (exceljs + csv-parse) = ${(t.total / libFloor).toFixed(2)}; audit / raw floor = ${(t.total / rawFloor).toFixed(2)}`);
  const check = (ok: boolean, what: string) => console.log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
  check(t.total / 1000 <= size.seconds, `end-to-end ${s(t.total)} s ≤ ${size.seconds} s`);
  check(audit.peakMiB <= size.rssMiB, `peak RSS ${audit.peakMiB.toFixed(0)} MiB ≤ ${size.rssMiB} MiB`);
  if (Number.isFinite(size.floorRatio)) check(t.total <= size.floorRatio * libFloor, `end-to-end ≤ ${size.floorRatio} × exceljs + csv-parse floor (${(t.total / libFloor).toFixed(2)})`);
}

if (process.argv[2] === '--generate') {
  generate(process.argv[3], process.argv[4], process.argv[5]).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
} else if (process.argv[2] === '--floor') {
  const kind = process.argv[3] === 'raw' ? 'raw' : 'library';
  floor(kind, JSON.parse(process.argv[4]) as FloorFile[]).then((r) => process.stdout.write(`${JSON.stringify({ ...r, peakMiB: peakRssMiB() })}\n`));
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
