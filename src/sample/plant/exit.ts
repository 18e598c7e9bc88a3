/**
 * 错退 (DOMAIN §5.2): households the national record marks as exited although their data says they do not meet
 * the standard — income below the exit year's threshold, 两不愁三保障 unmet (dangerous house, a school-age child
 * out of school, no basic medical insurance, a seriously ill member without 大病保险, unsafe water), exit in the
 * year of identification; income barely above the threshold (a risk warning, not a finding); and the hard
 * negative: households not yet exited in dangerous houses.
 */
import { day, isoDate, randomDay } from '../dates.js';
import { yuan } from '../format.js';
import type { RegisteredHousehold, RegisteredMember } from '../model.js';
import { EXIT_THRESHOLDS } from '../registered.js';
import { NATURAL_NEGATIVES_RECORDED, type PlantContext, type PlantStep } from './context.js';

const exited = (h: RegisteredHousehold) => h.exited && h.exitYear !== null && EXIT_THRESHOLDS[h.exitYear] !== undefined;

/** Sets the per-capita income every source shows (national, archive, handbook), in whole yuan. */
function setIncome(ctx: PlantContext, h: RegisteredHousehold, cents: number): void {
  ctx.set('national', h.code, '人均纯收入', yuan(cents));
  ctx.set('household-file', h.code, '年人均纯收入', yuan(cents));
  ctx.set('one-book', h.code, '年人均纯收入', yuan(cents));
}

function income(low: number, high: number, warning: boolean): PlantStep {
  return (ctx) => {
    const h = ctx.take(exited);
    if (!h || h.exitYear === null) return;
    const threshold = EXIT_THRESHOLDS[h.exitYear];
    const cents = Math.round(threshold * (low + ctx.rng.next() * (high - low))) * 100;
    setIncome(ctx, h, cents);
    ctx.plant({
      category: 'wrong_exit',
      rule: warning ? 'exit_income_near_threshold' : 'exit_income_below_threshold',
      householdId: h.code,
      personId: null,
      field: 'income',
      source: null,
      note: `${h.exitYear}年脱贫，人均纯收入 ${yuan(cents)} 元，${warning ? '仅略高于' : '低于'}当年脱贫标准 ${threshold} 元`,
      ...(warning ? { warning: true as const } : {}),
    });
  };
}

export const exitBelowThreshold = income(0.6, 0.9, false);
export const exitNearThreshold = income(1.02, 1.08, true);

export const exitDangerousHouse: PlantStep = (ctx) => {
  const h = ctx.take(exited);
  if (!h) return;
  ctx.set('national', h.code, '危房户', '是');
  ctx.set('household-file', h.code, '住房情况', 'C级危房');
  ctx.set('one-book', h.code, '住房情况', 'C级危房');
  ctx.plant({ category: 'wrong_exit', rule: 'exit_dangerous_house', householdId: h.code, personId: null, field: 'housing', source: null, note: `${h.exitYear}年脱贫，住房仍为C级危房` });
};

export const exitUnsafeWater: PlantStep = (ctx) => {
  const h = ctx.take(exited);
  if (!h) return;
  ctx.set('national', h.code, '饮水安全', '否');
  ctx.plant({ category: 'wrong_exit', rule: 'exit_unsafe_water', householdId: h.code, personId: null, field: 'water', source: null, note: `${h.exitYear}年脱贫，饮水安全为“否”` });
};

/** One member's national row changed; the household is exited and has such a member. */
function memberNeed(
  rule: string,
  field: 'schooling' | 'insurance',
  which: (ctx: PlantContext, m: RegisteredMember) => boolean,
  cells: Record<string, string | number>,
  note: (m: RegisteredMember) => string,
): PlantStep {
  return (ctx) => {
    const options = (h: RegisteredHousehold) => h.members.filter((m) => which(ctx, m));
    const h = ctx.take((x) => exited(x) && options(x).length > 0);
    if (!h) return;
    const m = ctx.rng.pick(options(h));
    const row = ctx.row('national', h.code, m.person.id);
    if (!row) return;
    Object.assign(row.cells, cells);
    ctx.plant({ category: 'wrong_exit', rule, householdId: h.code, personId: m.person.id, field, source: null, note: `${h.exitYear}年脱贫，${note(m)}` });
  };
}

export const exitChildOutOfSchool = memberNeed(
  'exit_child_out_of_school',
  'schooling',
  (ctx, m) => ctx.age(m.person) >= 7 && ctx.age(m.person) <= 14 && m.health === '健康',
  { 在校生状况: '非在校生' },
  (m) => `${m.person.name}处于义务教育年龄，健康，却是非在校生`,
);

export const exitNoMedicalInsurance = memberNeed(
  'exit_no_medical_insurance',
  'insurance',
  () => true,
  { 是否参加城乡居民基本医疗保险: '否' },
  (m) => `${m.person.name}未参加城乡居民基本医疗保险`,
);

export const exitIllWithoutCover = memberNeed(
  'exit_ill_without_cover',
  'insurance',
  (ctx, m) => ctx.age(m.person) >= 18,
  { 健康状况: '患有大病', 劳动技能: '丧失劳动力', 务工状况: '未务工', '务工时间（月）': 0, 参加大病医疗: '否' },
  (m) => `${m.person.name}患有大病，未参加大病保险`,
);

/** Identified and exited in the same year: 首次识别时间 moved into the exit year. */
export const exitSameYear: PlantStep = (ctx) => {
  const h = ctx.take(exited);
  if (!h || h.exitYear === null) return;
  const first = randomDay(ctx.rng, day(h.exitYear, 1, 5), day(h.exitYear, 6, 30));
  ctx.set('national', h.code, '首次识别时间', isoDate(first));
  ctx.plant({
    category: 'wrong_exit',
    rule: 'exit_same_year',
    householdId: h.code,
    personId: null,
    field: 'exitYear',
    source: null,
    note: `首次识别时间 ${isoDate(first)}，当年（${h.exitYear}年）即脱贫`,
  });
};

/** Hard negative: households not yet exited in dangerous houses (one made when the truth has none). */
export const notExitedDangerous: PlantStep = (ctx) => {
  let found = ctx.truth.registered.filter((h) => !h.exited && h.housing !== '安全').slice(0, NATURAL_NEGATIVES_RECORDED);
  if (found.length === 0) {
    const h = ctx.take((x) => !x.exited);
    if (!h) return;
    ctx.set('national', h.code, '危房户', '是');
    ctx.set('household-file', h.code, '住房情况', 'D级危房');
    ctx.set('one-book', h.code, '住房情况', 'D级危房');
    found = [h];
  }
  for (const h of found) {
    ctx.negative({
      pattern: 'not_exited_dangerous_house',
      householdId: h.code,
      personId: null,
      categories: ['wrong_exit'],
      fields: null,
      note: `${h.head.name}户未脱贫，住房为危房：危房改造对象，不是错退`,
    });
  }
};

export const EXIT_STEPS: readonly PlantStep[] = [
  exitChildOutOfSchool,
  exitBelowThreshold,
  exitNearThreshold,
  exitDangerousHouse,
  exitUnsafeWater,
  exitNoMedicalInsurance,
  exitIllWithoutCover,
  exitSameYear,
  notExitedDangerous,
];
