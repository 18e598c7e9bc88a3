/**
 * `generateSample`: a synthetic county written as the files each office really keeps. The pipeline is
 * truth (county.ts) → per-source views (render/) → plants (plants.ts) → layouts and writers, and the
 * manifest (`truth.json`) says what was written and what was planted.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileFormat } from '../io/types.js';
import type { SourceKind } from '../model/kinds.js';
import { buildTruth, SampleError } from './county.js';
import { parseIsoDay, parts } from './dates.js';
import { MAX_EXTRA_RESIDENTS } from './extra.js';
import { writeHukouFile } from './hukou-file.js';
import { countyIdentity, PREFECTURE, PREFECTURE_COUNTIES, type CountyIdentity, type CountySpec } from './prefecture.js';
import { archiveGrid, nationalGrid, oneBookGrids, rosterGrid, textCells } from './layouts.js';
import { runPlants, type NegativeRecord, type PlantRecord } from './plants.js';
import { archiveView } from './render/household-file.js';
import { hukouView } from './render/hukou.js';
import { nationalView } from './render/national.js';
import { boardView, BOARD_COLUMNS } from './render/notice-board.js';
import { oneBookViews } from './render/one-book.js';
import {
  businessView,
  civilAffairsView,
  deathsView,
  payoutsView,
  payrollView,
  propertyView,
  ROSTER_COLUMNS,
  vehiclesView,
} from './render/rosters.js';
import { Rng } from './rng.js';
import type { Views } from './views.js';
import { writeSheetJs } from './write/sheetjs.js';
import { csvLine, writeTextTable, type TextEncoding } from './write/text.js';
import { writeXlsx } from './write/xlsx.js';

export { SampleError } from './county.js';
export { PREFECTURE_COUNTIES, splitPrefecture, type CountyShare, type CountySpec } from './prefecture.js';
export type { NegativeRecord, PlantRecord } from './plants.js';

export interface SampleOptions {
  out: string;
  seed: number;
  households: number;
  hukouPeople: number;
  asOf: string;
  /** 一户一档 as BIFF8 .xls (default, as many townships keep it) or .xlsx (the scale bench). */
  archiveFormat?: 'xls-biff8' | 'xlsx';
  /** Write .xlsx text through the shared-string table, as Excel and WPS do (default: inline strings). */
  sharedStrings?: boolean;
  /** Unrelated residents added to the hukou file, in townships of their own; the county is unchanged. */
  extraResidents?: number;
  /**
   * One county of a prefecture run (one of 赣州市's 18, prefecture.ts): ID address codes, 户号 and township
   * names that no other county of the run uses. Default: 会昌县 made on its own, as the fixtures are.
   */
  county?: CountySpec;
}

export const DEFAULT_SAMPLE_OPTIONS: Omit<SampleOptions, 'out'> = { seed: 1, households: 60, hukouPeople: 1500, asOf: '2026-11-27' };

export interface SampleFile {
  file: string;
  kind: SourceKind;
  format: FileFormat;
  /** Text encoding for text formats; null for binary spreadsheets. */
  encoding: string | null;
  /** Sheet names of workbooks; empty for CSV/TSV text. */
  sheets: string[];
}

export interface SampleManifest {
  seed: number;
  asOf: string;
  county: {
    code: string;
    name: string;
    prefecture: string;
    province: string;
    townships: { code: string; name: string; villages: { code: string; name: string }[] }[];
  };
  files: SampleFile[];
  /** Problems put into the files on purpose, each with the source to correct (null: a field visit decides). */
  plants: PlantRecord[];
  /** Cases that look like problems and are not: the audit must stay quiet on them. */
  negatives: NegativeRecord[];
  counts: Record<string, number>;
}

function validate(o: SampleOptions): { asOf: number; county: CountyIdentity | undefined } {
  if (!Number.isSafeInteger(o.seed)) throw new SampleError(`随机种子应为整数：${o.seed}`);
  if (!Number.isSafeInteger(o.households) || o.households < 1 || o.households > 500_000) {
    throw new SampleError(`建档立卡户数应为 1—500000 之间的整数：${o.households}`);
  }
  if (!Number.isSafeInteger(o.hukouPeople) || o.hukouPeople < 1 || o.hukouPeople > 20_000_000) {
    throw new SampleError(`户籍人口数应为 1—20000000 之间的整数：${o.hukouPeople}`);
  }
  const extra = o.extraResidents ?? 0;
  if (!Number.isSafeInteger(extra) || extra < 0 || extra > MAX_EXTRA_RESIDENTS) {
    throw new SampleError(`额外户籍人口数应为 0—${MAX_EXTRA_RESIDENTS} 之间的整数：${extra}`);
  }
  const asOf = parseIsoDay(o.asOf);
  if (asOf === null) throw new SampleError(`基准日期应为 YYYY-MM-DD 格式的有效日期：${o.asOf}`);
  const year = parts(asOf).year;
  if (year < 2021 || year > 2099) throw new SampleError(`基准日期应在2021年至2099年之间（样例县的脱贫年度为2015—2020年）：${o.asOf}`);
  if (!o.county) return { asOf, county: undefined };
  const county = countyIdentity(o.county);
  if (!county) {
    const known = PREFECTURE_COUNTIES.map((c) => `${c.name} ${c.code}`).join('、');
    throw new SampleError(`样例县应为${PREFECTURE.name}的县级行政区（代码与名称一致）：${o.county.name} ${o.county.code}；可选：${known}`);
  }
  return { asOf, county };
}

/** Document and zip times: the reference date, 09:30 Beijing time. */
function stampOf(asOf: number): Date {
  const p = parts(asOf);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, 1, 30, 0));
}

export async function generateSample(opts: SampleOptions): Promise<SampleManifest> {
  const { asOf, county } = validate(opts);
  const extra = opts.extraResidents ?? 0;
  await mkdir(opts.out, { recursive: true });
  const root = new Rng(`jingzhun-sample:${opts.seed}`);
  const truth = buildTruth(root, { households: opts.households, hukouPeople: opts.hukouPeople, asOf, county });

  const render = root.fork('render');
  const oneBook = oneBookViews(truth, render.fork('one-book'));
  const views: Views = {
    national: nationalView(truth),
    householdFile: archiveView(truth, render.fork('household-file')),
    oneBookMembers: oneBook.members,
    oneBookLedger: oneBook.ledger,
    hukou: hukouView(truth),
    noticeBoard: boardView(truth, render.fork('notice-board')),
    civilAffairs: civilAffairsView(truth, render.fork('civil-affairs')),
    vehicles: vehiclesView(truth, render.fork('vehicles')),
    business: businessView(truth, render.fork('business')),
    property: propertyView(truth, render.fork('property')),
    payroll: payrollView(truth, render.fork('payroll')),
    deaths: deathsView(truth, render.fork('deaths')),
    payouts: payoutsView(truth, render.fork('payouts')),
  };
  const { plants, negatives } = runPlants(views, truth, root.fork('plants'));

  const stamp = stampOf(asOf);
  const layout = root.fork('layout');
  const files: SampleFile[] = [];
  const path = (file: string): string => join(opts.out, file);
  const xlsx = async (file: string, kind: SourceKind, sheets: Parameters<typeof writeXlsx>[1]) => {
    await writeXlsx(path(file), sheets, stamp, `${truth.county.name}乡村振兴局`, opts.sharedStrings ?? false);
    files.push({ file, kind, format: 'xlsx', encoding: null, sheets: sheets.map((s) => s.name) });
  };
  const text = async (file: string, kind: SourceKind, lines: string[], encoding: TextEncoding, format: 'csv' | 'tsv') => {
    await writeTextTable(path(file), lines, encoding);
    files.push({ file, kind, format, encoding, sheets: [] });
  };

  await xlsx('国办系统导出.xlsx', 'national', [nationalGrid(truth, views.national)]);

  const archiveSheets = views.householdFile.map((s) => archiveGrid(truth, s, layout.fork(`archive/${s.name}`)));
  if (opts.archiveFormat === 'xlsx') {
    await xlsx('一户一档.xlsx', 'household-file', archiveSheets);
  } else {
    await writeSheetJs(path('一户一档.xls'), archiveSheets, 'biff8');
    files.push({ file: '一户一档.xls', kind: 'household-file', format: 'xls-biff8', encoding: null, sheets: archiveSheets.map((s) => s.name) });
  }

  await xlsx('一本通.xlsx', 'one-book', oneBookGrids(views.oneBookMembers, views.oneBookLedger));

  const hukou = await writeHukouFile(path('户籍.xls'), truth, views.hukou, extra);
  if (hukou.people !== opts.hukouPeople + extra) {
    throw new SampleError(`样例生成内部错误：户籍写出 ${hukou.people} 人，应为 ${opts.hukouPeople + extra} 人`);
  }
  files.push({ file: '户籍.xls', kind: 'hukou', format: 'tsv', encoding: 'gb18030', sheets: [] });

  await text('公示牌.csv', 'notice-board', textCells(BOARD_COLUMNS, views.noticeBoard).map((c) => csvLine(c)), 'gb18030', 'csv');

  const civil = rosterGrid('低保特困人员', ROSTER_COLUMNS.civilAffairs, views.civilAffairs);
  await writeSheetJs(path('民政低保特困.xls'), [civil], 'html');
  files.push({ file: '民政低保特困.xls', kind: 'civil-affairs', format: 'xls-html', encoding: 'utf-8', sheets: [civil.name] });

  await text('车辆登记.txt', 'vehicles', textCells(ROSTER_COLUMNS.vehicles, views.vehicles).map((c) => c.join('\t')), 'utf-16le', 'tsv');

  const business = rosterGrid('市场主体', ROSTER_COLUMNS.business, views.business);
  await writeSheetJs(path('工商登记.xls'), [business], 'xlml');
  files.push({ file: '工商登记.xls', kind: 'business', format: 'xls-spreadsheetml', encoding: 'utf-8', sheets: [business.name] });

  await text('不动产登记.csv', 'property', textCells(ROSTER_COLUMNS.property, views.property).map((c) => csvLine(c)), 'utf-8-bom', 'csv');
  await xlsx('财政供养人员.xlsx', 'payroll', [rosterGrid('财政供养人员', ROSTER_COLUMNS.payroll, views.payroll, `${truth.county.name}财政供养人员名册`)]);
  await text('死亡人员.csv', 'deaths', textCells(ROSTER_COLUMNS.deaths, views.deaths).map((c) => csvLine(c)), 'utf-8', 'csv');
  await xlsx('惠农一卡通发放.xlsx', 'payouts', [rosterGrid('发放明细', ROSTER_COLUMNS.payouts, views.payouts)]);

  const registeredPeople = truth.registered.reduce((s, h) => s + h.members.length, 0);
  const manifest: SampleManifest = {
    seed: opts.seed,
    asOf: opts.asOf,
    county: {
      code: truth.county.code,
      name: truth.county.name,
      prefecture: truth.county.prefecture,
      province: truth.county.province,
      townships: truth.county.townships.map((t) => ({ code: t.code, name: t.name, villages: t.villages.map((v) => ({ code: v.code, name: v.name })) })),
    },
    files,
    plants,
    negatives,
    counts: {
      townships: truth.county.townships.length,
      villages: truth.county.townships.reduce((s, t) => s + t.villages.length, 0),
      registeredHouseholds: truth.registered.length,
      registeredPeople,
      exitedHouseholds: truth.registered.filter((h) => h.exited).length,
      wholeHukouHouseholds: truth.registered.filter((h) => h.shape === 'whole').length,
      partialHukouHouseholds: truth.registered.filter((h) => h.shape === 'partial').length,
      splitLongAgoHouseholds: truth.registered.filter((h) => h.shape === 'split').length,
      helpers: truth.helpers.length,
      hukouHouseholds: hukou.households,
      hukouPeople: hukou.people,
      hukouDeceased: hukou.deceased,
      hukouMovedOut: hukou.movedOut,
      hukouSplitHouseholds: hukou.splitHouseholds,
      nationalRows: views.national.length,
      householdFileRows: views.householdFile.reduce((s, sh) => s + sh.rows.length, 0),
      oneBookMemberRows: views.oneBookMembers.length,
      oneBookLedgerRows: views.oneBookLedger.length,
      noticeBoardRows: views.noticeBoard.length,
      civilAffairsRows: views.civilAffairs.length,
      vehiclesRows: views.vehicles.length,
      businessRows: views.business.length,
      propertyRows: views.property.length,
      payrollRows: views.payroll.length,
      deathsRows: views.deaths.length,
      payoutsRows: views.payouts.length,
      plants: plants.length,
      negatives: negatives.length,
    },
  };
  await writeFile(path('truth.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
