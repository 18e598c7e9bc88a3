/**
 * Hukou rows are picked from keys made from their text where it is plain, and only the rows picked are parsed.
 * The audit must keep exactly the rows a full parse of every row keeps, also where the text is not in its plain form: IDs with a lower-case x
 * or spaces, 15-digit IDs, household numbers with spaces, parents' IDs with a lower-case x, empty household
 * numbers. The county's hukou file is rewritten with such cells on many rows (kept ones and others), and rows
 * are added that only one unplain cell ties to a registered household (a child through the father's or
 * mother's ID, a member through their own ID, a household split from a registered one, a member of it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/audit/load.js';
import { collectFiles } from '../../src/cli/files.js';
import type { LoadedSources } from '../../src/link/index.js';
import { generateSample } from '../../src/sample/index.js';
import { idCheckChar } from '../../src/sample/ids.js';

const HUKOU = '户籍.xls';

/** Rewrites the cells of many rows into forms that normalise to the same values but are not plain text. */
function unplain(file: string): number {
  const lines = iconv.decode(readFileSync(file), 'gb18030').split('\r\n');
  const header = lines[0].split('\t').map((h) => h.replace(/^'/, ''));
  const col = (name: string) => {
    const i = header.indexOf(name);
    expect(i, name).toBeGreaterThanOrEqual(0);
    return i;
  };
  const [no, id, father, mother, former] = [col('户号'), col('公民身份号码'), col('父亲公民身份号码'), col('母亲公民身份号码'), col('原户号')];
  let changed = 0;
  const out = lines.map((line, i) => {
    if (i === 0 || line === '') return line;
    const cells = line.split('\t');
    const text = (k: number) => cells[k].replace(/^'/, '');
    const set = (k: number, v: string) => {
      cells[k] = `'${v}`;
      changed++;
    };
    if (i % 7 === 0 && text(id).length === 18) set(id, `${text(id).slice(0, 9)} ${text(id).slice(9).toLowerCase()}`);
    if (i % 11 === 0 && text(id).endsWith('X')) set(id, text(id).toLowerCase());
    if (i % 13 === 0 && text(id).length === 18) set(id, text(id).slice(0, 6) + text(id).slice(8, 17));
    if (i % 5 === 0) set(no, ` ${text(no)} `);
    if (i % 17 === 0) set(no, '');
    if (i % 3 === 0 && text(father) !== '') set(father, text(father).toLowerCase().replace(/^(\d{6})/, '$1 '));
    if (i % 4 === 0 && text(mother) !== '') set(mother, ` ${text(mother)}`);
    if (i % 9 === 0 && text(former) !== '') set(former, `${text(former)} `);
    return cells.join('\t');
  });
  writeFileSync(file, iconv.encode(out.join('\r\n'), 'gb18030'));
  return changed;
}

const ADDED = ['父亲', '母亲', '本人', '原户', '户号'] as const;

/** Rows tied to registered people by one unplain cell each, in households of their own, named 测试<what>. */
function addTied(file: string, member: { id: string; householdNo: string }): void {
  const text = iconv.decode(readFileSync(file), 'gb18030').replace(/(\r\n)*$/, '');
  const header = text.slice(0, text.indexOf('\r\n')).split('\t').map((h) => h.replace(/^'/, ''));
  const spaced = (id: string) => `${id.slice(0, 6)} ${id.slice(6)}`;
  const rows = ADDED.map((what, k) => {
    const first17 = `36073320150101${String(900 + k)}`;
    const cells: Record<string, string> = {
      户号: `99000000${k}`,
      姓名: `测试${what}`,
      公民身份号码: first17 + idCheckChar(first17),
      与户主关系: '户主',
      出生日期: '2015-01-01',
    };
    if (what === '父亲') cells['父亲公民身份号码'] = spaced(member.id);
    if (what === '母亲') cells['母亲公民身份号码'] = ` ${member.id.toLowerCase()}`;
    if (what === '本人') cells['公民身份号码'] = spaced(member.id);
    if (what === '原户') cells['原户号'] = `${member.householdNo} `;
    if (what === '户号') cells['户号'] = ` ${member.householdNo}`;
    return header.map((h) => (cells[h] ? `'${cells[h]}` : '')).join('\t');
  });
  writeFileSync(file, iconv.encode([text, ...rows, ''].join('\r\n'), 'gb18030'));
}

describe('hukou rows picked before parsing', () => {
  let root = '';
  let changed = 0;
  let filtered: LoadedSources;
  let parsed: LoadedSources;
  let keyed: LoadedSources;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jingzhun-passover-'));
    await generateSample({ out: root, seed: 7, households: 120, hukouPeople: 6_000, asOf: '2026-11-27', extraResidents: 2_000 });
    changed = unplain(join(root, HUKOU));
    const inputs = (await collectFiles([root])).files.map((file) => ({ file }));
    // A registered person with a valid ID, and their hukou household.
    const first = await loadInputs(inputs, { explicit: new Set(), hukouPick: 'none' });
    const ids = new Set(first.national.map((r) => r.idNumber?.id));
    const member = first.hukou.find((r) => r.idNumber?.id && ids.has(r.idNumber.id) && r.householdNo && /^\d+$/.test(r.idNumber.id.slice(17)));
    if (!member?.idNumber?.id || !member.householdNo) throw new Error('no registered member found in the hukou file');
    addTied(join(root, HUKOU), { id: member.idNumber.id, householdNo: member.householdNo });
    filtered = await loadInputs(inputs, { explicit: new Set() });
    parsed = await loadInputs(inputs, { explicit: new Set(), hukouPick: 'none' });
    keyed = await loadInputs(inputs, { explicit: new Set(), hukouPick: 'parsed' });
  }, 120_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('keeps exactly the rows a full parse keeps', () => {
    expect(changed).toBeGreaterThan(1_000);
    expect(parsed.hukou.length).toBeGreaterThan(0);
    expect(parsed.hukou.length).toBeLessThan(parsed.hukouRead / 2);
    expect(filtered.hukou).toEqual(parsed.hukou);
    expect(keyed.hukou).toEqual(parsed.hukou);
  });

  it('counts the rows it passed over as read', () => {
    expect(filtered.hukouRead).toBe(parsed.hukouRead);
    expect(keyed.hukouRead).toBe(parsed.hukouRead);
    expect(filtered.hukouRead).toBe(8_000 + ADDED.length);
    expect(filtered.inputs.filter((i) => i.kind === 'hukou')).toEqual(parsed.inputs.filter((i) => i.kind === 'hukou'));
  });

  it('keeps each row tied to a registered household by one unplain cell', () => {
    for (const what of ADDED) {
      expect(parsed.hukou.some((r) => r.name === `测试${what}`), what).toBe(true);
      expect(filtered.hukou.some((r) => r.name === `测试${what}`), what).toBe(true);
    }
  });

  it('keeps the same rows from a hukou workbook with a title row and blank rows (rows picked by their number)', async () => {
    // The same hukou rows as an xlsx sheet: a title row above the header and a blank row every 500 rows, so
    // that sheet row numbers and data-row order differ; the workbook reader gives every row.
    const dir = join(root, 'xlsx');
    await mkdir(dir);
    for (const f of await readdir(root)) if (f !== HUKOU && /\.(xlsx?|csv|txt)$/.test(f)) await copyFile(join(root, f), join(dir, f));
    const lines = iconv.decode(readFileSync(join(root, HUKOU)), 'gb18030').split('\r\n').filter((l) => l !== '');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, '户籍.xlsx'), useSharedStrings: true });
    const ws = wb.addWorksheet('户籍');
    ws.addRow(['某县户籍人口信息']).commit();
    lines.forEach((line, i) => {
      if (i > 0 && i % 500 === 0) ws.addRow([]).commit();
      ws.addRow(line.split('\t').map((c) => c.replace(/^'/, ''))).commit();
    });
    ws.commit();
    await wb.commit();
    const inputs = (await collectFiles([dir])).files.map((file) => ({ file }));
    const picked = await loadInputs(inputs, { explicit: new Set() });
    const all = await loadInputs(inputs, { explicit: new Set(), hukouPick: 'none' });
    expect(all.hukou.length).toBe(parsed.hukou.length);
    expect(picked.hukou).toEqual(all.hukou);
    expect(picked.hukouRead).toBe(all.hukouRead);
    expect(picked.inputs.filter((i) => i.kind === 'hukou')).toEqual(all.inputs.filter((i) => i.kind === 'hukou'));
  }, 120_000);

  it('keeps rows whose own ID or parent ID is written out of its plain form', () => {
    const unplainKept = (s: LoadedSources) => s.hukou.filter((r) => [r.idNumber, r.fatherId, r.motherId].some((x) => x !== null && x.raw !== x.cleaned));
    expect(unplainKept(parsed).length).toBeGreaterThan(20);
    expect(unplainKept(filtered).length).toBe(unplainKept(parsed).length);
  });
});
