/**
 * The plants step: functions that change the rendered views and record each change in the manifest, so that
 * an audit of the sample can be checked against what was put in. For now only data-quality items (IDs
 * damaged by Excel, old 15-digit IDs), the state of some notice boards and a few unregistered 低保 families.
 * Real disagreements between sources come later, as more steps in `PLANT_STEPS`.
 */
import type { Category, Field } from '../model/finding.js';
import type { SourceKind } from '../model/kinds.js';
import type { Truth } from './county.js';
import { ageAt, yearOf } from './dates.js';
import { toOldId } from './ids.js';
import { villageVariant } from './format.js';
import type { Rng } from './rng.js';
import type { Views, ViewRow } from './views.js';

export interface PlantRecord {
  category: Category;
  rule: string;
  householdId: string | null;
  personId: string | null;
  field: Field;
  source: SourceKind;
  /** Chinese: what was done, with the value as the file now holds it. */
  note: string;
}

export type PlantStep = (views: Views, truth: Truth, rng: Rng) => PlantRecord[];

/**
 * The number Excel keeps when an ID is typed into a General cell: 15 significant digits, the last three
 * digits become 000. This is the one deliberate trip of an ID through a number in the generator: the
 * damage is the point. Built digit by digit from the text, never by parsing the whole ID.
 */
export function excelDamagedValue(id: string): number {
  let n = 0;
  for (let i = 0; i < 15; i++) n = n * 10 + (id.charCodeAt(i) - 48);
  return n * 1000;
}

function archiveRows(views: Views): ViewRow[] {
  return views.householdFile.flatMap((s) => s.rows);
}

/** Some member IDs of the archive typed into numeric cells (DOMAIN §3.1): the last three digits are lost. */
export const excelDamagedIds: PlantStep = (views, truth, rng) => {
  const candidates = archiveRows(views).filter((r) => r.personId && !r.personId.endsWith('X') && r.cells['成员身份证号'] === r.personId);
  const count = Math.min(candidates.length, Math.max(2, Math.round(candidates.length * 0.04)));
  return rng
    .shuffle([...candidates])
    .slice(0, count)
    .map((r) => {
      const id = r.personId ?? '';
      const fmt = rng.chance(0.5) ? 'General' : '0';
      r.cells['成员身份证号'] = { num: excelDamagedValue(id), fmt };
      return {
        category: 'data_quality',
        rule: 'id_excel_damaged',
        householdId: r.householdId,
        personId: id,
        field: 'idNumber',
        source: 'household-file',
        note: `成员身份证号以数字保存（格式 ${fmt}），只剩前15位：${id.slice(0, 15)}000`,
      } satisfies PlantRecord;
    });
};

/** Elderly members whose archive row still has the 15-digit ID issued before 1999. */
export const oldIdNumbers: PlantStep = (views, truth, rng) => {
  const births = new Map<string, number>();
  for (const h of truth.registered) for (const m of h.members) births.set(m.person.id, m.person.birth);
  const elderly = archiveRows(views).filter((r) => {
    const birth = r.personId ? births.get(r.personId) : undefined;
    return birth !== undefined && r.cells['成员身份证号'] === r.personId && yearOf(birth) < 1956;
  });
  const count = Math.min(elderly.length, Math.max(1, Math.round(elderly.length * 0.15)));
  return rng
    .shuffle([...elderly])
    .slice(0, count)
    .map((r) => {
      const id = r.personId ?? '';
      r.cells['成员身份证号'] = toOldId(id);
      return {
        category: 'data_quality',
        rule: 'id_15_digit',
        householdId: r.householdId,
        personId: id,
        field: 'idNumber',
        source: 'household-file',
        note: `成员身份证号为15位旧号码：${toOldId(id)}，应升为18位`,
      } satisfies PlantRecord;
    });
};

/** A few notice boards found broken or not hung in the survey. */
export const boardProblems: PlantStep = (views, truth, rng) => {
  const rows = views.noticeBoard;
  if (rows.length < 10) return [];
  const count = Math.max(1, Math.round(rows.length * 0.05));
  return rng
    .shuffle([...rows])
    .slice(0, count)
    .map((r) => {
      const state = rng.chance(0.5) ? '破损' : '未悬挂';
      r.cells['公示牌状态'] = state;
      return {
        category: 'assistance',
        rule: state === '破损' ? 'board_damaged' : 'board_not_hung',
        householdId: r.householdId,
        personId: null,
        field: 'boardStatus',
        source: 'notice-board',
        note: `公示牌状态：${state}`,
      } satisfies PlantRecord;
    });
};

/** A few 低保 families of the county who are in no registered household: leads for 漏评 (DOMAIN §5). */
export const unregisteredLowIncome: PlantStep = (views, truth, rng) => {
  if (truth.registered.length < 10) return [];
  const heads = truth.pool.map((h) => ({ h, head: h.members[0] })).filter(({ head }) => head.status === 'normal' && ageAt(head.birth, truth.asOf) >= 30);
  const count = Math.min(heads.length, Math.max(1, Math.round(truth.registered.length / 30)));
  return rng
    .shuffle(heads)
    .slice(0, count)
    .map(({ h, head }) => {
      const size = h.members.filter((p) => p.status === 'normal').length;
      views.civilAffairs.push({
        householdId: null,
        personId: head.id,
        cells: { 姓名: head.name, 身份证号: head.id, 保障类别: '农村低保', 保障人数: size, 乡镇: h.village.township.name, 村: villageVariant(h.village.name, 'plain') },
      });
      return {
        category: 'omission',
        rule: 'low_income_not_registered',
        householdId: null,
        personId: head.id,
        field: 'presence',
        source: 'civil-affairs',
        note: `${h.village.township.name}${h.village.name}${head.name}家（${size}人）享受农村低保，不在任何建档立卡户中`,
      } satisfies PlantRecord;
    });
};

export const PLANT_STEPS: readonly PlantStep[] = [oldIdNumbers, excelDamagedIds, boardProblems, unregisteredLowIncome];

export function runPlants(views: Views, truth: Truth, rng: Rng, steps: readonly PlantStep[] = PLANT_STEPS): PlantRecord[] {
  return steps.flatMap((step, i) => step(views, truth, rng.fork(`plant/${i}`)));
}
