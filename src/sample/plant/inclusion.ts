/**
 * 错评 (DOMAIN §5): a member of a registered household with a car, an urban or commercial house, an active
 * business or a place on the public payroll; the head's son (his own hukou household, found by the hukou
 * parent columns) on the payroll. Hard negatives: a member's motorcycle, a member's closed business, and the
 * rosters' many people who are in no registered household at all.
 */
import type { Person, RegisteredHousehold } from '../model.js';
import { NATURAL_NEGATIVES_RECORDED, type PlantContext, type PlantStep } from './context.js';
import { rosterAsset, type AssetKind, type AssetVariant } from './rosters.js';

const adults = (ctx: PlantContext, h: RegisteredHousehold): Person[] => h.members.map((m) => m.person).filter((p) => ctx.age(p) >= 20 && ctx.age(p) <= 70);

const HOLDS: Record<AssetKind, string> = { vehicles: '车辆', property: '房产', business: '企业', payroll: '财政供养' };

function memberAsset(kind: AssetKind): PlantStep {
  return (ctx) => {
    const h = ctx.take((x) => adults(ctx, x).length > 0);
    if (!h) return;
    const p = ctx.rng.pick(adults(ctx, h));
    const what = rosterAsset(ctx, kind, p);
    ctx.plant({ category: 'wrong_inclusion', rule: `member_${kind}`, householdId: h.code, personId: p.id, field: 'asset', source: null, note: `成员${p.name}名下有${HOLDS[kind]}：${what}` });
  };
}

export const memberCar = memberAsset('vehicles');
export const memberProperty = memberAsset('property');
export const memberBusiness = memberAsset('business');
export const memberPayroll = memberAsset('payroll');

/** The son of an elderly head, head of his own (unregistered) hukou household, on the public payroll. */
export const sonOnPayroll: PlantStep = (ctx) => {
  const sonOf = (h: RegisteredHousehold): Person | null => {
    const former = ctx.hukouHousehold(h.hukou.split?.from);
    const son = former?.members[0];
    return former && son && son.status === 'normal' && son.fatherId === h.head.id && ctx.registeredIn(former).length === 0 ? son : null;
  };
  const h = ctx.take((x) => x.shape === 'split' && sonOf(x) !== null);
  const son = h ? sonOf(h) : null;
  if (!h || !son) return;
  const what = rosterAsset(ctx, 'payroll', son);
  ctx.plant({
    category: 'wrong_inclusion',
    rule: 'head_child_on_payroll',
    householdId: h.code,
    personId: son.id,
    field: 'asset',
    source: null,
    note: `户主${h.head.name}之子${son.name}（另立户号 ${h.hukou.split?.from ?? ''}）是${what}`,
  });
};

function harmless(kind: AssetKind, variant: AssetVariant, pattern: string): PlantStep {
  return (ctx) => {
    const h = ctx.take((x) => adults(ctx, x).length > 0);
    if (!h) return;
    const p = ctx.rng.pick(adults(ctx, h));
    const what = rosterAsset(ctx, kind, p, variant);
    ctx.negative({
      pattern,
      householdId: h.code,
      personId: p.id,
      categories: ['wrong_inclusion'],
      fields: null,
      note: `成员${p.name}名下${what}：摩托车、已注销的企业不是错评的依据`,
    });
  };
}

export const memberMotorcycle = harmless('vehicles', 'motorcycle', 'member_motorcycle');
export const memberClosedBusiness = harmless('business', 'closedBusiness', 'member_closed_business');

/** Hard negative, recorded last: roster people who are in no registered household and no registered head's child. */
export const rosterPeopleNotRegistered: PlantStep = (ctx) => {
  const registered = new Set(ctx.truth.registered.flatMap((h) => h.members.map((m) => m.person.id)));
  const relatives = new Set<string>();
  for (const x of ctx.truth.inMemory) {
    for (const p of x.members) if (registered.has(p.fatherId) || registered.has(p.motherId) || registered.has(p.spouseId)) relatives.add(p.id);
  }
  const planted = new Set(ctx.plants.map((p) => p.personId));
  const seen = new Set<string>();
  const { vehicles, property, business, payroll } = ctx.views;
  for (const rows of [vehicles, property, business, payroll]) {
    let recorded = 0;
    for (const r of rows) {
      const id = r.personId;
      if (!id || registered.has(id) || relatives.has(id) || planted.has(id) || seen.has(id) || recorded >= NATURAL_NEGATIVES_RECORDED) continue;
      seen.add(id);
      recorded++;
      ctx.negative({
        pattern: 'roster_person_not_registered',
        householdId: null,
        personId: id,
        categories: ['wrong_inclusion', 'omission'],
        fields: null,
        note: '部门名单上的人不在任何建档立卡户中，也不是在册户主的子女：名单上有非贫困人口是正常的',
      });
    }
  }
};

export const INCLUSION_STEPS: readonly PlantStep[] = [sonOnPayroll, memberCar, memberProperty, memberBusiness, memberPayroll, memberMotorcycle, memberClosedBusiness];
