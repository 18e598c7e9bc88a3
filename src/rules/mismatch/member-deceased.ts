/**
 * 应减未减: a member whom hukou shows as dead, moved out or cancelled (人员状态), or whom the deaths roster
 * lists, still counted by the national record, the archive or the handbook. One finding per person and source.
 */
import type { Rule, FindingDraft } from '../types.js';
import type { Dataset, Person, PersonKind, RegisteredHousehold } from '../../link/model.js';
import { idOf, nameOf } from '../../link/records.js';
import { deaths } from '../../sources/index.js';
import { location, personBase } from '../util.js';
import { at, label, personText } from '../shared/display.js';
import { aliveInHukou, departureOf, hukouOf, type Departure } from '../shared/members.js';

const LISTING: readonly PersonKind[] = ['national', 'household-file', 'one-book'];

function basis(d: Departure): string {
  const parts: string[] = [];
  if (d.hukou) parts.push(`户籍人员状态为“${d.status}”${d.hukou.changeDate ? `（变动日期 ${d.hukou.changeDate}）` : ''}`);
  if (d.death) parts.push(`死亡人员名单有此人${d.death.deathDate ? `（死亡日期 ${d.death.deathDate}）` : ''}`);
  return parts.join('，');
}

function draft(ds: Dataset, h: RegisteredHousehold, p: Person, d: Departure, kind: PersonKind): FindingDraft {
  const r = p.records[kind];
  const who = r ? personText(nameOf(r), idOf(r)) : (p.name ?? '');
  const values: FindingDraft['values'] = { [kind]: `仍在册：${who}` };
  const evidence: FindingDraft['evidence'] = { 人员状态: d.status };
  const locations = r ? [at(kind, r.loc, 'name')] : [];
  if (d.hukou) {
    values.hukou = d.status;
    evidence['户籍变动日期'] = d.hukou.changeDate;
    locations.push(at('hukou', d.hukou.loc, 'personStatus'));
  }
  if (d.death) {
    values.deaths = d.death.deathDate ? `死亡（${d.death.deathDate}）` : '死亡';
    evidence['死亡日期'] = d.death.deathDate;
    locations.push(location('deaths', d.death.loc, deaths.fields.deathDate.label));
    const linked = d.death.idNumber?.id ? null : ds.rosterLinks.get(d.death);
    if (linked) evidence['死亡人员名单关联方式'] = linked.note;
  }
  // Known from the deaths roster alone: hukou, where it holds the person, still shows them living.
  const living = d.hukou ? null : hukouOf(ds, h, p);
  if (living && aliveInHukou(living)) {
    values.hukou = '正常（未注销）';
    evidence['户籍人员状态'] = '正常';
    locations.push(at('hukou', living.loc, 'personStatus'));
  }
  if (p.links[kind]) evidence['关联方式'] = p.links[kind].note;
  const action = d.status === '迁出' ? '迁出减员' : d.status === '注销' ? '注销减员' : '死亡减员';
  const where = kind === 'national' ? '国办系统' : label(kind);
  const suggestion = d.hukou
    ? `以户籍为准，在${where}中为该成员办理${action}，并更新家庭人口`
    : `以死亡人员名单为准（核实后），在${where}中为该成员办理死亡减员，并更新家庭人口${values.hukou ? '；户籍仍登记为正常，请户籍部门核实后办理死亡注销' : ''}`;
  return {
    ...personBase(h, p),
    field: 'member',
    values,
    correct: kind,
    message: `${who}${basis(d)}，${label(kind)}仍将其列为本户成员（应减未减）`,
    suggestion,
    evidence,
    locations,
  };
}

function* check(ds: Dataset, h: RegisteredHousehold): Generator<FindingDraft> {
  for (const p of h.people) {
    const d = departureOf(ds, h, p);
    if (!d) continue;
    for (const kind of LISTING) if (p.records[kind]) yield draft(ds, h, p, d, kind);
  }
}

export const memberDeceased: Rule = {
  id: 'mismatch/member-deceased',
  category: 'mismatch',
  title: '应减未减（死亡、迁出人员仍在册）',
  description:
    '户籍人员状态为死亡、迁出或注销，或在死亡人员名单中的人，国办系统、一户一档或《一本通》仍将其列为家庭成员。每人每个来源列一条。',
  severity: 'high',
  *check(ds) {
    for (const h of ds.households) yield* check(ds, h);
  },
};
