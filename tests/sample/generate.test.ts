import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTruth, hukouHouseholds } from '../../src/sample/county.js';
import { parseIsoDay } from '../../src/sample/dates.js';
import { DEFAULT_SAMPLE_OPTIONS, generateSample, SampleError, type SampleManifest } from '../../src/sample/index.js';
import { Rng } from '../../src/sample/rng.js';
import { cents, cleanId, csvCells, isValidId, records, textLines, upgradeId, xlsxRows, type Row } from './read.js';

const KINDS = [
  'national', 'household-file', 'one-book', 'hukou', 'notice-board', 'civil-affairs', 'vehicles', 'business', 'property', 'payroll',
  'deaths', 'payouts',
];

/** Header of the national export as the brief specifies it. */
const NATIONAL_HEADER = (
  '县(市、区、旗) 乡(镇) 行政村 自然村 户编号 人编号 姓名 证件号码 人数 与户主关系 民族 文化程度 在校生状况 健康状况 劳动技能 ' +
  '务工状况 务工时间（月） 参加大病医疗 脱贫属性 脱贫年度 贫困户属性 主要致贫原因 危房户 饮水安全 人均纯收入 联系电话 ' +
  '首次识别时间 是否参加城乡居民基本医疗保险 帮扶责任人 帮扶责任人电话'
).split(' ');

const HUKOU_HEADER = (
  '户号 姓名 公民身份号码 与户主关系 性别 民族 出生日期 住址 乡镇(街道) 居(村)委会 人员状态 立户日期 变动类型 变动日期 原户号 ' +
  '父亲公民身份号码 母亲公民身份号码 配偶公民身份号码'
).split(' ');

/** DOMAIN §4 exit thresholds. */
const EXIT_THRESHOLD: Record<string, number> = { '2015': 2855, '2016': 2952, '2017': 3335, '2018': 3535, '2019': 3747, '2020': 4000 };

let base: string;
let dir: string;
let manifest: SampleManifest;
let national: Record<string, unknown>[];
let hukou: Record<string, string>[];

const file = (name: string): string => join(dir, name);
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function objects(header: Row, rows: Row[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [text(h), r[i] ?? null])));
}

/** Age on `asOf` from the birth date inside an ID. */
function ageOn(id: string, asOf: string): number {
  const born = new Date(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}T00:00:00Z`);
  const now = new Date(`${asOf}T00:00:00Z`);
  let age = now.getUTCFullYear() - born.getUTCFullYear();
  if (asOf.slice(5).replace('-', '') < id.slice(10, 14)) age -= 1;
  return age;
}

function readHukou(path: string): Record<string, string>[] {
  const lines = textLines(path, 'gb18030');
  const header = lines[0].split('\t');
  return records(
    header,
    lines.slice(1).map((l) => l.split('\t').map((c) => c.replace(/^'/, ''))),
  );
}

/** Negatives the truth holds anyway (nothing was changed for them). */
const NATURAL_NEGATIVES = new Set(['split_long_ago', 'registered_low_income', 'roster_person_not_registered', 'split_child_registered', 'not_exited_dangerous_house']);

/** Households a plant (or a made-up negative) changed: the consistency checks below are about the others. */
let touched: Set<string>;
/** 户编号 of each national person ID. */
let householdOf: Map<string, string>;
const clean = (householdId: unknown): boolean => !touched.has(text(householdId));

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'jingzhun-sample-'));
  dir = join(base, 'a');
  manifest = await generateSample({ out: dir, ...DEFAULT_SAMPLE_OPTIONS });
  const rows = await xlsxRows(file('国办系统导出.xlsx'));
  national = objects(rows[2], rows.slice(3, -1));
  hukou = readHukou(file('户籍.xls'));
  const plantedPeople = new Set(manifest.plants.map((p) => p.personId));
  touched = new Set([
    ...manifest.plants.flatMap((p) => (p.householdId ? [p.householdId] : [])),
    ...manifest.negatives.filter((n) => !NATURAL_NEGATIVES.has(n.pattern)).flatMap((n) => (n.householdId ? [n.householdId] : [])),
    // A person planted twice in the national data: both households.
    ...national.filter((r) => plantedPeople.has(text(r['证件号码']))).map((r) => text(r['户编号'])),
  ]);
  householdOf = new Map(national.map((r) => [text(r['证件号码']), text(r['户编号'])]));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('sample county: files and manifest', () => {
  it('writes one file per kind, each listed in truth.json with its format', async () => {
    expect(manifest.files.map((f) => f.kind).sort()).toEqual([...KINDS].sort());
    const written = readdirSync(dir).sort();
    expect(written).toEqual([...manifest.files.map((f) => f.file), 'truth.json'].sort());
    const truth = JSON.parse(await readFile(file('truth.json'), 'utf8')) as SampleManifest;
    expect(truth).toEqual(JSON.parse(JSON.stringify(manifest)));
    expect(manifest.seed).toBe(1);
    expect(manifest.asOf).toBe('2026-11-27');
    expect(manifest.county.code).toMatch(/^36\d{4}$/);
    expect(manifest.county.townships.length).toBeGreaterThanOrEqual(3);
    const formats = Object.fromEntries(manifest.files.map((f) => [f.kind, [f.format, f.encoding]]));
    expect(formats).toMatchObject({
      national: ['xlsx', null],
      'household-file': ['xls-biff8', null],
      hukou: ['tsv', 'gb18030'],
      'notice-board': ['csv', 'gb18030'],
      'civil-affairs': ['xls-html', 'utf-8'],
      vehicles: ['tsv', 'utf-16le'],
      business: ['xls-spreadsheetml', 'utf-8'],
      property: ['csv', 'utf-8-bom'],
      deaths: ['csv', 'utf-8'],
    });
  });

  it('national export: title and unit rows, the specified header, one row per person, a 合计 footer', async () => {
    const rows = await xlsxRows(file('国办系统导出.xlsx'));
    expect(text(rows[0][0])).toBe(`${manifest.county.name}建档立卡贫困人口明细表`);
    expect(rows[1][0]).toBe('单位：元');
    expect(rows[2]).toEqual(NATIONAL_HEADER);
    expect(rows[rows.length - 1][0]).toBe('合计');
    const byHousehold = new Map<string, Record<string, unknown>[]>();
    for (const r of national) {
      expect(typeof r['证件号码']).toBe('string');
      expect(isValidId(text(r['证件号码']))).toBe(true);
      expect(typeof r['户编号']).toBe('string');
      expect(text(r['户编号'])).toMatch(new RegExp(`^${manifest.county.code}\\d{10}$`));
      const list = byHousehold.get(text(r['户编号'])) ?? [];
      list.push(r);
      byHousehold.set(text(r['户编号']), list);
    }
    expect(byHousehold.size).toBe(DEFAULT_SAMPLE_OPTIONS.households);
    for (const [household, members] of byHousehold) {
      if (!clean(household)) continue;
      expect(members.filter((m) => m['与户主关系'] === '户主')).toHaveLength(1);
      for (const m of members) expect(m['人数']).toBe(members.length);
    }
  });

  it('household archive: real BIFF8, one sheet per village, two-row merged header, blank rows, footer', () => {
    const bytes = readFileSync(file('一户一档.xls'));
    expect(bytes.subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    const wb = XLSX.read(bytes);
    const entry = manifest.files.find((f) => f.kind === 'household-file');
    expect(wb.SheetNames).toEqual(entry?.sheets);
    let people = 0;
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name];
      const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, blankrows: true, defval: null });
      expect(text(rows[0][0])).toContain('一户一档');
      expect(rows[1]).toContain('户主信息');
      expect(rows[2]).toContain('户主身份证号');
      expect(rows[2]).toContain('成员身份证号');
      const merges = ws['!merges'] ?? [];
      expect(merges.some((m) => m.s.r === 1 && m.e.r === 1 && m.e.c > m.s.c)).toBe(true);
      expect(rows.some((r) => text(r[0]).startsWith('制表人：'))).toBe(true);
      const data = rows.slice(3).filter((r) => r[5] !== null && r[5] !== undefined);
      people += data.length;
      const households = new Set(data.filter((r) => r[3] !== null).map((r) => text(r[3]))).size;
      const blank = rows.slice(3).filter((r) => r.every((c) => c === null)).length;
      expect(blank).toBeGreaterThanOrEqual(households);
    }
    expect(people).toBe(manifest.counts.householdFileRows);
    expect(people).toBeGreaterThan(national.length * 0.9);
  });

  it('archive IDs damaged by Excel and old 15-digit IDs are exactly the planted ones', () => {
    const wb = XLSX.read(readFileSync(file('一户一档.xls')));
    const damaged: string[] = [];
    const old: string[] = [];
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name];
      for (const [address, cell] of Object.entries(ws)) {
        if (address.startsWith('!') || XLSX.utils.decode_cell(address).c !== 6) continue;
        const c = cell as XLSX.CellObject;
        // Excel shows (and keeps) 15 significant digits of such a number.
        if (c.t === 'n') damaged.push((c.v as number).toPrecision(15).replace('.', '').replace(/e\+17$/, '000'));
        else if (/^\d{15}$/.test(text(c.v))) old.push(text(c.v));
      }
    }
    const planted = (rule: string) => manifest.plants.filter((p) => p.rule === rule);
    const excel = planted('id_excel_damaged');
    expect(excel.length).toBeGreaterThanOrEqual(2);
    expect(damaged.sort()).toEqual(excel.map((p) => `${text(p.personId).slice(0, 15)}000`).sort());
    for (const p of excel) expect(p).toMatchObject({ category: 'data_quality', source: 'household-file', field: 'idNumber' });
    const oldPlants = planted('id_15_digit');
    expect(oldPlants.length).toBeGreaterThanOrEqual(1);
    expect(old.map(upgradeId).sort()).toEqual(oldPlants.map((p) => text(p.personId)).sort());
    for (const id of old) expect(upgradeId(id).slice(6, 10) < '1960').toBe(true);
  });

  it('handbook: ledger lines add up to the per-capita income that handbook and national system both show', async () => {
    const members = await xlsxRows(file('一本通.xlsx'), '家庭成员');
    expect(members[0].some((h) => text(h).includes('\n'))).toBe(true);
    expect(members[0].some((h) => text(h).includes('（必填）'))).toBe(true);
    const memberRows = objects(members[0].map((h) => text(h).replace(/\n|（必填）|（元）/g, '')), members.slice(1));
    const ledgerSheet = await xlsxRows(file('一本通.xlsx'), '收支流水');
    const ledger = objects(ledgerSheet[0].map((h) => text(h).replace(/\n|（必填）|（元）/g, '')), ledgerSheet.slice(1));
    expect(memberRows.some((r) => r['出生日期'] instanceof Date)).toBe(true);
    expect(ledger.every((r) => r['发放日期'] instanceof Date)).toBe(true);

    const nationalIncome = new Map(national.map((r) => [cleanId(text(r['证件号码'])), cents(r['人均纯收入'])]));
    const books = new Map<string, { size: number; income: bigint }>();
    for (const r of memberRows) {
      const head = cleanId(text(r['户主身份证号']));
      if (!clean(householdOf.get(head))) continue;
      books.set(head, { size: r['家庭人口'] as number, income: cents(r['年人均纯收入']) });
      expect(nationalIncome.get(cleanId(text(r['成员身份证号'])))).toBe(cents(r['年人均纯收入']));
    }
    const totals = new Map<string, bigint>();
    for (const r of ledger) {
      const head = cleanId(text(r['户主身份证号']));
      expect(r['年度']).toBe(2025);
      if (clean(householdOf.get(head))) totals.set(head, (totals.get(head) ?? 0n) + cents(r['金额']));
    }
    expect(books.size).toBeGreaterThanOrEqual(5);
    expect(totals.size).toBe(books.size);
    for (const [head, book] of books) expect(totals.get(head)).toBe(book.income * BigInt(book.size));
  });

  it('payouts roster pays exactly the handbook subsidy lines of registered households', async () => {
    const ledgerSheet = await xlsxRows(file('一本通.xlsx'), '收支流水');
    const ledger = objects(ledgerSheet[0].map((h) => text(h).replace(/\n|（必填）|（元）/g, '')), ledgerSheet.slice(1));
    const subsidies = ledger
      .filter((r) => r['项目类别'] === '政策补贴' && clean(householdOf.get(cleanId(text(r['户主身份证号'])))))
      .map((r) => `${cleanId(text(r['户主身份证号']))}|${r['项目名称']}|${cents(r['金额'])}|${(r['发放日期'] as Date).toISOString()}`);
    const payoutSheet = await xlsxRows(file('惠农一卡通发放.xlsx'));
    expect(payoutSheet[0]).toEqual(['姓名', '身份证号', '补贴项目', '发放金额', '发放日期']);
    const paid = objects(payoutSheet[0], payoutSheet.slice(1))
      .filter((r) => householdOf.has(text(r['身份证号'])) && clean(householdOf.get(text(r['身份证号']))))
      .map((r) => `${r['身份证号']}|${r['补贴项目']}|${cents(r['发放金额'])}|${(r['发放日期'] as Date).toISOString()}`);
    expect(subsidies.length).toBeGreaterThan(0);
    expect(paid.sort()).toEqual(subsidies.sort());
  });

  it('hukou: tab-separated GB18030 text named .xls, every cell behind an apostrophe, hukouPeople rows', () => {
    const lines = textLines(file('户籍.xls'), 'gb18030');
    expect(lines[0].split('\t')).toEqual(HUKOU_HEADER);
    expect(lines).toHaveLength(DEFAULT_SAMPLE_OPTIONS.hukouPeople + 1);
    for (const l of lines.slice(1)) for (const c of l.split('\t')) expect(c === '' || c.startsWith("'")).toBe(true);
    expect(readFileSync(file('户籍.xls')).subarray(0, 4).toString('hex')).not.toBe('d0cf11e0');
  });

  it('hukou: valid unique IDs, relatives and former households that resolve, codes from the standard lists', () => {
    const ids = new Set<string>();
    const numbers = new Set(hukou.map((r) => r['户号']));
    for (const r of hukou) {
      expect(isValidId(r['公民身份号码'])).toBe(true);
      expect(ids.has(r['公民身份号码'])).toBe(false);
      ids.add(r['公民身份号码']);
      expect(r['户号']).toMatch(/^0\d{8}$/);
      expect(['0', '1', '2']).toContain(r['人员状态']);
      expect(r['与户主关系']).toMatch(/^(02|1[12]|2[0-9]|3[0-9]|4[12]|5[12])$/);
      expect(r['性别']).toBe('13579'.includes(r['公民身份号码'][16]) ? '男' : '女');
      expect(r['出生日期'].replace(/-/g, '')).toBe(r['公民身份号码'].slice(6, 14));
      if (r['变动类型'] === '分户') expect(numbers.has(r['原户号'])).toBe(true);
      if (r['人员状态'] === '1') expect(r['变动类型']).toBe('死亡注销');
    }
    for (const r of hukou) {
      for (const k of ['父亲公民身份号码', '母亲公民身份号码', '配偶公民身份号码']) if (r[k]) expect(ids.has(r[k])).toBe(true);
    }
    const heads = new Map<string, number>();
    for (const r of hukou) if (r['与户主关系'] === '02') heads.set(r['户号'], (heads.get(r['户号']) ?? 0) + 1);
    expect(heads.size).toBe(numbers.size);
    expect([...heads.values()].every((n) => n === 1)).toBe(true);
    expect(hukou.some((r) => r['变动类型'] === '分户')).toBe(true);
    expect(hukou.some((r) => r['人员状态'] === '1')).toBe(true);
    expect(hukou.some((r) => r['人员状态'] === '2')).toBe(true);
  });

  it('registered people are living hukou residents; no living member of their hukou household is left out', () => {
    const registered = new Set(national.map((r) => text(r['证件号码'])));
    const byId = new Map(hukou.map((r) => [r['公民身份号码'], r]));
    const households = new Set<string>();
    for (const id of registered) {
      if (!clean(householdOf.get(id))) continue;
      const r = byId.get(id);
      expect(r?.['人员状态']).toBe('0');
      households.add(r?.['户号'] ?? '');
    }
    const recentSplits = new Set([
      ...manifest.plants.filter((p) => p.category === 'split_household').map((p) => p.householdId),
      ...manifest.negatives.filter((n) => n.pattern.startsWith('split_') && n.pattern !== 'split_long_ago').map((n) => n.householdId),
    ]);
    expect(recentSplits.size).toBeGreaterThanOrEqual(3);
    for (const r of hukou) {
      if (households.has(r['户号']) && r['人员状态'] === '0') expect(registered.has(r['公民身份号码'])).toBe(true);
      // Registered households split from a relative's household did so long before registration (2014),
      // except those planted (or built as a hard negative) with a recent split.
      const id = r['公民身份号码'];
      if (registered.has(id) && r['变动类型'] === '分户') expect(r['变动日期'] < '2012-01-01').toBe(!recentSplits.has(householdOf.get(id) ?? null));
    }
  });

  it('exited households meet the exit standard of their exit year (DOMAIN §4–5.2)', () => {
    const asOf = DEFAULT_SAMPLE_OPTIONS.asOf;
    const exited = national.filter((r) => text(r['脱贫属性']).startsWith('已脱贫') && clean(r['户编号']));
    expect(exited.length).toBeGreaterThan(0);
    expect(national.some((r) => r['脱贫属性'] === '未脱贫')).toBe(true);
    for (const r of exited) {
      const year = text(r['脱贫年度']);
      expect(cents(r['人均纯收入'])).toBeGreaterThan(BigInt(Math.round(EXIT_THRESHOLD[year] * 110)));
      expect(text(r['首次识别时间']).slice(0, 4) < year).toBe(true);
      expect(r['危房户']).toBe('否');
      expect(r['饮水安全']).toBe('是');
    }
    for (const r of national.filter((x) => clean(x['户编号']))) {
      const age = ageOn(text(r['证件号码']), asOf);
      if (age >= 6 && age <= 15) expect(r['在校生状况']).not.toBe('非在校生');
      expect(r['是否参加城乡居民基本医疗保险']).toBe('是');
      if (r['健康状况'] === '患有大病') expect(r['参加大病医疗']).toBe('是');
      const income = cents(r['人均纯收入']);
      expect(income > 0n && income <= 10_000_000n).toBe(true);
    }
  });

  it('helpers: 1–6 households each, none of them registered, same phone wherever they appear', () => {
    const byHelper = new Map<string, Set<string>>();
    for (const r of national.filter((x) => clean(x['户编号']))) {
      const key = `${r['帮扶责任人']}|${r['帮扶责任人电话']}`;
      const set = byHelper.get(key) ?? new Set<string>();
      set.add(text(r['户编号']));
      byHelper.set(key, set);
    }
    const registeredNames = new Set(national.map((r) => text(r['姓名'])));
    for (const [key, households] of byHelper) {
      expect(households.size).toBeGreaterThanOrEqual(1);
      expect(households.size).toBeLessThanOrEqual(6);
      const [name, phone] = key.split('|');
      expect(registeredNames.has(name)).toBe(false);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
    }
    expect(new Set([...byHelper.keys()].map((k) => k.split('|')[0])).size).toBe(byHelper.size);
  });

  it('notice board: GB18030 CSV, one row per registered household, unique by village and head name', () => {
    const lines = textLines(file('公示牌.csv'), 'gb18030').map(csvCells);
    const rows = records(lines[0], lines.slice(1));
    expect(lines[0]).not.toContain('身份证号');
    const absent = manifest.plants.filter((p) => p.rule === 'household_absent_notice-board');
    expect(rows).toHaveLength(DEFAULT_SAMPLE_OPTIONS.households - absent.length);
    const keys = new Set(rows.map((r) => `${r['乡镇']}|${r['行政村']}|${r['户主姓名']}`));
    expect(keys.size).toBe(rows.length);
    const heads = national.filter((r) => text(r['人编号']).endsWith('001'));
    const byName = new Map(heads.map((r) => [`${r['乡(镇)']}|${r['姓名']}`, r]));
    for (const b of rows) {
      const head = byName.get(`${b['乡镇']}|${b['户主姓名']}`);
      expect(head).toBeDefined();
      if (clean(head?.['户编号'])) expect([b['行政村'], b['家庭人口']]).toEqual([head?.['行政村'], text(head?.['人数'])]);
    }
    const bad = rows.filter((r) => r['公示牌状态'] !== '完好');
    const planted = manifest.plants.filter((p) => p.field === 'boardStatus');
    expect(bad.length).toBe(planted.length);
    expect(bad.length).toBeGreaterThan(0);
  });

  it('rosters: each in its own format and encoding, readable, with valid IDs', async () => {
    const vehiclesBytes = readFileSync(file('车辆登记.txt'));
    expect(vehiclesBytes.subarray(0, 2).toString('hex')).toBe('fffe');
    const vehicles = textLines(file('车辆登记.txt'), 'utf-16le').map((l) => l.split('\t'));
    expect(vehicles[0]).toEqual(['所有人', '身份证号', '号牌号码', '车辆类型', '初次登记日期']);

    expect(readFileSync(file('不动产登记.csv')).subarray(0, 3).toString('hex')).toBe('efbbbf');
    const property = textLines(file('不动产登记.csv'), 'utf-8').map(csvCells);
    expect(property[0]).toEqual(['权利人', '身份证号', '坐落', '建筑面积', '用途', '登记日期']);

    expect(readFileSync(file('死亡人员.csv')).subarray(0, 3).toString('hex')).not.toBe('efbbbf');
    const deaths = textLines(file('死亡人员.csv'), 'utf-8').map(csvCells);
    expect(deaths[0]).toEqual(['姓名', '身份证号', '死亡日期']);

    const html = readFileSync(file('民政低保特困.xls'), 'utf8');
    expect(html.toLowerCase()).toContain('<table');
    const civilWb = XLSX.read(readFileSync(file('民政低保特困.xls')));
    const civil = XLSX.utils.sheet_to_json<string[]>(civilWb.Sheets[civilWb.SheetNames[0]], { header: 1, raw: false });
    expect(civil[0]).toEqual(['姓名', '身份证号', '保障类别', '保障人数', '乡镇', '村']);

    const xml = readFileSync(file('工商登记.xls'), 'utf8');
    expect(xml).toContain('urn:schemas-microsoft-com:office:spreadsheet');
    const businessWb = XLSX.read(readFileSync(file('工商登记.xls')));
    const business = XLSX.utils.sheet_to_json<string[]>(businessWb.Sheets[businessWb.SheetNames[0]], { header: 1, raw: false });
    expect(business[0]).toEqual(['法定代表人', '身份证号', '企业名称', '注册资本', '成立日期', '登记状态']);

    const payroll = await xlsxRows(file('财政供养人员.xlsx'));
    expect(text(payroll[0][0])).toContain('财政供养人员');
    expect(payroll[1]).toEqual(['姓名', '身份证号', '工作单位']);

    const hukouIds = new Set(hukou.map((r) => r['公民身份号码']));
    const all: [string, string[][]][] = [
      ['vehicles', vehicles.slice(1)],
      ['property', property.slice(1)],
      ['deaths', deaths.slice(1)],
      ['civil', civil.slice(1)],
      ['business', business.slice(1)],
    ];
    for (const [kind, rows] of all) {
      expect(rows.length, kind).toBeGreaterThan(0);
      for (const r of rows) {
        expect(isValidId(cleanId(r[1])), `${kind} ${r[1]}`).toBe(true);
        expect(hukouIds.has(cleanId(r[1])), `${kind} ${r[1]} in hukou`).toBe(true);
      }
    }
    const dead = new Map(hukou.filter((r) => r['人员状态'] === '1').map((r) => [r['公民身份号码'], r['变动日期']]));
    for (const r of deaths.slice(1)) expect(dead.get(r[1])).toBe(r[2].replace(/\//g, '-').replace(/-(\d)(?=-|$)/g, '-0$1'));
  });

  it('asset and payroll rosters hold no registered person and no child of a registered head, but for the planted ones', async () => {
    const registered = new Set(national.map((r) => text(r['证件号码'])));
    const plantedSplits = new Set(manifest.plants.filter((p) => p.category === 'split_household').map((p) => p.householdId));
    const heads = new Set(national.filter((r) => r['与户主关系'] === '户主' && !plantedSplits.has(text(r['户编号']))).map((r) => text(r['证件号码'])));
    const planted = new Set([
      ...manifest.plants.filter((p) => p.category === 'wrong_inclusion').map((p) => p.personId),
      ...manifest.negatives.filter((n) => n.pattern.startsWith('member_')).map((n) => n.personId),
    ]);
    const children = new Set(hukou.filter((r) => heads.has(r['父亲公民身份号码']) || heads.has(r['母亲公民身份号码'])).map((r) => r['公民身份号码']));
    const ids: string[] = [];
    ids.push(...textLines(file('车辆登记.txt'), 'utf-16le').slice(1).map((l) => l.split('\t')[1]));
    ids.push(...textLines(file('不动产登记.csv'), 'utf-8').slice(1).map((l) => csvCells(l)[1]));
    const wb = XLSX.read(readFileSync(file('工商登记.xls')));
    ids.push(...XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: false }).slice(1).map((r) => r[1]));
    ids.push(...(await xlsxRows(file('财政供养人员.xlsx'))).slice(2).map((r) => text(r[1])));
    expect(ids.length).toBeGreaterThan(20);
    for (const raw of ids) {
      const id = cleanId(raw);
      if (planted.has(id)) continue;
      expect(registered.has(id)).toBe(false);
      expect(children.has(id)).toBe(false);
    }
    expect(ids.filter((raw) => planted.has(cleanId(raw))).length).toBe(planted.size);
  });

  it('civil-affairs roster: every 低保/特困 registered household, plus planted unregistered families', () => {
    const html = readFileSync(file('民政低保特困.xls'));
    const wb = XLSX.read(html);
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: false }).slice(1);
    const registered = new Set(national.map((r) => text(r['证件号码'])));
    // The head is the household's first person (人编号 …001): a second 户主 row is a planted error.
    const expected = national.filter((r) => text(r['人编号']).endsWith('001') && !text(r['贫困户属性']).startsWith('一般')).map((r) => text(r['证件号码']));
    const listed = rows.map((r) => cleanId(r[1]));
    expect(listed.filter((id) => registered.has(id)).sort()).toEqual(expected.sort());
    const outside = listed.filter((id) => !registered.has(id));
    expect(outside.sort()).toEqual(manifest.plants.filter((p) => p.category === 'omission').map((p) => text(p.personId)).sort());
  });
});

describe('sample county: determinism', () => {
  it('the same seed gives byte-identical files; another seed gives a different county', async () => {
    const again = join(base, 'b');
    const other = join(base, 'c');
    await generateSample({ out: again, ...DEFAULT_SAMPLE_OPTIONS });
    await generateSample({ out: other, ...DEFAULT_SAMPLE_OPTIONS, seed: 2 });
    for (const f of readdirSync(dir)) expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
    for (const f of ['国办系统导出.xlsx', '户籍.xls', '一户一档.xls', '公示牌.csv']) {
      expect(readFileSync(join(other, f)).equals(readFileSync(join(dir, f))), f).toBe(false);
    }
  });

  it('fixtures/sample holds exactly what the generator makes with the default options', () => {
    const fixtures = join(process.cwd(), 'fixtures', 'sample');
    const names = readdirSync(fixtures).filter((f) => !f.startsWith('.'));
    expect(names.sort()).toEqual(readdirSync(dir).sort());
    for (const f of names) expect(readFileSync(join(fixtures, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
  });
});

describe('sample county: scale and options', () => {
  it('streams the hukou file: 200,000 residents with modest memory', async () => {
    const out = join(base, 'big');
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 20);
    try {
      await generateSample({ out, seed: 7, households: 30, hukouPeople: 200_000, asOf: '2026-11-27' });
    } finally {
      clearInterval(timer);
    }
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const lines = textLines(join(out, '户籍.xls'), 'gb18030');
    expect(lines).toHaveLength(200_001);
    expect(new Set(lines.slice(1).map((l) => l.split('\t')[2])).size).toBe(200_000);
    expect(peak).toBeLessThan(400 * 1024 * 1024);
    await rm(out, { recursive: true, force: true });
  }, 180_000);

  it('produces hukou households lazily: the start of a county of five million comes at once', () => {
    const asOf = parseIsoDay('2026-11-27') ?? 0;
    const truth = buildTruth(new Rng('lazy'), { households: 20, hukouPeople: 5_000_000, asOf });
    let people = 0;
    let households = 0;
    for (const { household } of hukouHouseholds(truth)) {
      households += 1;
      people += household.members.length;
      if (households === 2000) break;
    }
    expect(households).toBe(2000);
    expect(people).toBeGreaterThan(2000);
  });

  it('rejects bad options with a Chinese message', async () => {
    const out = join(base, 'bad');
    await expect(generateSample({ out, ...DEFAULT_SAMPLE_OPTIONS, asOf: '2026-02-30' })).rejects.toThrow(/基准日期/);
    await expect(generateSample({ out, ...DEFAULT_SAMPLE_OPTIONS, asOf: '2019-06-01' })).rejects.toThrow(/基准日期/);
    await expect(generateSample({ out, ...DEFAULT_SAMPLE_OPTIONS, households: 0 })).rejects.toThrow(/建档立卡户数/);
    await expect(generateSample({ out, ...DEFAULT_SAMPLE_OPTIONS, hukouPeople: 100 })).rejects.toBeInstanceOf(SampleError);
    await expect(generateSample({ out, ...DEFAULT_SAMPLE_OPTIONS, hukouPeople: 100 })).rejects.toThrow(/户籍人口数过少/);
  });
});
