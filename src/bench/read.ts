/**
 * `npm run bench:read`: reading speed and memory of the project's readers against bare library loops.
 * Writes person tables of 100,000 and 400,000 rows as xlsx with shared strings (as Excel and WPS write them)
 * and as GB18030 CSV, then reads each in a child process (so peak RSS is the reader's own) with:
 *   project   — readSheets(): reader + table detection + layout recognition + normalisers
 *   exceljs   — a bare exceljs streaming loop that only counts cells
 *   csv-parse — a bare iconv-lite + csv-parse loop that only counts cells
 * Prints rows/s and peak RSS per size, and the machine.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import { readSheets } from '../sources/read.js';
import { machineLine } from './machine.js';
import { peakRssMiB } from '../audit/peak-rss.js';
import { idCheckChar } from '../normalize/id.js';

const CACHE = '.bench-cache';
const SIZES = [100_000, 400_000];
const HEADER = [
  '县(市、区、旗)', '乡(镇)', '行政村', '自然村', '户编号', '人编号', '姓名', '证件号码', '人数', '与户主关系',
  '民族', '文化程度', '在校生状况', '健康状况', '劳动技能', '务工状况', '脱贫属性', '脱贫年度', '贫困户属性', '人均纯收入',
];
const SURNAMES = '刘陈李黄王钟曾谢赖邱张罗郭肖廖温杨朱吴邓';
const GIVEN = '明华英秀兰建国平伟芳军红玉春生金福海林根发';

/** A deterministic person row: valid IDs, repeating household fields as real exports have them. */
function row(i: number): string[] {
  const hh = Math.floor(i / 4);
  const birth = `19${String(40 + (i % 60)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
  const first17 = `360721${birth}${String(i % 1000).padStart(3, '0')}`;
  const name = SURNAMES[hh % SURNAMES.length] + GIVEN[i % GIVEN.length] + GIVEN[(i * 7) % GIVEN.length];
  return [
    '赣县区', `${['江口', '王母渡', '大埠', '韩坊'][hh % 4]}镇`, `第${hh % 50}村`, `${hh % 9}组`,
    `3607211002${String(hh).padStart(6, '0')}`, `3607211002${String(i).padStart(8, '0')}`, name, first17 + idCheckChar(first17),
    '4', i % 4 === 0 ? '户主' : '之子', '汉族', '初中', '非在校生', '健康', '普通劳动力', '乡（镇）外县内务工',
    '已脱贫(享受政策)', '2018', '一般脱贫户', String(5000 + (hh % 3000)),
  ];
}

async function writeXlsx(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit();
  await wb.commit();
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(iconv.encode(s, 'gb18030')) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(HEADER.join(',') + '\r\n');
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += row(i).join(',') + '\r\n';
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
}

interface ChildResult {
  rows: number;
  cells: number;
  seconds: number;
  peakMiB: number;
}

async function child(mode: string, file: string): Promise<ChildResult> {
  const t0 = performance.now();
  let rows = 0;
  let cells = 0;
  if (mode === 'project') {
    for await (const s of readSheets(file)) for await (const r of s.records()) if (r.record) rows++;
  } else if (mode === 'exceljs') {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'ignore', worksheets: 'emit', hyperlinks: 'ignore' });
    for await (const ws of reader) {
      for await (const r of ws) {
        rows++;
        cells += (r as ExcelJS.Row).cellCount;
      }
    }
    rows--; // header
  } else {
    const parser = createReadStream(file).pipe(iconv.decodeStream('gb18030')).pipe(parse({ relax_column_count: true }));
    for await (const rec of parser as AsyncIterable<string[]>) {
      rows++;
      cells += rec.length;
    }
    rows--;
  }
  return { rows, cells, seconds: (performance.now() - t0) / 1000, peakMiB: peakRssMiB() };
}

function runChild(mode: string, file: string): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [self, '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench child ${mode} ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  console.log(`machine: ${machineLine()}`);
  const table: string[] = ['| file | rows | reader | seconds | rows/s | peak RSS MiB |', '|---|---:|---|---:|---:|---:|'];
  const peaks: Record<string, number> = {};
  for (const n of SIZES) {
    const xlsx = join(CACHE, `persons-${n}.xlsx`);
    const csv = join(CACHE, `persons-${n}.csv`);
    if (!existsSync(xlsx)) await writeXlsx(xlsx, n);
    if (!existsSync(csv)) await writeCsv(csv, n);
    for (const [file, modes] of [[xlsx, ['project', 'exceljs']], [csv, ['project', 'csv-parse']]] as const) {
      for (const mode of modes) {
        const r = runChild(mode, file);
        peaks[`${mode}-${file.endsWith('.csv') ? 'csv' : 'xlsx'}-${n}`] = r.peakMiB;
        table.push(`| ${file} | ${r.rows} | ${mode} | ${r.seconds.toFixed(2)} | ${Math.round(r.rows / r.seconds)} | ${r.peakMiB.toFixed(0)} |`);
        console.log(table[table.length - 1]);
      }
    }
  }
  console.log('\n' + table.join('\n'));
  for (const fmt of ['xlsx', 'csv']) {
    const a = peaks[`project-${fmt}-${SIZES[0]}`];
    const b = peaks[`project-${fmt}-${SIZES[1]}`];
    console.log(`project ${fmt}: peak RSS ${SIZES[1]} rows / ${SIZES[0]} rows = ${(b / a).toFixed(2)} (target ≤ 1.5)`);
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3], process.argv[4]).then((r) => process.stdout.write(JSON.stringify(r)));
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
