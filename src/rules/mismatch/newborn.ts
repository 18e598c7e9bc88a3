/**
 * 应增未增: a child or grandchild of the head, born on or after the household's first identification, living
 * in its hukou household with status 正常, whom the national record does not list.
 * Kinship comes from hukou: the relation to the hukou head when that head is the registered head, else the
 * 父亲/母亲公民身份号码 columns pointing at the head, the spouse, or a child of the head living with the head
 * (or heading the newborn's hukou household). Anything else (nephews, the households of children married out)
 * is left alone.
 */
import type { Relation } from '../../normalize/types.js';
import type { HukouRecord } from '../../sources/index.js';
import type { Dataset, RegisteredHousehold } from '../../link/model.js';
import type { Rule, FindingDraft } from '../types.js';
import { relationLabel } from '../../normalize/relation.js';
import { householdBase } from '../util.js';
import { householdValue } from '../shared/household-value.js';
import { at, label } from '../shared/display.js';
import { aliveInHukou, headPerson, hukouHeadIsRegisteredHead, hukouHeadRow, registeredHouseholdOf } from '../shared/members.js';

export interface Newborn {
  kin: 'child' | 'grandchild';
  /** Chinese: how the kinship was established. */
  how: string;
  birth: string;
  since: string;
  /** Chinese: what `since` is (该户首次识别时间 / 建档立卡起始日期). */
  sinceName: string;
  /** Chinese evidence label saying where `since` comes from. */
  sinceFrom: string;
}

const CHILD: readonly Relation[] = ['son', 'daughter'];
const GRANDCHILD: readonly Relation[] = ['grandson', 'granddaughter', 'grandchild'];
const CHILD_IN_HOUSEHOLD: readonly Relation[] = ['son', 'daughter', 'sonInLaw', 'daughterInLaw'];

function kinOf(ds: Dataset, h: RegisteredHousehold, r: HukouRecord): Pick<Newborn, 'kin' | 'how'> | null {
  if (r.relation && hukouHeadIsRegisteredHead(ds, h, r.householdNo)) {
    const text = `户籍登记为户主${relationLabel(r.relation)}`;
    if (CHILD.includes(r.relation)) return { kin: 'child', how: text };
    if (GRANDCHILD.includes(r.relation)) return { kin: 'grandchild', how: text };
  }
  const headNo = headPerson(h)?.records.hukou?.householdNo ?? null;
  for (const [parent, pid] of [['父亲', r.fatherId?.id], ['母亲', r.motherId?.id]] as const) {
    if (!pid) continue;
    const m = h.people.find((p) => p.personId === pid && p.records.national);
    const rel = m?.records.national?.relation;
    if (!m || !rel) continue;
    const how = `户籍登记的${parent}${m.name ?? ''}（${pid}）为本户${relationLabel(rel)}`;
    if (rel === 'head' || rel === 'spouse') return { kin: 'child', how };
    const withHead = r.householdNo !== null && r.householdNo === headNo;
    const headsOwn = m.records.hukou !== undefined && hukouHeadRow(ds, r.householdNo) === m.records.hukou;
    if (CHILD_IN_HOUSEHOLD.includes(rel) && (withHead || headsOwn)) return { kin: 'grandchild', how };
  }
  return null;
}

/** The household's 首次识别时间 (national), else the policy's start of registration. */
function identifiedSince(ds: Dataset, h: RegisteredHousehold): Pick<Newborn, 'since' | 'sinceName' | 'sinceFrom'> {
  const v = householdValue(h.national, (r) => r.firstIdentified, (d) => d, (d) => d);
  if (v) return { since: v.value, sinceName: '该户首次识别时间', sinceFrom: '首次识别时间（国办系统）' };
  return {
    since: ds.policy.registrationStart.value,
    sinceName: '建档立卡起始日期',
    sinceFrom: '建档立卡起始日期（国办系统未填首次识别时间）',
  };
}

/** Whether a hukou resident left out of the registered household is a newborn it should have added. */
export function newbornOf(ds: Dataset, h: RegisteredHousehold, r: HukouRecord): Newborn | null {
  const birth = r.birthDate ?? r.idNumber?.birthDate ?? null;
  if (!birth || !aliveInHukou(r)) return null;
  const id = r.idNumber?.id;
  if (id && registeredHouseholdOf(ds, id) !== null) return null;
  const since = identifiedSince(ds, h);
  if (birth < since.since) return null;
  const kin = kinOf(ds, h, r);
  return kin ? { ...kin, birth, ...since } : null;
}

const KIN_TEXT = { child: '子女', grandchild: '孙子女' } as const;

function draft(h: RegisteredHousehold, r: HukouRecord, n: Newborn): FindingDraft {
  const id = r.idNumber?.id ?? null;
  const name = r.name ?? '（无姓名）';
  const listedBy = h.people
    .filter((p) => id !== null && p.personId === id)
    .flatMap((p) => (['household-file', 'one-book'] as const).filter((k) => p.records[k]).map(label));
  const evidence: FindingDraft['evidence'] = {
    户号: r.householdNo,
    出生日期: n.birth,
    亲属关系: n.how,
    [n.sinceFrom]: n.since,
  };
  if (listedBy.length) evidence['已列入该成员的来源'] = listedBy.join('、');
  const head = h.national.find((x) => x.relation === 'head') ?? h.national[0];
  return {
    ...householdBase(h),
    personId: id,
    name: r.name,
    subject: id ?? `${h.householdId}|${name}`,
    field: 'member',
    values: { hukou: `${name}（${r.idNumber?.raw ?? '无身份证号'}），${n.birth}出生`, national: '无' },
    correct: 'national',
    message: `户籍中${name}（${n.birth}出生）是户主${h.headName ?? ''}的${KIN_TEXT[n.kin]}，出生于${n.sinceName}（${n.since}）之后，国办系统该户没有此人（应增未增）`,
    suggestion: '以户籍为准，在国办系统中为该户办理新增人口，并同步更新一户一档和《一本通》',
    evidence,
    locations: [at('hukou', r.loc, 'name'), at('national', head.loc)],
  };
}

export const newborn: Rule = {
  id: 'mismatch/newborn',
  category: 'mismatch',
  title: '应增未增（新增人口未录入）',
  description:
    '户籍中与户主同户（或父母为本户成员）的子女、孙子女，人员状态正常，出生于该户首次识别时间（未填时为建档立卡起始日期）之后，国办系统该户却没有此人。',
  severity: 'medium',
  *check(ds) {
    for (const h of ds.households) {
      // Left out of the household in hukou terms, or listed by the archive or handbook but not by national.
      const notNational = h.people.flatMap((p) => (p.records.hukou && !p.records.national ? [p.records.hukou] : []));
      for (const r of [...h.hukouOthers, ...notNational]) {
        const n = newbornOf(ds, h, r);
        if (n) yield draft(h, r, n);
      }
    }
  },
};
