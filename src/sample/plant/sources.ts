/**
 * Disagreements between the household sources (DOMAIN §5 信息不吻合, the seed's item 21): a household missing
 * from a source, a homophone, an ID typo, a relation, an attribute, an income, a helper phone and a family size
 * that differ; and the formatting-only differences that must not count (phone punctuation, 村委会, 脱贫户 label).
 */
import { surnameOf } from '../family.js';
import { phoneText, villageVariant, yuan } from '../format.js';
import { idCheckChar } from '../ids.js';
import type { PovertyBase, RegisteredHousehold } from '../model.js';
import { homophone } from '../names.js';
import { nationalRelation } from '../relations.js';
import { EVERYTHING, others, villageHas, wholeHousehold, type PlantStep } from './context.js';
import type { Relation } from '../model.js';
import type { SourceKind } from '../../model/kinds.js';

const KIND_NAMES: Partial<Record<SourceKind, string>> = { 'household-file': '一户一档', 'one-book': '《一本通》', 'notice-board': '公示牌' };

/** A registered household the archive, the handbook or the board survey leaves out (the village stays covered). */
function absentFrom(kind: 'household-file' | 'one-book' | 'notice-board'): PlantStep {
  return (ctx) => {
    const h = ctx.take((x) => villageHas(ctx.truth, x, 2));
    if (!h) return;
    if (kind === 'one-book') ctx.remove('ledger', h.code);
    ctx.remove(kind, h.code);
    ctx.plant({
      category: 'mismatch',
      rule: `household_absent_${kind}`,
      householdId: h.code,
      personId: null,
      field: 'presence',
      source: kind,
      note: `${h.head.name}户在${KIND_NAMES[kind]}中没有记录（同村其他户有）`,
    });
  };
}

export const absentFromArchive = absentFrom('household-file');
export const absentFromBook = absentFrom('one-book');
export const absentFromBoard = absentFrom('notice-board');

/** A member's name typed with a homophone in the archive (same valid ID). */
export const homophoneInArchive: PlantStep = (ctx) => {
  const options = (h: RegisteredHousehold) => others(h).filter((m) => homophone(m.person.name, surnameOf(m.person).length) !== null);
  const h = ctx.take((x) => options(x).length > 0);
  if (!h) return;
  const m = ctx.rng.pick(options(h));
  const name = homophone(m.person.name, surnameOf(m.person).length) ?? m.person.name;
  const row = ctx.row('household-file', h.code, m.person.id);
  if (!row) return;
  row.cells['成员姓名'] = name;
  ctx.plant({
    category: 'mismatch',
    rule: 'name_homophone',
    householdId: h.code,
    personId: m.person.id,
    field: 'name',
    source: 'household-file',
    note: `一户一档把${m.person.name}写成同音的“${name}”`,
  });
};

/** One digit of a member's ID mistyped in the handbook: the check character no longer fits. */
export const idTypoInBook: PlantStep = (ctx) => {
  const h = ctx.take((x) => others(x).length > 0);
  if (!h) return;
  const m = ctx.rng.pick(others(h));
  const id = m.person.id;
  const at = ctx.rng.pick([14, 15]);
  const digit = (id.charCodeAt(at) - 48 + ctx.rng.int(1, 9)) % 10;
  const typo = `${id.slice(0, at)}${String(digit)}${id.slice(at + 1)}`;
  const row = ctx.row('one-book', h.code, id);
  if (!row || idCheckChar(typo.slice(0, 17)) === typo[17]) return;
  row.cells['成员身份证号'] = typo;
  const base = { householdId: h.code, personId: id, field: 'idNumber' as const, source: 'one-book' as const };
  ctx.plant({ ...base, category: 'data_quality', rule: 'id_typo_check_char', note: `《一本通》中${m.person.name}的身份证号第${at + 1}位输错：${typo}，校验位不符` });
  ctx.plant({ ...base, category: 'mismatch', rule: 'id_typo', note: `《一本通》中${m.person.name}的身份证号 ${typo} 与户籍 ${id} 相差一位` });
};

/** A relation of the same sex written wrong: 之儿媳 ↔ 之女, 之子 → 之孙子, 之父 → 之岳父 … */
const WRONG_RELATION: Partial<Record<Relation, string>> = {
  daughterInLaw: '之女',
  son: '之孙子',
  daughter: '之孙女',
  grandson: '之子',
  granddaughter: '之女',
  father: '之岳父',
  mother: '之岳母',
};

export const relationInBook: PlantStep = (ctx) => {
  const options = (h: RegisteredHousehold) => others(h).filter((m) => WRONG_RELATION[m.relation] !== undefined);
  const h = ctx.take((x) => wholeHousehold(x) && options(x).length > 0);
  if (!h) return;
  const m = ctx.rng.pick(options(h));
  const wrong = WRONG_RELATION[m.relation] ?? '';
  const row = ctx.row('one-book', h.code, m.person.id);
  if (!row) return;
  row.cells['与户主关系'] = wrong;
  ctx.plant({
    category: 'mismatch',
    rule: 'relation_differs',
    householdId: h.code,
    personId: m.person.id,
    field: 'relation',
    source: 'one-book',
    note: `《一本通》把${m.person.name}与户主关系写成“${wrong}”，户籍和国办系统为“${nationalRelation(m.relation)}”`,
  });
};

const OTHER_BASE: Record<PovertyBase, PovertyBase> = { 一般: '低保', 低保: '一般', 特困供养: '低保' };

/** The handbook names another base (一般 / 低保 / 特困供养) than the national record. */
export const attributeInBook: PlantStep = (ctx) => {
  const h = ctx.take(() => true);
  if (!h) return;
  const wrong = `${OTHER_BASE[h.base]}${h.exited ? '脱贫户' : '贫困户'}`;
  ctx.set('one-book', h.code, '贫困户属性', wrong);
  ctx.plant({
    category: 'mismatch',
    rule: 'attribute_base_differs',
    householdId: h.code,
    personId: null,
    field: 'povertyAttribute',
    source: 'one-book',
    note: `《一本通》贫困户属性为“${wrong}”，国办系统为“${h.attribute}”`,
  });
};

/** The archive's per-capita income 15–25 % below the national figure: beyond both tolerances. */
export const incomeInArchive: PlantStep = (ctx) => {
  const h = ctx.take((x) => x.incomeCents >= 300_000);
  if (!h) return;
  const cents = Math.round(h.incomeCents * (0.75 + ctx.rng.next() * 0.1) / 100) * 100;
  ctx.set('household-file', h.code, '年人均纯收入', yuan(cents));
  ctx.plant({
    category: 'mismatch',
    rule: 'income_differs',
    householdId: h.code,
    personId: null,
    field: 'income',
    source: 'household-file',
    note: `一户一档人均纯收入 ${yuan(cents)} 元，国办系统 ${yuan(h.incomeCents)} 元`,
  });
};

/** The handbook's income 2–4 % above the national figure and more than 100 元: within the relative tolerance. */
export const incomeWithinTolerance: PlantStep = (ctx) => {
  const h = ctx.take((x) => x.incomeCents >= 600_000);
  if (!h) return;
  const cents = Math.round(h.incomeCents * (1.02 + ctx.rng.next() * 0.02) / 100) * 100;
  ctx.set('one-book', h.code, '年人均纯收入', yuan(cents));
  ctx.negative({
    pattern: 'income_within_tolerance',
    householdId: h.code,
    personId: null,
    categories: ['mismatch'],
    fields: ['income'],
    note: `《一本通》人均纯收入 ${yuan(cents)} 元，国办系统 ${yuan(h.incomeCents)} 元：相差超过100元但不到5%，在容差内`,
  });
};

/** The board gives another mobile number for the helper than the handbook. */
export const boardPhoneDiffers: PlantStep = (ctx) => {
  const h = ctx.take(() => true, EVERYTHING);
  if (!h) return;
  const phone = ctx.truth.phones.mobile();
  ctx.set('notice-board', h.code, '帮扶责任人电话', phone);
  ctx.plant({
    category: 'mismatch',
    rule: 'helper_phone_differs',
    householdId: h.code,
    personId: null,
    field: 'helperPhone',
    source: 'notice-board',
    note: `公示牌帮扶责任人电话 ${phone}，《一本通》为 ${h.helper.phone}`,
  });
};

/** The board counts one person more than the national record. */
export const boardSizeDiffers: PlantStep = (ctx) => {
  const h = ctx.take(() => true);
  if (!h) return;
  const size = h.members.length + 1;
  ctx.set('notice-board', h.code, '家庭人口', String(size));
  ctx.plant({
    category: 'mismatch',
    rule: 'household_size_differs',
    householdId: h.code,
    personId: null,
    field: 'householdSize',
    source: 'notice-board',
    note: `公示牌家庭人口 ${size} 人，国办系统 ${h.members.length} 人`,
  });
};

/** Formatting only: the board's phone with dashes, the handbook's with spaces — the same number. */
export const phonePunctuation: PlantStep = (ctx) => {
  const h = ctx.take(() => true, EVERYTHING);
  if (!h) return;
  ctx.set('notice-board', h.code, '帮扶责任人电话', phoneText(h.helper.phone, 'dashes'));
  ctx.set('one-book', h.code, '帮扶责任人电话', phoneText(h.helper.phone, 'spaces'));
  ctx.negative({
    pattern: 'phone_punctuation',
    householdId: h.code,
    personId: null,
    categories: ['mismatch', 'data_quality', 'assistance'],
    fields: ['helperPhone'],
    note: `帮扶责任人电话在公示牌上写作 ${phoneText(h.helper.phone, 'dashes')}，《一本通》写作 ${phoneText(h.helper.phone, 'spaces')}，是同一个号码`,
  });
};

/** Formatting only: the board writes the village as 某某村委会. */
export const villageSuffix: PlantStep = (ctx) => {
  const h = ctx.take((x) => villageHas(ctx.truth, x, 2), EVERYTHING);
  if (!h) return;
  const village = villageVariant(h.village.name, 'committee');
  ctx.set('notice-board', h.code, '行政村', village);
  ctx.negative({
    pattern: 'village_suffix',
    householdId: h.code,
    personId: null,
    categories: ['mismatch', 'data_quality', 'assistance'],
    fields: null,
    note: `公示牌把${h.village.name}写作“${village}”，是同一个村`,
  });
};

/** Formatting only: archive, handbook and board still say 一般贫困户 for a household the national record has as 一般脱贫户. */
export const stageOnly: PlantStep = (ctx) => {
  const h = ctx.take((x) => x.exited);
  if (!h) return;
  const label = `${h.base}贫困户`;
  for (const kind of ['household-file', 'one-book', 'notice-board'] as const) ctx.set(kind, h.code, '贫困户属性', label);
  ctx.negative({
    pattern: 'attribute_stage_only',
    householdId: h.code,
    personId: null,
    categories: ['mismatch'],
    fields: ['povertyAttribute', 'povertyStatus'],
    note: `国办系统“${h.attribute}”，其他来源“${label}”：属性相同（${h.base}），只是脱贫后的叫法不同`,
  });
};

export const SOURCE_STEPS: readonly PlantStep[] = [
  absentFromArchive,
  absentFromBook,
  absentFromBoard,
  homophoneInArchive,
  idTypoInBook,
  relationInBook,
  attributeInBook,
  incomeInArchive,
  incomeWithinTolerance,
  boardPhoneDiffers,
  boardSizeDiffers,
  phonePunctuation,
  villageSuffix,
  stageOnly,
];

