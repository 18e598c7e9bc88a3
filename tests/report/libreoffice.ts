/** Converts a workbook with LibreOffice (headless): every sheet to its own UTF-8 CSV. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';

const run = promisify(execFile);

// Separator 44 (,), quote 34 ("), charset 76 (UTF-8), ... , last token -1: export every sheet to its own file.
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Sheet name → rows of text, as LibreOffice reads the workbook. */
export async function sheetsAsCsv(file: string): Promise<Map<string, string[][]>> {
  const outDir = await mkdtemp(join(tmpdir(), 'jz-lo-csv-'));
  // A profile of its own, so that parallel test files do not share one LibreOffice instance.
  const profile = pathToFileURL(await mkdtemp(join(tmpdir(), 'jz-lo-profile-'))).href;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', CSV_FILTER, file, '--outdir', outDir], {
    timeout: 120_000,
  });
  const stem = basename(file).replace(/\.xlsx$/, '');
  const sheets = new Map<string, string[][]>();
  for (const name of await readdir(outDir)) {
    if (!name.startsWith(`${stem}-`) || !name.endsWith('.csv')) continue;
    const text = await readFile(join(outDir, name), 'utf8');
    sheets.set(name.slice(stem.length + 1, -4), parse(text, { relax_column_count: true }) as string[][]);
  }
  return sheets;
}
