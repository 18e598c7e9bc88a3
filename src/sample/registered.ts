/**
 * Registered poor households (建档立卡户): attribute, status, exit year, first identification, cause, income,
 * housing, water, the members' schooling / health / labour, the handbook ledger. All consistent with each other
 * and with DOMAIN §4–5: an exited household is above its exit year's threshold and meets 两不愁三保障.
 */
import { addYears, ageAt, day, randomDay, randomDayInYears, yearOf, type Day } from './dates.js';
import type { Helper, LedgerLine, Person, PovertyBase, RegisteredHousehold, RegisteredMember, Relation, Village } from './model.js';
import type { Rng } from './rng.js';

/** Exit thresholds (元/人·年), DOMAIN §4; and the 2021+ monitoring line used as a floor (policy/default.json). */
export const EXIT_THRESHOLDS: Record<number, number> = { 2015: 2855, 2016: 2952, 2017: 3335, 2018: 3535, 2019: 3747, 2020: 4000 };
const MONITORING_LINE = 6000;

function schooling(rng: Rng, age: number): string {
  if (age < 3) return '非在校生';
  if (age < 6) return '学前教育';
  if (age < 12) return '小学';
  if (age <= 14) return ['七年级', '八年级', '九年级'][age - 12];
  if (age <= 17) return rng.chance(0.8) ? ['高中一年级', '高中二年级', '高中三年级'][age - 15] : ['中职一年级', '中职二年级', '中职三年级'][age - 15];
  if (age <= 21 && rng.chance(0.35)) return '大专及以上';
  return '非在校生';
}

function education(rng: Rng, birthYear: number, school: string, age: number): string {
  if (age < 6) return '学龄前儿童';
  if (school === '小学') return '小学';
  if (school.endsWith('年级') && !school.startsWith('高中') && !school.startsWith('中职')) return '初中';
  if (school.startsWith('高中') || school.startsWith('中职')) return '高中';
  if (school === '大专及以上') return '大专及以上';
  if (birthYear < 1950) return rng.pick(['文盲或半文盲', '文盲或半文盲', '小学']);
  if (birthYear < 1970) return rng.pick(['小学', '小学', '初中']);
  if (birthYear < 1990) return rng.pick(['小学', '初中', '初中', '高中']);
  return rng.pick(['初中', '高中', '高中', '大专及以上']);
}

function health(rng: Rng, age: number): string {
  if (age < 16) return '健康';
  if (age >= 60) return rng.weighted([['健康', 55], ['长期慢性病', 30], ['患有大病', 7], ['残疾', 8]]);
  return rng.weighted([['健康', 86], ['长期慢性病', 7], ['患有大病', 3], ['残疾', 4]]);
}

function labour(rng: Rng, age: number, healthState: string, student: boolean): string {
  if (age < 16 || student) return '无劳动力';
  if (healthState === '患有大病' || healthState === '残疾') return '丧失劳动力';
  if (age >= 65) return rng.pick(['丧失劳动力', '无劳动力']);
  if (age >= 60) return healthState === '健康' ? '普通劳动力' : '丧失劳动力';
  return rng.chance(0.2) ? '技能劳动力' : '普通劳动力';
}

export function memberProfile(rng: Rng, person: Person, relation: Relation, asOf: Day): RegisteredMember {
  const age = ageAt(person.birth, asOf);
  const school = schooling(rng, age);
  const student = school !== '非在校生';
  const healthState = health(rng, age);
  const labourState = labour(rng, age, healthState, student);
  const canWork = labourState === '普通劳动力' || labourState === '技能劳动力';
  const work = canWork ? rng.weighted([['省外务工', 35], ['省内县外务工', 20], ['县内务工', 25], ['未务工', 20]]) : '未务工';
  return {
    person,
    relation,
    education: education(rng, yearOf(person.birth), school, age),
    schooling: school,
    health: healthState,
    labour: labourState,
    work,
    workMonths: work === '未务工' ? 0 : rng.int(6, 12),
    seriousIllnessInsurance: true,
    medicalInsurance: true,
  };
}

const OTHER_CAUSES: readonly (readonly [string, number])[] = [
  ['缺技术', 25], ['缺资金', 25], ['缺劳力', 10], ['因灾', 6], ['缺土地', 6], ['交通条件落后', 6], ['自身发展动力不足', 8], ['因婚', 2],
];

function cause(rng: Rng, members: RegisteredMember[], asOf: Day): string {
  if (members.some((m) => m.health === '患有大病' || m.health === '长期慢性病') && rng.chance(0.8)) return '因病';
  if (members.some((m) => m.health === '残疾') && rng.chance(0.8)) return '因残';
  if (members.some((m) => m.schooling.startsWith('高中') || m.schooling.startsWith('中职') || m.schooling === '大专及以上') && rng.chance(0.7)) return '因学';
  if (members.every((m) => ageAt(m.person.birth, asOf) >= 60 || m.labour === '无劳动力')) return '缺劳力';
  return rng.weighted(OTHER_CAUSES);
}

const MEASURES = ['产业扶持', '就业扶持', '教育扶持', '健康扶贫', '安居扶持', '兜底保障', '金融扶持', '光伏扶贫'];

function measures(rng: Rng, base: PovertyBase): string {
  const picked = rng.shuffle([...MEASURES]).slice(0, rng.int(2, 3));
  if (base !== '一般' && !picked.includes('兜底保障')) picked.push('兜底保障');
  return picked.join('、');
}

export interface NewRegistered {
  code: string;
  village: Village;
  hamlet: string;
  head: Person;
  members: RegisteredMember[];
  shape: RegisteredHousehold['shape'];
  hukou: RegisteredHousehold['hukou'];
  phone: string;
  helper: Helper;
  /** False for a widow registered apart from the son she lives with: she has a supporter, so no 特困. */
  allowExtremePoor: boolean;
}

/** Attributes of a registered household from its members. */
export function registerHousehold(rng: Rng, asOf: Day, h: NewRegistered): RegisteredHousehold {
  const size = h.members.length;
  const elderlyHead = ageAt(h.head.birth, asOf) >= 60;
  const extremeOk = h.allowExtremePoor && size <= 2 && elderlyHead;
  const base: PovertyBase = extremeOk && rng.chance(0.35) ? '特困供养' : rng.weighted([['一般', 72], ['低保', 24]]);
  const firstYear = rng.weighted([[2014, 85], [2015, 10], [2016, 5]]);
  const firstIdentified = firstYear === 2014 ? randomDay(rng, day(2014, 4, 10), day(2014, 10, 31)) : randomDayInYears(rng, firstYear, firstYear);
  const exited = rng.chance(0.82);
  const exitYear = exited ? rng.int(Math.max(firstYear + 1, 2015), 2020) : null;
  const ledgerYear = yearOf(asOf) - 1;
  const floor = Math.max(exitYear ? EXIT_THRESHOLDS[exitYear] : 0, MONITORING_LINE) * 1.3;
  const perCapita = exited ? rng.int(Math.ceil(floor) * 100, 1_800_000) : rng.int(220_000, 380_000);
  const stage = exited ? '脱贫户' : '贫困户';
  const housing = exited ? '安全' : rng.weighted([['安全', 70], ['C级危房', 20], ['D级危房', 10]] as const);
  const helper = h.helper;
  return {
    code: h.code,
    village: h.village,
    hamlet: h.hamlet,
    hukou: h.hukou,
    head: h.head,
    members: h.members,
    base,
    exited,
    attribute: `${base}${stage}`,
    status: exited ? (rng.chance(0.85) ? '已脱贫(享受政策)' : '已脱贫(不再享受政策)') : '未脱贫',
    exitYear,
    firstIdentified,
    cause: cause(rng, h.members, asOf),
    incomeCents: perCapita,
    housing,
    waterSafe: exited || rng.chance(0.85),
    phone: h.phone,
    helper,
    measures: measures(rng, base),
    board: { state: '完好', location: rng.chance(0.85) ? '门口' : '村委会' },
    ledger: ledger(rng, h.members, base, perCapita * size, ledgerYear, asOf),
    shape: h.shape,
  };
}

/** Policy subsidies paid through 惠农一卡通: these lines must match the payouts roster. */
export const SUBSIDY_CATEGORY = '政策补贴';

const PRODUCE = ['种植脐橙收入', '种植水稻收入', '养殖生猪收入', '种植油茶收入', '养鸡收入', '种植蔬菜收入', '种植白莲收入'];

function inYear(rng: Rng, year: number, month: number): Day {
  return randomDay(rng, day(year, month, 1), day(year, month, 28));
}

/**
 * The handbook ledger of one year: lines whose total is exactly `totalCents` (per-capita income × size),
 * so that the income recomputed from the ledger equals the book's figure.
 */
function ledger(rng: Rng, members: RegisteredMember[], base: PovertyBase, totalCents: number, year: number, asOf: Day): LedgerLine[] {
  const fixed: LedgerLine[] = [];
  const add = (category: string, item: string, cents: number, month: number) =>
    fixed.push({ year, category, item, cents, date: inYear(rng, year, month) });
  add(SUBSIDY_CATEGORY, '耕地地力保护补贴', rng.int(2, 8) * 10640, 5);
  if (rng.chance(0.6)) add(SUBSIDY_CATEGORY, '产业奖补', rng.int(5, 30) * 10000, 9);
  if (members.some((m) => m.schooling.startsWith('中职') || m.schooling === '大专及以上')) add(SUBSIDY_CATEGORY, '雨露计划教育资助', 150000, 10);
  if (rng.chance(0.3)) add(SUBSIDY_CATEGORY, '生态公益林补偿', rng.int(30, 200) * 100 + rng.int(0, 99), 11);
  const old = members.filter((m) => ageAt(m.person.birth, addYears(asOf, -1)) >= 60).length;
  if (old > 0) add('转移性收入', '城乡居民基础养老金', old * 12 * 16000, 12);
  if (base === '低保') add('转移性收入', '农村低保金', members.length * 12 * rng.int(300, 420) * 100, 12);
  if (base === '特困供养') add('转移性收入', '特困人员供养金', members.length * 12 * 55000, 12);
  if (rng.chance(0.5)) add('财产性收入', '光伏发电收益分红', rng.int(8, 15) * 10000, 12);
  // Fixed lines take at most 70 % of the total; scale them down when a small household would exceed it.
  const fixedSum = fixed.reduce((s, l) => s + l.cents, 0);
  const cap = Math.floor(totalCents * 0.7);
  if (fixedSum > cap) for (const l of fixed) l.cents = Math.max(1, Math.floor((l.cents * cap) / fixedSum));
  let rest = totalCents - fixed.reduce((s, l) => s + l.cents, 0);
  const lines = [...fixed];
  const workers = members.filter((m) => m.workMonths > 0);
  if (workers.length > 0) {
    const wage = Math.floor(rest * (0.55 + rng.next() * 0.3));
    lines.push({ year, category: '工资性收入', item: rng.pick(['外出务工收入', '本地务工收入', '公益性岗位工资']), cents: wage, date: inYear(rng, year, 12) });
    rest -= wage;
  }
  lines.push({ year, category: '生产经营性收入', item: rng.pick(PRODUCE), cents: rest, date: inYear(rng, year, rng.int(7, 11)) });
  return lines.sort((a, b) => a.date - b.date);
}
