/** `jingzhun inspect` on the committed fixtures: every file recognised with its kind, format and encoding. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jingzhun } from '../helpers/cli.js';
import type { FileReport } from '../../src/cli/inspect.js';

interface TruthFile {
  file: string;
  kind: string;
  format: string;
  encoding: string | null;
  sheets: string[];
}

function inspect(path: string): FileReport[] {
  const r = jingzhun(['inspect', '--json', path]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { files: FileReport[] }).files;
}

describe('inspect recognises every fixture file', () => {
  it('the sample county: kind, format, encoding and sheets as the generator wrote them', () => {
    const truth = (JSON.parse(readFileSync('fixtures/sample/truth.json', 'utf8')) as { files: TruthFile[] }).files;
    const reports = inspect('fixtures/sample');
    for (const t of truth) {
      const r = reports.find((x) => x.file.endsWith(`/${t.file}`));
      expect(r, t.file).toBeDefined();
      expect(r?.error, t.file).toBeNull();
      expect(r?.format, t.file).toBe(t.format);
      expect(r?.encoding ?? null, t.file).toBe(t.encoding);
      // Text files and HTML tables have one table whose name the file does not keep.
      if (t.format === 'xls-html') expect(r?.sheets, t.file).toHaveLength(1);
      else if (t.sheets.length) expect(r?.sheets.map((s) => s.sheet), t.file).toEqual(t.sheets);
      else expect(r?.sheets, t.file).toHaveLength(1);
      for (const s of r?.sheets ?? []) {
        expect(s.kind, `${t.file} ${s.sheet}`).toBe(t.kind);
        expect(s.rejected, `${t.file} ${s.sheet}`).toBe(0);
      }
    }
  });

  it('the hand-built county, files saved by LibreOffice and by hand', () => {
    const expected: Record<string, string> = {
      '国办系统导出_赣县区.xlsx': 'national',
      '一户一档_田村镇韩坊乡.xls': 'household-file',
      '一本通_家庭成员.xlsx': 'one-book',
      '户籍人口信息.xls': 'hukou',
      '公示牌调查表.csv': 'notice-board',
    };
    const reports = inspect('fixtures/handbuilt/data');
    expect(reports.map((r) => r.file.split('/').pop()).sort()).toEqual(Object.keys(expected).sort());
    for (const r of reports) {
      const name = r.file.split('/').pop() ?? '';
      for (const s of r.sheets) expect(s.kind, `${name} ${s.sheet}`).toBe(expected[name]);
    }
  });

  it('prints, in Chinese, which column became which field', () => {
    const r = jingzhun(['inspect', 'fixtures/handbuilt/data/户籍人口信息.xls']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('户籍（hukou');
    expect(r.stdout).toContain('制表符分隔文本');
    expect(r.stdout).toContain('公民身份号码→身份证号');
  });
});
