/**
 * 突击分户 / 分户造贫 (DOMAIN §5.1), the strong pattern, all three together:
 *  1. the household's hukou household was created by a split (变动类型 分户, or a 原户号 without another change
 *     type) on or after the policy's registration start, or within splitWindowDays before 首次识别时间;
 *  2. every living registered member is elderly (≥ policy ages.elderly at the as-of date);
 *  3. a child of a member (by 父/母公民身份号码, or the head of the former household) lives, alive, in a hukou
 *     household that holds nobody registered.
 * High when the child's hukou household has a car, an urban or commercial property or a business (rosters).
 */
import type { HukouRecord } from '../../sources/index.js';
import { hukou as hukouSpec } from '../../sources/index.js';
import type { Dataset, Person, RegisteredHousehold } from '../../link/model.js';
import { daysFromCivil, parseIso } from '../../normalize/calendar.js';
import { birthOf } from '../../link/records.js';
import { compact } from '../shared/memo.js';
import type { Rule, FindingDraft } from '../types.js';
import { householdBase, location } from '../util.js';
import { aliveInHukou, departureOf } from '../shared/members.js';
import { at } from '../shared/display.js';
import { householdValue } from '../shared/household-value.js';
import { assetsOf, assetsText, type Asset } from '../wrong-inclusion/assets.js';
import { ageOn, childrenByParent, isRegistered, livingMembers, personBirth } from './family.js';
import { personIds } from '../shared/members.js';

interface Split {
  no: string;
  date: string;
  former: string | null;
  /** Chinese: why the date is suspect. */
  why: string;
  row: HukouRecord;
}

interface Child {
  row: HukouRecord;
  /** Chinese: how the child was found. */
  via: string;
  assets: Asset[];
}

/** Change types that are not a split even when a 原户号 is given (moves, deaths, merges, births). */
const OTHER_CHANGE = /迁入|迁出|死亡|注销|并户|出生|更正/;

function isSplitRow(r: HukouRecord): boolean {
  const type = r.changeType ? compact(r.changeType) : '';
  return type.includes('分户') || (!!r.formerHouseholdNo && !OTHER_CHANGE.test(type));
}

const days = (iso: string): number | null => {
  const d = parseIso(iso);
  return d ? daysFromCivil(d) : null;
};

function firstIdentified(h: RegisteredHousehold): string | null {
  return householdValue(h.national, (r) => r.firstIdentified, (d) => d, (d) => d)?.value ?? null;
}

/** The household's hukou households created by a split at a suspect time. */
function suspectSplits(ds: Dataset, h: RegisteredHousehold): Split[] {
  const start = ds.policy.registrationStart.value;
  const window = ds.policy.splitWindowDays.value;
  const identified = firstIdentified(h);
  const out: Split[] = [];
  for (const no of h.hukouNos) {
    const rows = ds.hukou.byHouseholdNo.get(no) ?? [];
    const row = rows.find(isSplitRow);
    const date = row ? (row.changeDate ?? rows.find((r) => r.created)?.created ?? null) : null;
    if (!row || !date) continue;
    let why: string | null = null;
    if (date >= start) why = `分户日期不早于建档立卡开始日期（${start}）`;
    else if (identified) {
      const before = (days(identified) ?? 0) - (days(date) ?? 0);
      if (before >= 0 && before <= window) why = `分户日期在首次识别时间（${identified}）之前${String(before)}天，在${String(window)}天的核查时间窗内`;
    }
    if (why) out.push({ no, date, former: row.formerHouseholdNo, why, row });
  }
  return out;
}

/** Children of the members living apart in an unregistered hukou household, with that household's assets. */
function childrenApart(ds: Dataset, h: RegisteredHousehold, members: readonly Person[], splits: readonly Split[]): Child[] {
  const memberIds = new Set(members.flatMap(personIds));
  const found = new Map<HukouRecord, string>();
  for (const id of memberIds) {
    for (const r of childrenByParent(ds).get(id) ?? []) {
      if (!found.has(r)) found.set(r, `户籍“${r.fatherId?.id === id ? '父亲' : '母亲'}公民身份号码”为本户成员`);
    }
  }
  // The former household's head, younger than every member: presumably the child the elderly split from.
  const births = members.map(personBirth);
  const youngest = births.reduce<string>((a, b) => (b !== null && b > a ? b : a), '');
  for (const s of splits) {
    const head = s.former ? ds.hukou.byHouseholdNo.get(s.former)?.find((r) => r.relation === 'head') : undefined;
    const birth = head ? birthOf(head) : null;
    if (head && birth && birth > youngest && !found.has(head)) found.set(head, `原户号 ${s.former ?? ''} 的户主（疑为子女）`);
  }
  const out: Child[] = [];
  for (const [row, via] of found) {
    const id = row.idNumber?.id;
    if ((id && memberIds.has(id)) || !aliveInHukou(row) || isRegistered(ds, row)) continue;
    const household = row.householdNo ? (ds.hukou.byHouseholdNo.get(row.householdNo) ?? [row]) : [row];
    const assets = household
      .flatMap((r) => (r.idNumber?.id ? assetsOf(ds, r.idNumber.id) : []))
      .filter((a) => a.kind !== 'payroll');
    out.push({ row, via, assets });
  }
  return out;
}

/**
 * `livingMembers` not empty and every one of known age and elderly, without listing them: stops at the first
 * living member who is not, and looks up departures only where they can change the answer.
 */
function allElderly(ds: Dataset, h: RegisteredHousehold, elderly: number): boolean {
  let someoneLiving = false;
  for (const p of h.people) {
    if (!p.records.national) continue;
    const age = ageOn(personBirth(p), ds.asOf);
    const old = age !== null && age >= elderly;
    if (old && someoneLiving) continue;
    if (departureOf(ds, h, p)) continue;
    if (!old) return false;
    someoneLiving = true;
  }
  return someoneLiving;
}

function childText(c: Child): string {
  return `${c.row.name ?? '（无姓名）'}（${c.row.idNumber?.raw ?? '身份证号不详'}，户号 ${c.row.householdNo ?? '不详'}）`;
}

function draft(ds: Dataset, h: RegisteredHousehold, ages: string, splits: Split[], children: Child[]): FindingDraft {
  const elderly = ds.policy.ages.elderly.value;
  const s = splits[0];
  const assets = children.flatMap((c) => c.assets);
  const from = s.former ? `由户号 ${s.former} 分出` : '分户设立';
  const kids = children.map(childText).join('、');
  const owned = assets.length > 0 ? `，子女所在户有${assetsText(assets)}` : '';
  const values: FindingDraft['values'] = {
    national: `在册成员均为${String(elderly)}周岁以上：${ages}`,
    hukou: splits.map((x) => `户号 ${x.no} 于 ${x.date} ${x.former ? `由户号 ${x.former} 分出` : '分户设立'}`).join('；'),
  };
  for (const a of assets) values[a.kind] = assetsText(assets.filter((x) => x.kind === a.kind));
  return {
    ...householdBase(h),
    severity: assets.length > 0 ? 'high' : 'medium',
    field: 'member',
    values,
    correct: null,
    message: `疑似分户造贫：${h.headName ?? ''}户（户编号 ${h.householdId}）的户籍户（户号 ${s.no}）于 ${s.date} ${from}（${s.why}），在册成员均为${String(elderly)}周岁以上老人（${ages}），其子女${kids}在未建档立卡的户籍户中${owned}，需入户核实`,
    suggestion: '核实分户时间、原因及子女赡养情况；属为享受政策突击分户的，应将赡养人家庭收入计入核算，不符合条件的按程序退出',
    evidence: {
      户籍户号: splits.map((x) => x.no).join('、'),
      分户日期: splits.map((x) => x.date).join('、'),
      原户号: splits.map((x) => x.former ?? '（未填）').join('、'),
      首次识别时间: firstIdentified(h),
      成员年龄: ages,
      子女: kids,
      子女查找依据: children.map((c) => c.via).join('；'),
      子女户资产: assets.length > 0 ? assetsText(assets) : '名单中未发现',
    },
    locations: [
      ...h.national.map((r) => at('national', r.loc, 'firstIdentified')),
      ...splits.map((x) => location('hukou', x.row.loc, x.row.changeType ? hukouSpec.fields.changeType.label : hukouSpec.fields.formerHouseholdNo.label)),
      ...children.map((c) => location('hukou', c.row.loc, hukouSpec.fields.idNumber.label)),
      ...assets.map((a) => a.location),
    ],
  };
}

export const splitElderly: Rule = {
  id: 'split-household/split-elderly',
  category: 'split_household',
  title: '疑似分户造贫：老人分户单独识别',
  description:
    '户籍户在建档立卡开始之后（或首次识别前的核查时间窗内）分户设立，在册成员全部为老年人，而其子女（按户籍父母身份号码或原户号查找）在未建档立卡的户籍户中。子女所在户有车、房或企业时列为高。这是需入户核实的线索：分户早于建档立卡、子女不在本地或子女本身是贫困户的，不列。',
  severity: 'medium',
  *check(ds) {
    const elderly = ds.policy.ages.elderly.value;
    for (const h of ds.households) {
      if (!allElderly(ds, h, elderly)) continue;
      const members = livingMembers(ds, h);
      const ages = members.map((p) => ageOn(personBirth(p), ds.asOf));
      const splits = suspectSplits(ds, h);
      if (splits.length === 0) continue;
      const children = childrenApart(ds, h, members, splits);
      if (children.length === 0) continue;
      const shown = members.map((p, i) => `${p.name ?? '（无姓名）'} ${String(ages[i])}岁`).join('、');
      yield draft(ds, h, shown, splits, children);
    }
  },
};
