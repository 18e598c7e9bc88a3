/** `jingzhun audit` as a user meets it: exit codes and Chinese messages. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { CLI, jingzhun } from '../helpers/cli.js';

const DATA = 'fixtures/handbuilt/data';
const out = () => mkdtempSync(join(tmpdir(), 'jz-cli-out-'));

function noStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('jingzhun audit', () => {
  it('exits 0 with findings, 1 with --fail-on-findings', () => {
    expect(jingzhun(['audit', DATA, '--as-of', '2026-11-27', '--out', out(), '--quiet']).code).toBe(0);
    const r = jingzhun(['audit', DATA, '--as-of', '2026-11-27', '--out', out(), '--fail-on-findings']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/发现问题 \d+ 条/);
  });

  it('exits 2 when no national export is found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jz-nonat-'));
    cpSync(join(DATA, '户籍人口信息.xls'), join(dir, '户籍人口信息.xls'));
    const r = jingzhun(['audit', dir, '--out', out()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有找到国办系统数据');
    noStack(r.stderr);
  });

  it('without a readable national export, names the files it could not read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jz-natbroken-'));
    cpSync(join(DATA, '户籍人口信息.xls'), join(dir, '户籍人口信息.xls'));
    writeFileSync(join(dir, '国办系统导出.xlsx'), 'PK\x03\x04 cut short');
    const r = jingzhun(['audit', dir, '--out', out()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有找到国办系统数据');
    expect(r.stderr).toMatch(/未能使用的文件或工作表（1）：\n\s+\S*国办系统导出\.xlsx：/);
    noStack(r.stderr);
  });

  it('a report folder that cannot be written is a Chinese message and exit 2, before reading', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jz-outfile-'));
    writeFileSync(join(dir, 'taken'), 'a file, not a folder');
    const r = jingzhun(['audit', DATA, '--as-of', '2026-11-27', '--out', join(dir, 'taken')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法在');
    expect(r.stderr).toContain('写入报告');
    noStack(r.stderr);
  });

  it('output piped to a reader that stops early (| head) is no error', async () => {
    const child = spawn(process.execPath, [CLI, 'audit', DATA, '--as-of', '2026-11-27', '--out', out()], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  it('names a recognised sheet that has a header and no data rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jz-headeronly-'));
    writeFileSync(join(dir, '公示牌.csv'), '乡镇,行政村,户主姓名,家庭人口,帮扶责任人,帮扶责任人电话,公示牌状态\r\n');
    const r = jingzhun(['audit', DATA, '--notice-board', join(dir, '公示牌.csv'), '--as-of', '2026-11-27', '--out', out()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/只有表头、没有数据行的工作表（1），其中的来源未能比对：\n\s+\S*公示牌\.csv.*：公示牌/);
    const whole = jingzhun(['audit', DATA, '--as-of', '2026-11-27', '--out', out()]);
    expect(whole.stdout).not.toContain('只有表头');
  });

  it('exits 2 when a file named by a flag cannot be read, and names it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jz-bad-'));
    writeFileSync(join(dir, 'broken.xlsx'), 'not a workbook');
    const r = jingzhun(['audit', DATA, '--hukou', join(dir, 'broken.xlsx'), '--out', out()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.xlsx');
    noStack(r.stderr);
    const missing = jingzhun(['audit', '--national', join(dir, 'nope.xlsx'), '--out', out()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('文件不存在');
  });

  it('in a folder run, lists and skips what it cannot read, and goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jz-mixed-'));
    cpSync(DATA, dir, { recursive: true });
    writeFileSync(join(dir, 'broken.xlsx'), 'not a workbook');
    writeFileSync(join(dir, '~$国办系统导出_赣县区.xlsx'), 'lock');
    writeFileSync(join(dir, '说明.docx'), 'doc');
    const r = jingzhun(['audit', dir, '--as-of', '2026-11-27', '--out', out()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('broken.xlsx');
    expect(r.stdout).toContain('临时锁定文件');
    expect(r.stdout).toContain('不是电子表格文件');
    rmSync(dir, { recursive: true });
  });

  it('rejects a bad policy file and bad options in Chinese with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jz-pol-'));
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ helperCap: { value: '十', source: 'x' } }));
    const r = jingzhun(['audit', DATA, '--policy', join(dir, 'p.json'), '--out', out()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('p.json');
    expect(r.stderr).toContain('helperCap');
    noStack(r.stderr);
    expect(jingzhun(['audit', DATA, '--as-of', '2026-13-01']).stderr).toContain('--as-of');
    expect(jingzhun(['audit', DATA, '--split-by', 'county']).stderr).toContain('--split-by');
    expect(jingzhun(['audit', DATA, '--roster', 'cars=x.xlsx']).stderr).toContain('--roster');
  });
});

describe('jingzhun audit --by-county', () => {
  const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as { findings: unknown[]; summary: unknown; inputs: { file: string; error: string | null }[] };

  it('audits the subfolders in child processes, joins those sharing people, and writes what one audit of the folder writes', () => {
    const root = mkdtempSync(join(tmpdir(), 'jz-pref-'));
    // 甲县 and 丙县 hold the same people: audited again together. Three counties on two processes: one audits two.
    cpSync(DATA, join(root, '甲县'), { recursive: true });
    cpSync('fixtures/sample', join(root, '乙县'), { recursive: true });
    cpSync(DATA, join(root, '丙县'), { recursive: true });
    const [a, b] = [out(), out()];
    const whole = jingzhun(['audit', root, '--as-of', '2026-11-27', '--out', a]);
    const split = jingzhun(['audit', root, '--as-of', '2026-11-27', '--out', b, '--by-county']);
    expect(whole.code).toBe(0);
    expect(whole.stdout).toContain('提示：数据按县分在 3 个子文件夹中，可加 --by-county');
    expect(split.code).toBe(0);
    expect(split.stdout).not.toContain('提示：');
    expect(split.stdout).toContain('按县分别审核 3 个县');
    expect(split.stdout).toMatch(/丙县、甲县 的数据相互关联，合并审核：.*身份证号/);
    noStack(split.stderr);
    expect(read(b).findings).toEqual(read(a).findings);
    expect(read(b).summary).toEqual(read(a).summary);
  }, 120_000);

  it('lists a county folder without a national export as not compared', () => {
    const root = mkdtempSync(join(tmpdir(), 'jz-pref-'));
    cpSync(DATA, join(root, '甲县'), { recursive: true });
    mkdirSync(join(root, '乙县'));
    cpSync(join(DATA, '户籍人口信息.xls'), join(root, '乙县', '户籍人口信息.xls'));
    const o = out();
    const r = jingzhun(['audit', root, '--as-of', '2026-11-27', '--out', o, '--by-county']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有国办系统数据、未比对的县：乙县');
    expect(read(o).inputs.find((i) => i.file.endsWith('户籍人口信息.xls') && i.file.includes('乙县'))?.error).toContain('该县未比对');
  }, 120_000);

  it('exits 2 with a Chinese message for files directly in the folder, or with files named by flags', () => {
    const root = mkdtempSync(join(tmpdir(), 'jz-pref-'));
    cpSync(DATA, join(root, '甲县'), { recursive: true });
    cpSync(join(DATA, '户籍人口信息.xls'), join(root, '户籍人口信息.xls'));
    const loose = jingzhun(['audit', root, '--out', out(), '--by-county']);
    expect(loose.code).toBe(2);
    expect(loose.stderr).toContain('不能直接放文件');
    noStack(loose.stderr);
    const flagged = jingzhun(['audit', join(root, '甲县'), '--hukou', join(root, '户籍人口信息.xls'), '--out', out(), '--by-county']);
    expect(flagged.code).toBe(2);
    expect(flagged.stderr).toContain('--by-county 只能用于数据文件夹');
  });
});
