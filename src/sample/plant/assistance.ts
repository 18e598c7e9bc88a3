/**
 * 帮扶与公示 (DOMAIN §5, seed items 15 and 22): a household without a helper, a helper with more households than
 * the cap, notice boards broken, not hung, with an invalid or no phone; and the handbook's subsidy line that
 * differs from the 惠农一卡通 payout (seed item 20, 信息不吻合).
 */
import { yuan } from '../format.js';
import type { LedgerLine, RegisteredHousehold } from '../model.js';
import { SUBSIDY_CATEGORY } from '../registered.js';
import { EVERYTHING, type PlantContext, type PlantStep } from './context.js';

/** policy/default.json helperCap: more households than this under one helper is a problem. */
const HELPER_CAP = 10;

const HELPER_CELLS: Record<'national' | 'household-file' | 'one-book' | 'notice-board', Record<'name' | 'phone' | 'unit', string | null>> = {
  national: { name: '帮扶责任人', phone: '帮扶责任人电话', unit: null },
  'household-file': { name: '帮扶责任人', phone: '帮扶责任人电话', unit: null },
  'one-book': { name: '帮扶责任人', phone: '帮扶责任人电话', unit: '帮扶责任人单位' },
  'notice-board': { name: '帮扶责任人', phone: '帮扶责任人电话', unit: '帮扶单位' },
};

function setHelper(ctx: PlantContext, hid: string, helper: { name: string; phone: string; unit: string }): void {
  for (const [kind, cells] of Object.entries(HELPER_CELLS) as [keyof typeof HELPER_CELLS, (typeof HELPER_CELLS)[keyof typeof HELPER_CELLS]][]) {
    ctx.set(kind, hid, cells.name ?? '', helper.name);
    ctx.set(kind, hid, cells.phone ?? '', helper.phone);
    if (cells.unit) ctx.set(kind, hid, cells.unit, helper.unit);
  }
}

export const noHelper: PlantStep = (ctx) => {
  const h = ctx.take(() => true, EVERYTHING);
  if (!h) return;
  setHelper(ctx, h.code, { name: '', phone: '', unit: '' });
  ctx.plant({ category: 'assistance', rule: 'no_helper', householdId: h.code, personId: null, field: 'helperName', source: null, note: `${h.head.name}户在国办系统、《一本通》、公示牌和一户一档中都没有帮扶责任人` });
};

/**
 * One helper given cap + 1 households: all of theirs and more taken from other helpers. Plants that leave
 * the helper alone may share these households; the helper chosen has none that a helper plant touched.
 */
export const helperOverCap: PlantStep = (ctx) => {
  const registered = ctx.truth.registered;
  const touched = new Set(registered.filter((h) => !ctx.freeOf(h, 'helper')).map((h) => h.helper));
  const helpers = ctx.truth.helpers.filter((x) => !touched.has(x));
  const pool = registered.filter((h) => ctx.freeOf(h, 'helper'));
  if (helpers.length === 0 || pool.length <= HELPER_CAP) return;
  const helper = ctx.rng.pick(helpers);
  const own = pool.filter((h) => h.helper === helper);
  const township = own[0]?.village.township;
  const more = pool.filter((h) => h.helper !== helper);
  const near = ctx.rng.shuffle(more.filter((h) => h.village.township === township));
  const far = ctx.rng.shuffle(more.filter((h) => h.village.township !== township));
  const chosen = [...own, ...near, ...far].slice(0, HELPER_CAP + 1);
  for (const h of chosen) {
    ctx.claim(h, ['helper']);
    setHelper(ctx, h.code, helper);
    ctx.plant({
      category: 'assistance',
      rule: 'helper_over_cap',
      householdId: h.code,
      personId: null,
      field: 'helperLoad',
      source: null,
      note: `帮扶责任人${helper.name}（${helper.phone}）帮扶${chosen.length}户，超过${HELPER_CAP}户`,
    });
  }
};

function board(state: '破损' | '未悬挂'): PlantStep {
  return (ctx) => {
    if (ctx.truth.registered.length < 10) return;
    const h = ctx.take(() => true);
    if (!h) return;
    ctx.set('notice-board', h.code, '公示牌状态', state);
    ctx.plant({
      category: 'assistance',
      rule: state === '破损' ? 'board_damaged' : 'board_not_hung',
      householdId: h.code,
      personId: null,
      field: 'boardStatus',
      source: 'notice-board',
      note: `公示牌状态：${state}`,
    });
  };
}

export const boardDamaged = board('破损');
export const boardNotHung = board('未悬挂');

/** The board's helper phone lost a digit: no number anyone can call. */
export const boardPhoneInvalid: PlantStep = (ctx) => {
  const h = ctx.take(() => true, EVERYTHING);
  if (!h) return;
  const phone = h.helper.phone;
  const shown = `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(8)}`;
  ctx.set('notice-board', h.code, '帮扶责任人电话', shown);
  ctx.plant({ category: 'assistance', rule: 'board_phone_invalid', householdId: h.code, personId: null, field: 'helperPhone', source: 'notice-board', note: `公示牌帮扶责任人电话“${shown}”少一位，不是有效号码` });
};

export const boardPhoneMissing: PlantStep = (ctx) => {
  const h = ctx.take(() => true, EVERYTHING);
  if (!h) return;
  ctx.set('notice-board', h.code, '帮扶责任人电话', '');
  ctx.plant({ category: 'assistance', rule: 'board_phone_missing', householdId: h.code, personId: null, field: 'helperPhone', source: 'notice-board', note: '公示牌没有写帮扶责任人电话' });
};

/** A handbook subsidy line written 100–500 元 off the payout; the production line takes up the difference. */
export const subsidyDiffers: PlantStep = (ctx) => {
  const delta = ctx.rng.int(1, 5) * 10_000;
  const produce = (h: RegisteredHousehold) => h.ledger.findIndex((l) => l.category === '生产经营性收入');
  /** Signed changes of a subsidy line that keep both lines positive. */
  const changes = (h: RegisteredHousehold, line: LedgerLine) => [delta, -delta].filter((d) => line.cents + d > 0 && h.ledger[produce(h)].cents - d > 0);
  const options = (h: RegisteredHousehold) => (produce(h) < 0 ? [] : h.ledger.filter((l) => l.category === SUBSIDY_CATEGORY && changes(h, l).length > 0));
  const h = ctx.take((x) => options(x).length > 0);
  if (!h) return;
  const line = ctx.rng.pick(options(h));
  const d = ctx.rng.pick(changes(h, line));
  const rows = ctx.rows('ledger', h.code);
  const p = produce(h);
  rows[h.ledger.indexOf(line)].cells['金额'] = yuan(line.cents + d);
  rows[p].cells['金额'] = yuan(h.ledger[p].cents - d);
  ctx.plant({
    category: 'mismatch',
    rule: 'subsidy_differs_from_payout',
    householdId: h.code,
    personId: null,
    field: 'benefitAmount',
    source: 'one-book',
    note: `《一本通》${line.year}年“${line.item}”记 ${yuan(line.cents + d)} 元，惠农一卡通实发 ${yuan(line.cents)} 元`,
  });
};

export const ASSISTANCE_STEPS: readonly PlantStep[] = [noHelper, boardDamaged, boardNotHung, boardPhoneInvalid, boardPhoneMissing, subsidyDiffers];
