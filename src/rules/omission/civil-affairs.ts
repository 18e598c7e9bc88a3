/**
 * 漏评 leads (DOMAIN §5): a person on the civil-affairs roster (低保, 特困, 孤儿) living in the area — the
 * roster's township (or their hukou row's) lies in the national data's coverage — who is in no registered
 * household. Registered means: the person's valid ID is held by a person of a registered household in any
 * source; without a valid roster ID, the same name in a registered household of the same village. People whom
 * hukou shows as dead or moved out, or the deaths roster lists, are not leads. One finding per person.
 */
import type { Location } from '../../model/finding.js';
import { civilAffairs, hukou as hukouSpec } from '../../sources/index.js';
import type { CivilAffairsRecord, HukouRecord } from '../../sources/index.js';
import { nameKey } from '../shared/memo.js';
import { placeKey } from '../../normalize/place.js';
import type { Dataset, RegisteredHousehold } from '../../link/model.js';
import { VillageIndex, type Place } from '../../link/places.js';
import type { Rule, FindingDraft } from '../types.js';
import { location } from '../util.js';
import { aliveInHukou } from '../shared/members.js';
import { deadIds, registeredHukouNos, registeredPerson } from '../split-household/family.js';
import { perDataset } from '../shared/per-dataset.js';
import { rosterIdOf } from '../../link/rosters.js';

/**
 * Whether a place lies in the area the national data covers: its township is one the national data names (a
 * 低保 family in a village without registered households is still in the area), or, where the roster gives no
 * township, its village is one the national data names.
 */
function inNationalArea(ds: Dataset, p: Place): boolean {
  const c = ds.coverage.national;
  if (!c) return false;
  if (p.township && c.townships.size) return c.townships.has(placeKey(p.township));
  return !!p.village && c.villages.has(placeKey(p.village));
}

const villageIndexes = perDataset((ds) => new VillageIndex<RegisteredHousehold>(ds.households));

/** Without a valid ID: the same name in a registered household of the same village. */
function registeredByName(ds: Dataset, r: CivilAffairsRecord): boolean {
  if (!r.name) return false;
  const name = nameKey(r.name);
  return villageIndexes(ds).in(r).some((h) => h.people.some((p) => p.name !== null && nameKey(p.name) === name));
}

function draft(ds: Dataset, r: CivilAffairsRecord, hk: HukouRecord | null): FindingDraft {
  const id = r.idNumber?.id ?? null;
  const township = r.township ?? hk?.township ?? null;
  const village = r.village ?? hk?.village ?? null;
  const category = r.category ?? '保障类别不详';
  const count = r.count !== null ? `，保障人数${String(r.count)}人` : '';
  const idText = id ?? (r.idNumber ? `身份证号“${r.idNumber.raw}”无效，按姓名核对` : '无身份证号，按姓名核对');
  const sharing = hk?.householdNo ? (registeredHukouNos(ds).get(hk.householdNo) ?? []) : [];
  const evidence: FindingDraft['evidence'] = { 保障类别: category, 保障人数: r.count, 户籍户号: hk?.householdNo ?? null };
  if (sharing.length > 0) evidence['同户籍户的在册户'] = sharing.map((h) => `${h.householdId}（户主${h.headName ?? ''}）`).join('、');
  const values: FindingDraft['values'] = { 'civil-affairs': `${category}${count}`, national: '不在任何在册户中' };
  const locations: Location[] = [location('civil-affairs', r.loc, civilAffairs.fields.idNumber.label)];
  if (hk) {
    values.hukou = `户号 ${hk.householdNo ?? '不详'}`;
    locations.push(location('hukou', hk.loc, hukouSpec.fields.idNumber.label));
  }
  return {
    township,
    village,
    householdId: null,
    personId: id,
    name: r.name,
    subject: id ?? `${placeKey(township ?? '')}/${placeKey(village ?? '')}/${r.name ?? ''}`,
    field: 'presence',
    values,
    correct: null,
    message: `疑似漏评：${township ?? ''}${village ?? ''}的${r.name ?? '（无姓名）'}（${idText}）享受${category}${count}，但不在任何建档立卡户中${sharing.length > 0 ? '（与在册户同一户籍户）' : ''}，需入户核实`,
    suggestion: '入户核实该户家庭收入和“两不愁三保障”情况；符合条件的按程序纳入建档立卡或防返贫监测，不符合的说明原因',
    evidence,
    locations,
  };
}

export const civilAffairsOmission: Rule = {
  id: 'omission/civil-affairs',
  category: 'omission',
  title: '疑似漏评：低保、特困、孤儿不在建档立卡户中',
  description:
    '民政名单（低保、特困供养、孤儿）中居住在本次核查范围内（名单或户籍登记的村在国办系统数据覆盖的村中）的人，不在任何在册贫困户中（按有效身份证号；身份证号无效时按同村同名）。已纳入的低保贫困户不列；户籍显示已死亡、迁出或在死亡人员名单中的不列。这是需入户核实的线索；每人列一条。',
  severity: 'medium',
  *check(ds) {
    const seen = new Set<string>();
    for (const r of ds.rosters['civil-affairs']) {
      const id = rosterIdOf(ds.rosterLinks, r);
      if (id ? registeredPerson(ds, id, r.name) : registeredByName(ds, r)) continue;
      const hk = id ? (ds.hukou.byId.get(id) ?? null) : null;
      if ((hk && !aliveInHukou(hk)) || (id !== null && deadIds(ds).has(id))) continue;
      if (!inNationalArea(ds, r) && !(hk && inNationalArea(ds, hk))) continue;
      const d = draft(ds, r, hk);
      const key = d.subject ?? '';
      if (seen.has(key)) continue;
      seen.add(key);
      yield d;
    }
  },
};
