/**
 * Who the members are (DOMAIN §5 信息不吻合, 人员重复, 数据质量): a member the handbook leaves out, a member dead
 * in hukou whom the national record still counts (应减未减), a newborn of the hukou household the national
 * record lacks (应增未增), one person in two national households, two heads in one national household.
 */
import { addYears, excelSerial, formatDate, isoDate, randomDay, yearOf } from '../dates.js';
import { surnameOf } from '../family.js';
import type { Person, RegisteredHousehold, Relation } from '../model.js';
import { givenName } from '../names.js';
import { gbt4761, nationalRelation } from '../relations.js';
import { isNumCell, type ViewRow } from '../views.js';
import { others, wholeHousehold, type PlantContext, type PlantStep } from './context.js';

/** The handbook leaves out one member (and counts one fewer). */
export const memberAbsentFromBook: PlantStep = (ctx) => {
  const h = ctx.take((x) => wholeHousehold(x) && others(x).length > 0);
  if (!h) return;
  const m = ctx.rng.pick(others(h));
  ctx.remove('one-book', h.code, (r) => r.personId === m.person.id);
  ctx.set('one-book', h.code, '家庭人口', h.members.length - 1);
  ctx.plant({
    category: 'mismatch',
    rule: 'member_absent_one_book',
    householdId: h.code,
    personId: m.person.id,
    field: 'member',
    source: 'one-book',
    note: `《一本通》没有登记本户成员${m.person.name}（户籍、国办系统、一户一档都有）`,
  });
};

/**
 * An elderly member died (hukou 死亡注销, deaths roster); archive and handbook took them off, the national
 * record still counts them.
 */
export const deadStillInNational: PlantStep = (ctx) => {
  const elderly = (h: RegisteredHousehold) => others(h).filter((m) => ctx.age(m.person) >= 55);
  const h = ctx.take((x) => wholeHousehold(x) && elderly(x).length > 0);
  if (!h) return;
  const m = ctx.rng.pick(elderly(h));
  const asOf = ctx.truth.asOf;
  const died = randomDay(ctx.rng, Math.max(addYears(h.firstIdentified, 1), addYears(asOf, -3)), asOf - 30);
  const row = ctx.hukou(h.hukou.no).find((r) => r.personId === m.person.id);
  if (!row) return;
  Object.assign(row.cells, { 人员状态: '1', 变动类型: '死亡注销', 变动日期: isoDate(died), 原户号: '' });
  for (const kind of ['household-file', 'one-book'] as const) {
    ctx.remove(kind, h.code, (r) => r.personId === m.person.id);
    ctx.set(kind, h.code, '家庭人口', h.members.length - 1);
  }
  ctx.views.deaths.push({ householdId: null, personId: m.person.id, cells: { 姓名: m.person.name, 身份证号: m.person.id, 死亡日期: isoDate(died) } });
  ctx.plant({
    category: 'mismatch',
    rule: 'member_dead_still_national',
    householdId: h.code,
    personId: m.person.id,
    field: 'member',
    source: 'national',
    note: `${m.person.name}于 ${isoDate(died)} 死亡（户籍死亡注销，死亡人员名单有），国办系统仍列为成员`,
  });
};

/** A mother of child-bearing age with her husband in the household, and what her child is to the head. */
function parents(h: RegisteredHousehold, ctx: PlantContext): { mother: Person; father: Person; son: Relation; daughter: Relation } | null {
  for (const m of h.members) {
    const p = m.person;
    const age = ctx.age(p);
    if (p.male || age < 22 || age > 40 || (m.relation !== 'wife' && m.relation !== 'daughterInLaw')) continue;
    const father = h.members.find((x) => x.person.id === p.spouseId)?.person;
    if (!father) continue;
    return m.relation === 'wife'
      ? { mother: p, father, son: 'son', daughter: 'daughter' }
      : { mother: p, father, son: 'grandson', daughter: 'granddaughter' };
  }
  return null;
}

function memberRow(ctx: PlantContext, kind: 'household-file' | 'one-book', h: RegisteredHousehold, p: Person): ViewRow | null {
  const head = ctx.row(kind, h.code, h.head.id);
  if (!head) return null;
  const born = head.cells['出生日期'];
  const birth = kind === 'one-book' ? { num: excelSerial(p.birth), fmt: isNumCell(born) ? born.fmt : 'yyyy-mm-dd' } : formatDate(p.birth, 'dots');
  return {
    householdId: h.code,
    personId: p.id,
    cells: { ...head.cells, 成员姓名: p.name, 成员身份证号: p.id, 与户主关系: nationalRelation(p.relation), 性别: p.male ? '男' : '女', 出生日期: birth },
  };
}

/** A child born after identification, registered in hukou and listed by archive and handbook, missing from national. */
export const newbornMissing: PlantStep = (ctx) => {
  const fits = (x: RegisteredHousehold) => wholeHousehold(x) && parents(x, ctx) !== null;
  if (!ctx.hukouRoom()) return;
  const h = ctx.take(fits);
  const family = h ? parents(h, ctx) : null;
  if (!h || !family) return;
  const { mother, father } = family;
  const asOf = ctx.truth.asOf;
  const birth = randomDay(ctx.rng, Math.max(h.firstIdentified + 30, addYears(mother.birth, 22), addYears(asOf, -4)), asOf - 60);
  const male = ctx.rng.chance(0.5);
  const id = ctx.truth.ids.allocate(ctx.truth.county.code, birth, male);
  const taken = new Set(h.hukou.members.map((x) => x.name));
  let name = surnameOf(father) + givenName(ctx.rng, yearOf(birth), male);
  while (taken.has(name)) name = surnameOf(father) + givenName(ctx.rng, yearOf(birth), male);
  const person: Person = {
    id,
    name,
    male,
    birth,
    ethnicity: father.ethnicity,
    relation: male ? family.son : family.daughter,
    childRank: 0,
    status: 'normal',
    statusDate: null,
    movedIn: null,
    fatherId: father.id,
    motherId: mother.id,
    spouseId: '',
  };
  const motherRow = ctx.hukou(h.hukou.no).find((r) => r.personId === mother.id);
  if (!motherRow) return;
  ctx.addHukouRow(h.hukou.no, {
    householdId: null,
    personId: id,
    cells: {
      ...motherRow.cells,
      姓名: name,
      公民身份号码: id,
      与户主关系: gbt4761(person),
      性别: male ? '男' : '女',
      出生日期: isoDate(birth),
      人员状态: '0',
      变动类型: '',
      变动日期: '',
      原户号: '',
      父亲公民身份号码: father.id,
      母亲公民身份号码: mother.id,
      配偶公民身份号码: '',
    },
  });
  for (const kind of ['household-file', 'one-book'] as const) {
    const row = memberRow(ctx, kind, h, person);
    if (!row) continue;
    ctx.append(kind, h.code, row);
    ctx.set(kind, h.code, '家庭人口', h.members.length + 1);
  }
  ctx.plant({
    category: 'mismatch',
    rule: 'newborn_missing_national',
    householdId: h.code,
    personId: id,
    field: 'member',
    source: 'national',
    note: `${name}（${isoDate(birth)}出生，${nationalRelation(person.relation)}）已在户籍、一户一档和《一本通》登记，国办系统未新增`,
  });
};

const NATIONAL_PERSON_COLUMNS = [
  '姓名', '证件号码', '民族', '文化程度', '在校生状况', '健康状况', '劳动技能', '务工状况', '务工时间（月）', '参加大病医疗',
  '是否参加城乡居民基本医疗保险',
];

/**
 * An elderly parent of one household entered again as 之父/之母 of another household of the county. The other
 * household's head is young enough to be their child, and its handbook ledger divided by one more person still
 * stays clear of the monitoring line (else the plant would also make a 错退 lead).
 */
export const personInTwoHouseholds: PlantStep = (ctx) => {
  const elderly = (h: RegisteredHousehold) => others(h).filter((m) => ctx.age(m.person) >= 60);
  const hosts = (a: RegisteredHousehold, x: Person) =>
    ctx.candidates((y) => y !== a && y.head.birth >= addYears(x.birth, 18) && (!y.exited || (y.incomeCents * y.members.length) / (y.members.length + 1) >= 700_000));
  // A few tries over shuffled households: hosts() looks at every household.
  for (const a of ctx.rng.shuffle(ctx.candidates((y) => wholeHousehold(y) && elderly(y).length > 0)).slice(0, 20)) {
    const x = ctx.rng.pick(elderly(a)).person;
    const options = hosts(a, x);
    if (options.length === 0) continue;
    const b = ctx.rng.pick(options);
    ctx.claim(a);
    ctx.claim(b);
    plantTwice(ctx, a, b, x);
    return;
  }
};

function plantTwice(ctx: PlantContext, a: RegisteredHousehold, b: RegisteredHousehold, x: Person): void {
  const from = ctx.row('national', a.code, x.id);
  const head = ctx.row('national', b.code, b.head.id);
  if (!from || !head) return;
  const size = b.members.length + 1;
  const cells: ViewRow['cells'] = { ...head.cells, 人编号: `${b.code}${String(size).padStart(3, '0')}`, 与户主关系: x.male ? '之父' : '之母' };
  for (const c of NATIONAL_PERSON_COLUMNS) cells[c] = from.cells[c];
  ctx.append('national', b.code, { householdId: b.code, personId: x.id, cells });
  ctx.set('national', b.code, '人数', size);
  ctx.set('notice-board', b.code, '家庭人口', String(size));
  const base = { householdId: b.code, personId: x.id, field: 'member' as const, source: 'national' as const };
  ctx.plant({ ...base, category: 'duplicate', rule: 'person_in_two_households', note: `${x.name}是${a.head.name}户（${a.code}）的成员，又以“${cells['与户主关系']}”录入${b.head.name}户` });
  ctx.plant({ ...base, category: 'mismatch', rule: 'member_not_in_hukou_household', note: `${b.head.name}户的户籍户中没有${x.name}，国办系统却列为成员` });
}

/** A grown child of the head also marked 户主 in the national record. */
export const twoHeads: PlantStep = (ctx) => {
  const grown = (h: RegisteredHousehold) => others(h).filter((m) => (m.relation === 'son' || m.relation === 'daughter') && ctx.age(m.person) >= 18);
  const h = ctx.take((x) => wholeHousehold(x) && grown(x).length > 0);
  if (!h) return;
  const m = ctx.rng.pick(grown(h));
  const row = ctx.row('national', h.code, m.person.id);
  if (!row) return;
  row.cells['与户主关系'] = '户主';
  ctx.plant({ category: 'data_quality', rule: 'two_heads', householdId: h.code, personId: null, field: 'head', source: 'national', note: `国办系统中${h.head.name}和${m.person.name}的与户主关系都是“户主”` });
  ctx.plant({
    category: 'mismatch',
    rule: 'relation_differs',
    householdId: h.code,
    personId: m.person.id,
    field: 'relation',
    source: 'national',
    note: `国办系统把${m.person.name}写成“户主”，户籍为户主${nationalRelation(m.relation)}`,
  });
};

export const MEMBER_STEPS: readonly PlantStep[] = [memberAbsentFromBook, deadStillInNational, newbornMissing, personInTwoHouseholds, twoHeads];
