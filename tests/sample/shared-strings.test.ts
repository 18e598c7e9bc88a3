/**
 * The bench's workbooks are written as Excel and WPS write them: with `sharedStrings: true` (what `npm run bench`
 * passes) every text cell refers to xl/sharedStrings.xml; without it the generator writes each text in its cell
 * (exceljs's `t="str"`).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../src/sample/index.js';
import { ZipFile } from '../../src/io/zip.js';
import { entryChunks } from '../../src/io/xlsx-fast-parts.js';

const OPTS = { seed: 5, households: 30, hukouPeople: 600, asOf: '2026-11-27', archiveFormat: 'xlsx' as const };

interface CellKinds {
  sst: boolean;
  shared: number;
  /** Text written in the cell itself: `t="inlineStr"` or `t="str"`. */
  inline: number;
}

async function cellKinds(file: string): Promise<CellKinds> {
  const zip = await ZipFile.open(file);
  let xml = '';
  for (const name of zip.entries.keys()) {
    if (!name.startsWith('xl/worksheets/') || !name.endsWith('.xml')) continue;
    for await (const chunk of entryChunks(zip, name)) xml += chunk.toString('utf8');
  }
  return {
    sst: zip.entries.has('xl/sharedStrings.xml'),
    shared: xml.split('t="s"').length - 1,
    inline: xml.split('t="inlineStr"').length - 1 + xml.split('t="str"').length - 1,
  };
}

async function workbooks(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.xlsx')).sort();
}

describe('sample workbooks and shared strings', () => {
  let root = '';

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jingzhun-sst-'));
    await generateSample({ ...OPTS, out: join(root, 'shared'), sharedStrings: true });
    await generateSample({ ...OPTS, out: join(root, 'inline') });
  }, 60_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('with sharedStrings, every workbook keeps its text in the shared-string table', async () => {
    const files = await workbooks(join(root, 'shared'));
    expect(files).toEqual(expect.arrayContaining(['一户一档.xlsx', '一本通.xlsx', '国办系统导出.xlsx']));
    for (const f of files) {
      const kinds = await cellKinds(join(root, 'shared', f));
      expect(kinds, f).toMatchObject({ sst: true, inline: 0 });
      expect(kinds.shared, f).toBeGreaterThan(0);
    }
  });

  it('without it, the same workbooks hold their text in the cells', async () => {
    const files = await workbooks(join(root, 'inline'));
    expect(files).toEqual(await workbooks(join(root, 'shared')));
    for (const f of files) {
      const kinds = await cellKinds(join(root, 'inline', f));
      expect(kinds.shared, f).toBe(0);
      expect(kinds.inline, f).toBeGreaterThan(0);
    }
  });
});
