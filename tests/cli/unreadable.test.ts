import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { jingzhun } from '../helpers/cli.js';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jz-bad-'));
  writeFileSync(join(dir, 'empty.csv'), '');
  writeFileSync(join(dir, 'random.xlsx'), randomBytes(4096));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (let i = 0; i < 200; i++) ws.addRow(['户编号', '姓名', '证件号码', `行${i}`]);
  const full = join(dir, 'full.xlsx');
  await wb.xlsx.writeFile(full);
  const buf = readFileSync(full);
  writeFileSync(join(dir, 'truncated.xlsx'), buf.subarray(0, Math.floor(buf.length / 2)));
  writeFileSync(join(dir, 'noheader.csv'), '甲,乙,丙\n1,2,3\n4,5,6\n');
});

const cases: [string, RegExp][] = [
  ['empty.csv', /文件为空/],
  ['random.xlsx', /损坏|不是电子表格/],
  ['truncated.xlsx', /损坏|不是电子表格/],
  ['noheader.csv', /没有可识别的表格|无法识别/],
  ['does-not-exist.xlsx', /文件不存在/],
];

describe('unreadable input named on the command line', () => {
  for (const [name, message] of cases) {
    it(`${name}: a Chinese message naming the file, exit code 2, no stack trace`, () => {
      const r = jingzhun(['inspect', join(dir, name)]);
      expect(r.code).toBe(2);
      const text = r.stdout + r.stderr;
      expect(text).toMatch(message);
      expect(text).toContain(name);
      expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
      expect(text).not.toMatch(/Error:/);
    });
  }

  it('in a folder run, unreadable files are listed and skipped (exit 0)', () => {
    const r = jingzhun(['inspect', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('random.xlsx');
    expect(r.stdout).toMatch(/无法读取/);
  });

  it('usage errors are Chinese with exit code 2', () => {
    const r = jingzhun(['inspect', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知参数');
    const r2 = jingzhun(['audit']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/请指定数据文件夹/);
  });
});

describe('help', () => {
  it('is Chinese, defaults included', () => {
    const r = jingzhun(['audit', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法：');
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).toContain('输出文件夹（默认：reports）');
    expect(r.stdout).not.toMatch(/\(default:|Options:|Arguments:/);
  });
});
