/**
 * 漏评 (DOMAIN §5): 低保 families of the county in no registered household; and the hard negative, the
 * 低保/特困 households that are registered (低保贫困户) and so on the civil-affairs roster too.
 */
import { ageAt } from '../dates.js';
import { villageVariant } from '../format.js';
import { NATURAL_NEGATIVES_RECORDED, type PlantStep } from './context.js';

/** A few 低保 families of the county who are in no registered household: leads for 漏评. */
export const unregisteredLowIncome: PlantStep = (ctx) => {
  const { truth, views, rng } = ctx;
  if (truth.registered.length < 10) return;
  // In villages with registered households: the national export shows those villages, so the family is in the area.
  const villages = new Set(truth.registered.map((h) => h.village));
  const heads = truth.pool
    .map((h) => ({ h, head: h.members[0] }))
    .filter(({ h, head }) => villages.has(h.village) && head.status === 'normal' && ageAt(head.birth, truth.asOf) >= 30);
  const count = Math.min(heads.length, Math.max(1, Math.round(truth.registered.length / 30)));
  for (const { h, head } of rng.shuffle(heads).slice(0, count)) {
    const size = h.members.filter((p) => p.status === 'normal').length;
    views.civilAffairs.push({
      householdId: null,
      personId: head.id,
      cells: { 姓名: head.name, 身份证号: head.id, 保障类别: '农村低保', 保障人数: size, 乡镇: h.village.township.name, 村: villageVariant(h.village.name, 'plain') },
    });
    ctx.plant({
      category: 'omission',
      rule: 'low_income_not_registered',
      householdId: null,
      personId: head.id,
      field: 'presence',
      source: null,
      note: `${h.village.township.name}${h.village.name}${head.name}家（${size}人）享受农村低保，不在任何建档立卡户中`,
    });
  }
};

/** Hard negative: heads of registered 低保/特困 households, listed by civil affairs as well. */
export const registeredLowIncome: PlantStep = (ctx) => {
  for (const h of ctx.truth.registered.filter((x) => x.base !== '一般').slice(0, NATURAL_NEGATIVES_RECORDED)) {
    ctx.negative({
      pattern: 'registered_low_income',
      householdId: h.code,
      personId: h.head.id,
      categories: ['omission'],
      fields: null,
      note: `${h.head.name}享受${h.base === '低保' ? '农村低保' : '特困供养'}，本身就是建档立卡户（${h.attribute}）`,
    });
  }
};
