/** Collecting input files from command-line paths: files as named, folders recursively. */
import { readdir, stat } from 'node:fs/promises';
import { join, basename, extname } from 'node:path';

export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.et', '.csv', '.tsv', '.txt', '.xml', '.htm', '.html'];

export interface Collected {
  /** Files to read, in a stable order. */
  files: string[];
  /** Files and subfolders of a folder that were passed over, with a Chinese reason (lock files, other types, no permission). */
  skipped: { file: string; reason: string }[];
  /** Paths named on the command line that do not exist (Chinese message each). */
  missing: { file: string; reason: string }[];
  /** Files named explicitly (not found in a folder): an unreadable one is a usage error. */
  explicit: Set<string>;
}

const isLockFile = (name: string) => name.startsWith('~$') || name.startsWith('.~lock');

async function walk(dir: string, out: Collected): Promise<void> {
  let entries;
  try {
    entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    // A folder that cannot be listed (no permission) is passed over like an unreadable file, not the end of the run.
    const code = (e as NodeJS.ErrnoException).code;
    out.skipped.push({ file: dir, reason: code === 'EACCES' || code === 'EPERM' ? '没有读取该文件夹的权限，已跳过' : `无法读取该文件夹（${code ?? '未知错误'}），已跳过` });
    return;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.')) await walk(path, out);
    } else if (isLockFile(e.name)) {
      out.skipped.push({ file: path, reason: 'Office/WPS 临时锁定文件，已跳过' });
    } else if (e.name.startsWith('.')) {
      continue;
    } else if (SPREADSHEET_EXTENSIONS.includes(extname(e.name).toLowerCase())) {
      out.files.push(path);
    } else {
      out.skipped.push({ file: path, reason: '不是电子表格文件，已跳过' });
    }
  }
}

export async function collectFiles(paths: readonly string[]): Promise<Collected> {
  const out: Collected = { files: [], skipped: [], missing: [], explicit: new Set() };
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      out.missing.push({ file: p, reason: `文件不存在：${p}` });
      continue;
    }
    if (s.isDirectory()) await walk(p, out);
    else {
      out.files.push(p);
      out.explicit.add(p);
    }
  }
  return out;
}

export const displayName = (file: string) => basename(file);
