/**
 * Rosters of other departments (DOMAIN §2.6). Their people are mostly ordinary residents from the pool;
 * registered households appear where they belong: 低保/特困 households on the civil-affairs roster, their
 * policy subsidies on the payouts roster, their deceased relatives on the deaths roster.
 */
import type { Truth } from '../county.js';
import { ageAt, day, excelSerial, formatDate, isoDate, randomDay, type Day } from '../dates.js';
import { typedId, villageVariant, yuan } from '../format.js';
import type { Person } from '../model.js';
import { placeStem, townStreet } from '../names.js';
import { SUBSIDY_CATEGORY } from '../registered.js';
import type { Rng } from '../rng.js';
import type { ViewRow } from '../views.js';

export const ROSTER_COLUMNS = {
  civilAffairs: ['姓名', '身份证号', '保障类别', '保障人数', '乡镇', '村'],
  vehicles: ['所有人', '身份证号', '号牌号码', '车辆类型', '初次登记日期'],
  business: ['法定代表人', '身份证号', '企业名称', '注册资本', '成立日期', '登记状态'],
  property: ['权利人', '身份证号', '坐落', '建筑面积', '用途', '登记日期'],
  payroll: ['姓名', '身份证号', '工作单位'],
  deaths: ['姓名', '身份证号', '死亡日期'],
  payouts: ['姓名', '身份证号', '补贴项目', '发放金额', '发放日期'],
} as const;

const row = (personId: string | null, cells: ViewRow['cells'], householdId: string | null = null): ViewRow => ({ householdId, personId, cells });

/** Living adults (22–65) of the pool households, in a seeded order. */
function poolAdults(truth: Truth, rng: Rng): Person[] {
  const adults = truth.pool.flatMap((h) => h.members.filter((p) => p.status === 'normal' && ageAt(p.birth, truth.asOf) >= 22 && ageAt(p.birth, truth.asOf) <= 65));
  return rng.shuffle(adults);
}

function take(rng: Rng, people: Person[], count: number): Person[] {
  return rng.shuffle([...people]).slice(0, Math.min(count, people.length));
}

const since = (rng: Rng, fromYear: number, to: Day): Day => randomDay(rng, day(fromYear, 1, 1), to);

export function civilAffairsView(truth: Truth, rng: Rng): ViewRow[] {
  return truth.registered
    .filter((h) => h.base !== '一般')
    .map((h) =>
      row(
        h.head.id,
        {
          姓名: h.head.name,
          身份证号: typedId(rng, h.head.id, 0.05),
          保障类别: h.base === '低保' ? '农村低保' : '农村特困供养',
          保障人数: h.members.length,
          乡镇: h.village.township.name,
          村: villageVariant(h.village.name, rng.chance(0.4) ? 'full' : 'plain'),
        },
        h.code,
      ),
    );
}

const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function vehiclesView(truth: Truth, rng: Rng): ViewRow[] {
  const owners = take(rng, poolAdults(truth, rng), Math.ceil(truth.registered.length * 0.35));
  return owners.map((p) => {
    let plate = `赣B${rng.pick([...PLATE_CHARS])}`;
    for (let i = 0; i < 4; i++) plate += String(rng.int(0, 9));
    return row(p.id, {
      所有人: p.name,
      身份证号: typedId(rng, p.id, 0.05),
      号牌号码: plate,
      车辆类型: rng.weighted([['小型轿车', 40], ['小型普通客车', 20], ['轻型普通货车', 15], ['普通二轮摩托车', 20], ['三轮汽车', 5]]),
      初次登记日期: isoDate(since(rng, 2008, truth.asOf - 1)),
    });
  });
}

export function businessView(truth: Truth, rng: Rng): ViewRow[] {
  const owners = take(rng, poolAdults(truth, rng), Math.ceil(truth.registered.length * 0.15));
  return owners.map((p) =>
    row(p.id, {
      法定代表人: p.name,
      身份证号: typedId(rng, p.id, 0.05),
      企业名称: `${truth.county.name}${placeStem(rng)}${rng.pick(['种养专业合作社', '商贸有限公司', '建材经营部', '农业发展有限公司', '农机服务专业合作社'])}`,
      注册资本: rng.int(3, 500),
      成立日期: isoDate(since(rng, 2008, truth.asOf - 1)),
      登记状态: rng.weighted([['存续', 80], ['在业', 10], ['注销', 10]]),
    }),
  );
}

export function propertyView(truth: Truth, rng: Rng): ViewRow[] {
  const owners = take(rng, poolAdults(truth, rng), Math.ceil(truth.registered.length * 0.25));
  return owners.map((p) =>
    row(p.id, {
      权利人: p.name,
      身份证号: typedId(rng, p.id, 0.05),
      坐落: `${truth.county.name}城区${townStreet(rng)}${rng.int(1, 300)}号${rng.int(1, 12)}栋${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`,
      建筑面积: yuan(rng.int(6000, 16000)),
      用途: rng.weighted([['住宅', 85], ['商业', 10], ['商住', 5]]),
      登记日期: isoDate(since(rng, 2008, truth.asOf - 1)),
    }),
  );
}

export function payrollView(truth: Truth, rng: Rng): ViewRow[] {
  const helpers = truth.helpers.map((h) => row(h.id, { 姓名: h.name, 身份证号: h.id, 工作单位: h.unit }));
  const towns = truth.county.townships.map((t) => t.name);
  const staff = take(rng, poolAdults(truth, rng), Math.ceil(truth.registered.length * 0.1)).map((p) =>
    row(p.id, {
      姓名: p.name,
      身份证号: typedId(rng, p.id, 0.05),
      工作单位: `${rng.pick(towns)}${rng.pick(['中心小学', '卫生院', '中学', '财政所', '林业工作站'])}`,
    }),
  );
  return [...helpers, ...staff];
}

export function deathsView(truth: Truth, rng: Rng): ViewRow[] {
  const from = day(2014, 1, 1);
  const dead = truth.inMemory.flatMap((h) => h.members.filter((p) => p.status === 'dead' && p.statusDate !== null && p.statusDate >= from));
  dead.sort((a, b) => (a.statusDate ?? 0) - (b.statusDate ?? 0) || (a.id < b.id ? -1 : 1));
  return dead.map((p) =>
    row(p.id, {
      姓名: p.name,
      身份证号: p.id,
      死亡日期: formatDate(p.statusDate ?? 0, rng.chance(0.7) ? 'iso' : 'slashes'),
    }),
  );
}

export function payoutsView(truth: Truth, rng: Rng): ViewRow[] {
  const rows: ViewRow[] = [];
  for (const h of truth.registered) {
    for (const l of h.ledger) {
      if (l.category !== SUBSIDY_CATEGORY) continue;
      rows.push(row(h.head.id, { 姓名: h.head.name, 身份证号: h.head.id, 补贴项目: l.item, 发放金额: yuan(l.cents), 发放日期: { num: excelSerial(l.date), fmt: 'yyyy-mm-dd' } }, h.code));
    }
  }
  for (const h of truth.pool) {
    const head = h.members[0];
    if (head.status !== 'normal') continue;
    const paid = randomDay(rng, day(truth.ledgerYear, 5, 1), day(truth.ledgerYear, 5, 28));
    rows.push(row(head.id, { 姓名: head.name, 身份证号: head.id, 补贴项目: '耕地地力保护补贴', 发放金额: yuan(rng.int(2, 12) * 10640), 发放日期: { num: excelSerial(paid), fmt: 'yyyy-mm-dd' } }));
  }
  return rows;
}
