/** One person (valid ID) in two or more registered households of the national data, across all national files. */
import { national } from '../../sources/index.js';
import { relationLabel } from '../../normalize/relation.js';
import { nameOf } from '../../link/records.js';
import type { Dataset, RegisteredHousehold } from '../../link/model.js';
import type { Rule } from '../types.js';
import { location } from '../util.js';
import { nationalOccurrences, type Occurrence } from './national-ids.js';

const idLabel = (o: Occurrence) => (o.record.idNumber ? national.fields.idNumber : national.fields.headId).label;

function describe(o: Occurrence): string {
  const h = o.household;
  const relation = o.record.relation ? `，${relationLabel(o.record.relation)}` : '';
  return `户编号 ${h.householdId}（${h.township ?? ''}${h.village ?? ''}，户主${h.headName ?? ''}${relation}）`;
}

/** The registered households whose hukou households hold the person, by the hukou record of the ID. */
function hukouSide(ds: Dataset, id: string, households: readonly RegisteredHousehold[]): { no: string; matches: string[] } | null {
  const r = ds.hukou.byId.get(id);
  if (!r?.householdNo) return null;
  const no = r.householdNo;
  return { no, matches: households.filter((h) => h.hukouNos.includes(no)).map((h) => h.householdId) };
}

export const personInTwoHouseholds: Rule = {
  id: 'duplicate/person-in-two-households',
  category: 'duplicate',
  title: '同一人在多个贫困户中',
  description: '同一有效身份证号出现在国办系统的两个及以上户编号中（含多个国办系统文件之间），每人列一次。',
  severity: 'high',
  *check(ds) {
    for (const [id, list] of nationalOccurrences(ds)) {
      const households = [...new Set(list.map((o) => o.household))].sort((a, b) => (a.householdId < b.householdId ? -1 : 1));
      if (households.length < 2) continue;
      const shown = households.map((h) => describe(list.find((o) => o.household === h) ?? list[0]));
      const hukou = hukouSide(ds, id, households);
      const keep = hukou && hukou.matches.length === 1 ? hukou.matches[0] : null;
      // Filed under the household to correct: where hukou settles it, the first household that is not hers.
      const first = households.find((h) => keep !== null && h.householdId !== keep) ?? households[0];
      const firstRow = list.find((o) => o.household === first) ?? list[0];
      yield {
        township: first.township,
        village: first.village,
        householdId: first.householdId,
        personId: id,
        name: nameOf(firstRow.record),
        subject: id,
        field: 'member',
        values: { national: shown, ...(hukou ? { hukou: `户号 ${hukou.no}` } : {}) },
        correct: 'national',
        message: `${nameOf(firstRow.record) ?? ''}（${id}）同时在国办系统的 ${households.length} 个户中：${shown.join('；')}`,
        suggestion: keep
          ? `以户籍为准，此人应只保留在户编号 ${keep}，从国办系统的其他户中删除`
          : '核实此人实际所在户，在国办系统中只保留在一户，从其他户中删除',
        evidence: {
          所在户编号: households.map((h) => h.householdId).join('、'),
          ...(hukou ? { 户籍户号: hukou.no } : {}),
        },
        locations: list.map((o) => location('national', o.record.loc, idLabel(o))),
      };
    }
  },
};
