/**
 * Damage of the format kind in the archive's ID cells (DOMAIN §3.1, §6): IDs typed into numeric cells that
 * lost their last digits, and the old 15-digit IDs of elderly members. Data-quality findings both; they
 * share households with plants that leave the archive alone.
 */
import { yearOf } from '../dates.js';
import { toOldId } from '../ids.js';
import type { ViewRow } from '../views.js';
import type { PlantContext, PlantStep } from './context.js';

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

/** Archive member rows still holding the person's ID as typed, in households no archive plant has claimed. */
function archiveRows(ctx: PlantContext): ViewRow[] {
  const open = new Set(ctx.truth.registered.filter((h) => ctx.freeOf(h, 'archive')).map((h) => h.code));
  return ctx.views.householdFile.flatMap((s) => s.rows).filter((r) => r.householdId !== null && open.has(r.householdId) && r.personId !== null && r.cells['成员身份证号'] === r.personId);
}

/** Some member IDs of the archive typed into numeric cells: the last three digits are lost. */
export const excelDamagedIds: PlantStep = (ctx) => {
  const candidates = archiveRows(ctx).filter((r) => !(r.personId ?? '').endsWith('X'));
  const count = Math.min(candidates.length, Math.max(2, Math.round(candidates.length * 0.04)));
  for (const r of ctx.rng.shuffle([...candidates]).slice(0, count)) {
    const id = r.personId ?? '';
    const fmt = ctx.rng.chance(0.5) ? 'General' : '0';
    r.cells['成员身份证号'] = { num: excelDamagedValue(id), fmt };
    ctx.plant({
      category: 'data_quality',
      rule: 'id_excel_damaged',
      householdId: r.householdId,
      personId: id,
      field: 'idNumber',
      source: 'household-file',
      note: `成员身份证号以数字保存（格式 ${fmt}），只剩前15位：${id.slice(0, 15)}000`,
    });
  }
};

/** Elderly members whose archive row still has the 15-digit ID issued before 1999. */
export const oldIdNumbers: PlantStep = (ctx) => {
  const births = new Map<string, number>();
  for (const h of ctx.truth.registered) for (const m of h.members) births.set(m.person.id, m.person.birth);
  const elderly = archiveRows(ctx).filter((r) => {
    const birth = r.personId ? births.get(r.personId) : undefined;
    return birth !== undefined && yearOf(birth) < 1956;
  });
  const count = Math.min(elderly.length, Math.max(1, Math.round(elderly.length * 0.15)));
  for (const r of ctx.rng.shuffle([...elderly]).slice(0, count)) {
    const id = r.personId ?? '';
    r.cells['成员身份证号'] = toOldId(id);
    ctx.plant({
      category: 'data_quality',
      rule: 'id_15_digit',
      householdId: r.householdId,
      personId: id,
      field: 'idNumber',
      source: 'household-file',
      note: `成员身份证号为15位旧号码：${toOldId(id)}，应升为18位`,
    });
  }
};
