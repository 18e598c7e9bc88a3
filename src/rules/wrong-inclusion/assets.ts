/**
 * Roster entries that weigh against registration (DOMAIN §5, 错评): a car (not a motorcycle, tricycle or farm
 * vehicle), an urban or commercial property, an active business, a place on the public payroll. Matched by
 * valid ID number only: a name alone never puts a car in somebody's household.
 */
import type { Location } from '../../model/finding.js';
import { KIND_LABELS } from '../../model/kinds.js';
import { compactText } from '../../normalize/text.js';
import { vehicles, property, business, payroll } from '../../sources/index.js';
import type { VehicleRecord, PropertyRecord, BusinessRecord, PayrollRecord } from '../../sources/index.js';
import type { Dataset } from '../../link/model.js';
import { location } from '../util.js';
import { perDataset } from '../shared/per-dataset.js';
import { rosterIdOf } from '../../link/rosters.js';

export type AssetKind = 'vehicles' | 'property' | 'business' | 'payroll';
export const ASSET_KINDS: readonly AssetKind[] = ['vehicles', 'property', 'business', 'payroll'];

export interface Asset {
  kind: AssetKind;
  /** Valid ID of the holder. */
  holderId: string;
  holderName: string | null;
  /** Chinese description, e.g. `小型轿车 赣B12345（初次登记 2019-05-01）`. */
  text: string;
  location: Location;
}

/** Vehicles that are not a car for this purpose: motorcycles, tricycles, tractors, farm and low-speed vehicles. */
const NOT_A_CAR = /摩托|三轮|拖拉机|农用|低速|电动自行车|助力车/;
const COMMERCIAL_USE = /商业|商服|商住|商铺|门面|店面|办公|经营|酒店|宾馆|写字楼|工业|厂房|仓储/;
const RURAL_USE = /宅基地|农村|农房|农业|林地|耕地/;
/** Town addresses: the town proper, streets, estates and flats. */
const URBAN_PLACE = /城区|县城|市区|城关|街道|小区|社区|花园|公寓|广场|大厦|单元|\d+室|商品房/;
const CLOSED_BUSINESS = /注销|吊销|撤销|迁出|停业|歇业|清算/;

function vehicle(r: VehicleRecord): string | null {
  const type = r.vehicleType ? compactText(r.vehicleType) : null;
  if (type && NOT_A_CAR.test(type)) return null;
  const when = r.registered ? `（初次登记 ${r.registered}）` : '';
  return `${type ?? '车辆类型不详'} ${r.plate ?? '号牌不详'}${when}`;
}

function house(r: PropertyRecord): string | null {
  const use = r.use ? compactText(r.use) : '';
  const place = r.location ? compactText(r.location) : '';
  const commercial = COMMERCIAL_USE.test(use);
  if (!commercial && (RURAL_USE.test(use) || !URBAN_PLACE.test(place))) return null;
  const area = r.area !== null ? `，${String(r.area)}平方米` : '';
  return `${r.location ?? '坐落不详'}（${r.use ?? '用途不详'}${area}${commercial ? '，商业用途' : '，城镇房产'}）`;
}

function company(r: BusinessRecord): string | null {
  const status = r.status ? compactText(r.status) : null;
  if (status && CLOSED_BUSINESS.test(status)) return null;
  const since = r.established ? `，成立于 ${r.established}` : '';
  return `${r.company ?? '企业名称不详'}（${r.status ?? '登记状态不详'}${since}）`;
}

function employer(r: PayrollRecord): string {
  return `工作单位：${r.employer ?? '不详'}`;
}

function index(ds: Dataset): Map<string, Asset[]> {
  const map = new Map<string, Asset[]>();
  const add = (kind: AssetKind, r: VehicleRecord | PropertyRecord | BusinessRecord | PayrollRecord, text: string | null, column: string) => {
    const holderId = rosterIdOf(ds.rosterLinks, r);
    if (!holderId || text === null) return;
    // A row whose own ID is damaged or mistyped says how it was taken for the person's.
    const linked = r.idNumber?.id ? null : ds.rosterLinks.get(r);
    const shown = linked ? `${text}（${linked.note}）` : text;
    const asset: Asset = { kind, holderId, holderName: r.name, text: shown, location: location(kind, r.loc, column) };
    const list = map.get(holderId);
    if (list) list.push(asset);
    else map.set(holderId, [asset]);
  };
  for (const r of ds.rosters.vehicles) add('vehicles', r, vehicle(r), vehicles.fields.idNumber.label);
  for (const r of ds.rosters.property) add('property', r, house(r), property.fields.idNumber.label);
  for (const r of ds.rosters.business) add('business', r, company(r), business.fields.idNumber.label);
  for (const r of ds.rosters.payroll) add('payroll', r, employer(r), payroll.fields.idNumber.label);
  return map;
}

const byHolder = perDataset(index);

/** The qualifying assets held under one valid ID (indexed once per dataset). */
export function assetsOf(ds: Dataset, id: string): readonly Asset[] {
  return byHolder(ds).get(id) ?? [];
}

/** `车辆登记：小型轿车 赣B12345；…` — assets of one or several kinds as one line. */
export function assetsText(assets: readonly Asset[]): string {
  return assets.map((a) => `${KIND_LABELS[a.kind]}：${a.text}`).join('；');
}
