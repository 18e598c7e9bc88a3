/**
 * A prefecture is generated one county at a time, each county on its own: nothing that must be unique across
 * the prefecture (ID numbers, hukou 户号, township names) may come out the same in two counties.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample, PREFECTURE_COUNTIES, SampleError, splitPrefecture, type SampleManifest } from '../../src/sample/index.js';
import { countyIdentity } from '../../src/sample/prefecture.js';
import { cleanId, csvCells, records, textLines, upgradeId, xlsxRows } from './read.js';

const AS_OF = '2026-11-27';
/** 瑞金市 is one of 会昌县's real neighbours: made alone, 会昌县 gives its married-in people 360781 IDs. */
const COUNTIES = [
  { code: '360733', name: '会昌县' },
  { code: '360781', name: '瑞金市' },
];
const ID_COLUMNS = ['公民身份号码', '父亲公民身份号码', '母亲公民身份号码', '配偶公民身份号码'];

interface CountyFiles {
  manifest: SampleManifest;
  /** Every ID number in the county's files, 15-digit ones upgraded, Excel-damaged ones left out. */
  ids: Set<string>;
  hukouNumbers: Set<string>;
}

let base: string;
const made: CountyFiles[] = [];

function hukouRecords(path: string): Record<string, string>[] {
  const lines = textLines(path, 'gb18030');
  return records(
    lines[0].split('\t'),
    lines.slice(1).map((l) => l.split('\t').map((c) => c.replace(/^'/, ''))),
  );
}

/** An ID as a cell holds it, in 18 digits; null for blanks and for IDs Excel cut to 15 significant digits. */
function idOf(cell: unknown): string | null {
  if (typeof cell !== 'string') return null;
  const id = cleanId(cell);
  if (/^\d{17}[\dX]$/.test(id)) return id;
  return /^\d{15}$/.test(id) ? upgradeId(id) : null;
}

/** ID numbers of every file the county wrote that can be read without src/ (the .xls workbooks aside). */
async function idsOf(dir: string, manifest: SampleManifest, hukou: Record<string, string>[]): Promise<Set<string>> {
  const ids = new Set<string>();
  const add = (cell: unknown) => {
    const id = idOf(cell);
    if (id) ids.add(id);
  };
  for (const r of hukou) for (const c of ID_COLUMNS) add(r[c]);
  for (const f of manifest.files) {
    const path = join(dir, f.file);
    if (f.format === 'xlsx') {
      for (const sheet of f.sheets) for (const row of await xlsxRows(path, sheet)) row.forEach(add);
    } else if (f.format === 'csv') {
      for (const line of textLines(path, f.encoding === 'gb18030' ? 'gb18030' : 'utf-8')) csvCells(line).forEach(add);
    } else if (f.kind === 'vehicles') {
      for (const line of textLines(path, 'utf-16le')) line.split('\t').forEach(add);
    }
  }
  return ids;
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'jingzhun-prefecture-'));
  for (const county of COUNTIES) {
    const dir = join(base, county.name);
    // The same seed for both: identical random streams, so anything not made county-specific comes out equal.
    const manifest = await generateSample({ out: dir, seed: 3, households: 200, hukouPeople: 8_000, asOf: AS_OF, extraResidents: 2_000, county });
    const hukou = hukouRecords(join(dir, '户籍.xls'));
    made.push({ manifest, ids: await idsOf(dir, manifest, hukou), hukouNumbers: new Set(hukou.map((r) => r['户号'])) });
  }
}, 120_000);

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const shared = (a: Set<string>, b: Set<string>): string[] => [...a].filter((x) => b.has(x));

describe('prefecture: two counties made independently', () => {
  it('are the counties asked for, each with all its residents', async () => {
    for (const [i, { manifest }] of made.entries()) {
      expect(manifest.county.code).toBe(COUNTIES[i].code);
      expect(manifest.county.name).toBe(COUNTIES[i].name);
      expect(manifest.counts.hukouPeople).toBe(10_000);
      const national = await xlsxRows(join(base, COUNTIES[i].name, '国办系统导出.xlsx'));
      expect(national[3][0]).toBe(COUNTIES[i].name);
    }
  });

  it('share no ID number', () => {
    const [a, b] = made;
    expect(a.ids.size).toBeGreaterThanOrEqual(10_000);
    expect(b.ids.size).toBeGreaterThanOrEqual(10_000);
    expect(shared(a.ids, b.ids)).toEqual([]);
  });

  it('share no hukou 户号', () => {
    const [a, b] = made;
    expect(a.hukouNumbers.size).toBeGreaterThan(2_000);
    expect(shared(a.hukouNumbers, b.hukouNumbers)).toEqual([]);
  });

  it('share no township name (by its stem: 石坪镇 and 石坪乡 are one place to the audit)', () => {
    const stems = made.map(({ manifest }) => new Set(manifest.county.townships.map((t) => t.name.slice(0, -1))));
    expect(shared(stems[0], stems[1])).toEqual([]);
  });

  it('name county offices after the county: 瑞金市财政局, not 瑞金县财政局', async () => {
    const payroll = await xlsxRows(join(base, '瑞金市', '财政供养人员.xlsx'));
    const units = payroll.map((r) => String(r[2] ?? ''));
    expect(units.some((u) => u.startsWith('瑞金市'))).toBe(true);
    expect(units.some((u) => u.startsWith('瑞金县'))).toBe(false);
  });
});

describe('prefecture: the 18 counties of 赣州市', () => {
  it('draw ID address codes, 户号 prefixes and township stems no other county draws', () => {
    const owner = new Map<string, string>();
    for (const c of PREFECTURE_COUNTIES) {
      const identity = countyIdentity(c);
      if (!identity) throw new Error(`no identity for ${c.name}`);
      const keys = [
        ...[identity.code, ...identity.neighbourCodes, identity.extraCode].map((x) => `code:${x}`),
        `prefix:${identity.householdPrefix}`,
        ...identity.townshipStems.map((x) => `stem:${x}`),
      ];
      expect(identity.townshipStems.length).toBeGreaterThanOrEqual(20);
      for (const k of keys) {
        expect(owner.get(k), `${k} of ${c.name}`).toBeUndefined();
        owner.set(k, c.name);
      }
    }
    // The default county's extra-resident code and prefix belong to no county of the prefecture.
    expect(owner.has('code:360790')).toBe(false);
    expect(owner.has('prefix:0')).toBe(false);
  });

  it('split the prefecture exactly, each county near an equal share, the same every time', () => {
    const split = splitPrefecture(500_000, 10_000_000);
    expect(split.map((c) => c.code)).toEqual(PREFECTURE_COUNTIES.map((c) => c.code));
    expect(split.reduce((s, c) => s + c.households, 0)).toBe(500_000);
    expect(split.reduce((s, c) => s + c.hukouPeople, 0)).toBe(10_000_000);
    for (const c of split) {
      expect(c.households / (500_000 / 18)).toBeGreaterThan(0.8);
      expect(c.households / (500_000 / 18)).toBeLessThan(1.2);
      expect(c.hukouPeople / c.households).toBeCloseTo(20, 0);
    }
    expect(new Set(split.map((c) => c.households)).size).toBeGreaterThan(1);
    expect(splitPrefecture(500_000, 10_000_000)).toEqual(split);
  });

  it('rejects a county that is not one of them, in Chinese', async () => {
    const out = join(base, 'bad');
    const opts = { out, seed: 1, households: 20, hukouPeople: 2_000, asOf: AS_OF };
    await expect(generateSample({ ...opts, county: { code: '360733', name: '瑞金市' } })).rejects.toBeInstanceOf(SampleError);
    await expect(generateSample({ ...opts, county: { code: '360100', name: '南昌市' } })).rejects.toThrow(/样例县应为赣州市的县级行政区/);
  });
});
