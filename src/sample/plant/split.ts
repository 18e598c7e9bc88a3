/**
 * 突击分户 / 分户造贫 (DOMAIN §5.1). The truth's elderly households split from their son's household long
 * before registration; a plant moves the split to after the start of registration (or into the year before
 * the household's first identification), so that all three signs meet: a recent split, only elderly members,
 * a child in an unregistered household — once with the child's car, house or business on a roster. And the
 * hard negatives: a recent split whose children all moved away, a recent split from a son who is registered
 * himself, splits from long ago; and 按人识别: working-age adults of the hukou household left out.
 */
import { day, isoDate, randomDay, type Day } from '../dates.js';
import type { HukouHousehold, RegisteredHousehold } from '../model.js';
import { NATURAL_NEGATIVES_RECORDED, others, wholeHousehold, type PlantContext, type PlantStep } from './context.js';
import { rosterAsset, type AssetKind } from './rosters.js';

const REGISTRATION_START = day(2014, 1, 1);

/** The son's household an elderly household split from (kept in memory with it). */
function formerHousehold(ctx: PlantContext, h: RegisteredHousehold): HukouHousehold | null {
  return ctx.hukouHousehold(h.hukou.split?.from);
}

const registeredHukou = (ctx: PlantContext, x: HukouHousehold) => ctx.registeredIn(x).length > 0;

/** An elderly household split long ago from a son's household that is not registered and still lives there. */
function oldSplit(ctx: PlantContext, h: RegisteredHousehold): boolean {
  const former = formerHousehold(ctx, h);
  return h.shape === 'split' && h.hukou.split !== null && h.hukou.split.date < REGISTRATION_START && former !== null && !registeredHukou(ctx, former) && former.members[0].status === 'normal';
}

/** Nobody of the hukou household died or left before `date` (they would not have moved with the split). */
const allThereOn = (h: RegisteredHousehold, date: Day) => h.hukou.members.every((p) => p.status === 'normal' || (p.statusDate ?? 0) > date);

/** Moves the split (立户日期, and 变动日期 of the 分户 rows) to `date`. */
function moveSplit(ctx: PlantContext, h: RegisteredHousehold, date: Day): void {
  for (const r of ctx.hukou(h.hukou.no)) {
    r.cells['立户日期'] = isoDate(date);
    if (r.cells['变动类型'] === '分户') r.cells['变动日期'] = isoDate(date);
  }
}

type When = 'afterStart' | 'inWindow';

/** Days a split may move to: after 2014-01-01 and before identification, or in 2013 within a year before identification. */
function splitRange(h: RegisteredHousehold, when: When): [Day, Day] | null {
  const identified = h.firstIdentified;
  if (when === 'afterStart') return identified - 20 > REGISTRATION_START ? [REGISTRATION_START, identified - 20] : null;
  const from = identified - 330;
  return from < REGISTRATION_START - 30 ? [from, REGISTRATION_START - 30] : null;
}

/** The first of `whens` whose days suit the household (everyone still there on the last of them). */
function firstRange(ctx: PlantContext, h: RegisteredHousehold, whens: readonly When[]): { when: When; range: [Day, Day] } | null {
  if (!oldSplit(ctx, h)) return null;
  for (const when of whens) {
    const range = splitRange(h, when);
    if (range && allThereOn(h, range[1])) return { when, range };
  }
  return null;
}

/** Takes a household whose split can move to one of `whens`, and the day it moves to. */
function takeSplit(ctx: PlantContext, whens: readonly When[]): { h: RegisteredHousehold; former: HukouHousehold; when: When; date: Day } | null {
  const h = ctx.take((x) => firstRange(ctx, x, whens) !== null);
  const found = h ? firstRange(ctx, h, whens) : null;
  const former = h ? formerHousehold(ctx, h) : null;
  if (!h || !found || !former) return null;
  return { h, former, when: found.when, date: randomDay(ctx.rng, found.range[0], found.range[1]) };
}

const ASSETS: readonly AssetKind[] = ['vehicles', 'property', 'business'];

function strongSplit(whens: readonly When[], withAsset: boolean): PlantStep {
  return (ctx) => {
    const split = takeSplit(ctx, whens);
    if (!split) return;
    const { h, former, when, date } = split;
    moveSplit(ctx, h, date);
    const son = former.members[0];
    const owned = withAsset ? `；其子${son.name}名下有${rosterAsset(ctx, ctx.rng.pick(ASSETS), son)}` : '';
    const why = when === 'afterStart' ? '建档立卡开始之后' : '首次识别前一年内';
    ctx.plant({
      category: 'split_household',
      rule: `split_elderly_${when === 'afterStart' ? 'after_start' : 'in_window'}${withAsset ? '_child_with_assets' : ''}`,
      householdId: h.code,
      personId: null,
      field: 'member',
      source: null,
      note: `${h.head.name}户于 ${isoDate(date)}（${why}）由户号 ${former.no} 分出，在册成员均为老人，其子${son.name}所在户号 ${former.no} 未建档立卡${owned}`,
    });
  };
}

export const splitAfterStartWithAssets = strongSplit(['afterStart'], true);
/** In the year before identification when the household was identified in 2014, else after the start. */
export const splitInWindow = strongSplit(['inWindow', 'afterStart'], false);

/** Hard negative: a recent split, but the son's whole family has moved out of the county (no child in the area). */
export const splitNoChildHere: PlantStep = (ctx) => {
  const split = takeSplit(ctx, ['afterStart']);
  if (!split) return;
  const { h, former, date } = split;
  moveSplit(ctx, h, date);
  const left = randomDay(ctx.rng, date + 60, ctx.truth.asOf - 60);
  for (const r of ctx.hukou(former.no)) {
    if (r.cells['人员状态'] !== '0') continue;
    Object.assign(r.cells, { 人员状态: '2', 变动类型: '迁出', 变动日期: isoDate(left), 原户号: '' });
  }
  ctx.negative({
    pattern: 'split_no_child_in_area',
    householdId: h.code,
    personId: null,
    categories: ['split_household'],
    fields: null,
    note: `${h.head.name}户于 ${isoDate(date)} 分户，但其子一家已于 ${isoDate(left)} 全部迁出，本地没有子女`,
  });
};

/** Hard negative (from the truth): an elderly couple split off after 2014 from a son whose household is registered too. */
export const splitChildRegistered: PlantStep = (ctx) => {
  for (const h of ctx.truth.registered) {
    const former = h.shape === 'split' ? formerHousehold(ctx, h) : null;
    const child = former ? ctx.registeredIn(former)[0] : undefined;
    if (h.shape !== 'split' || !h.hukou.split || h.hukou.split.date < REGISTRATION_START || !child || !ctx.free(h) || !ctx.free(child)) continue;
    ctx.claim(h);
    ctx.claim(child);
    ctx.negative({
      pattern: 'split_child_registered',
      householdId: h.code,
      personId: null,
      categories: ['split_household'],
      fields: null,
      note: `${h.head.name}户于 ${isoDate(h.hukou.split.date)} 分户，其子${child.head.name}户本身也是建档立卡户（${child.code}）`,
    });
  }
};

/** Hard negative, recorded last: elderly households split from their son's long before registration. */
export const splitLongAgo: PlantStep = (ctx) => {
  const planted = new Set(ctx.plants.filter((p) => p.category === 'split_household').map((p) => p.householdId));
  let recorded = 0;
  for (const h of ctx.truth.registered) {
    if (h.shape !== 'split' || planted.has(h.code) || recorded >= NATURAL_NEGATIVES_RECORDED) continue;
    const date = ctx.hukou(h.hukou.no).map((r) => r.cells['变动日期']).find((d) => typeof d === 'string' && d !== '' && d < '2013-01-01');
    if (typeof date !== 'string') continue;
    recorded++;
    ctx.negative({
      pattern: 'split_long_ago',
      householdId: h.code,
      personId: null,
      categories: ['split_household'],
      fields: null,
      note: `${h.head.name}户于 ${date} 分户，早于建档立卡多年`,
    });
  }
};

/** 按人识别: a working-age son or daughter (or their spouse) of the hukou household left out of the registered household. */
export const partialRegistration: PlantStep = (ctx) => {
  const adults = (h: RegisteredHousehold) =>
    others(h).filter((m) => ['son', 'daughter', 'daughterInLaw', 'sonInLaw'].includes(m.relation) && ctx.age(m.person) >= 20 && ctx.age(m.person) <= 50);
  const h = ctx.take((x) => wholeHousehold(x) && x.members.length >= 3 && adults(x).length > 0);
  if (!h) return;
  const m = ctx.rng.pick(adults(h));
  const size = h.members.length - 1;
  for (const kind of ['national', 'household-file', 'one-book'] as const) ctx.remove(kind, h.code, (r) => r.personId === m.person.id);
  ctx.set('national', h.code, '人数', size);
  for (const kind of ['household-file', 'one-book'] as const) ctx.set(kind, h.code, '家庭人口', size);
  ctx.set('notice-board', h.code, '家庭人口', String(size));
  ctx.plant({
    category: 'split_household',
    rule: 'partial_registration',
    householdId: h.code,
    personId: null,
    field: 'member',
    source: null,
    note: `户籍户 ${h.hukou.no} 的${m.person.name}（${ctx.age(m.person)}岁）未纳入${h.head.name}户，只识别了户籍户中的${size}人`,
  });
};

export const SPLIT_STEPS: readonly PlantStep[] = [splitChildRegistered, splitAfterStartWithAssets, splitInWindow, splitNoChildHere, partialRegistration];

