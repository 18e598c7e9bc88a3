/**
 * 错评 leads: a member of a registered household holds a car, an urban or commercial property or an active
 * business, or is on the public payroll (matched by valid ID). One finding per person and roster. Members who
 * died or moved out are left to the member rules (their removal is the fix, not a visit).
 */
import { KIND_LABELS } from '../../model/kinds.js';
import type { Dataset, Person, RegisteredHousehold } from '../../link/model.js';
import { relationLabel } from '../../normalize/relation.js';
import type { Rule, FindingDraft } from '../types.js';
import { personBase, personLocations } from '../util.js';
import { departureOf } from '../shared/members.js';
import { ASSET_KINDS, assetsOf, type Asset, type AssetKind } from './assets.js';
import { personIds } from '../shared/members.js';

const HOLDS: Record<AssetKind, string> = {
  vehicles: '名下登记有汽车',
  property: '名下登记有城镇或商业用房',
  business: '是在营企业（个体工商户）的法定代表人或投资人',
  payroll: '是财政供养人员',
};

const CHECK: Record<AssetKind, string> = {
  vehicles: '核实车辆是否为本户所有、购置时间和用途（营运、农用）及家庭实际收入；不符合识别标准的，按程序退出',
  property: '核实房产是否为本户所有、购置时间及家庭实际收入；在城镇购房或拥有商业用房不符合识别标准的，按程序退出',
  business: '核实企业实际经营情况和家庭收入；不符合识别标准的，按程序退出',
  payroll: '核实该成员是否为财政供养人员、是否与本户共同生活；财政供养人员家庭不应识别为贫困户，核实后按程序退出',
};

function relationOf(p: Person): string {
  const r = p.records.national?.relation ?? p.records['household-file']?.relation ?? p.records['one-book']?.relation ?? null;
  return r ? relationLabel(r) : '关系不详';
}

function draft(h: RegisteredHousehold, p: Person, kind: AssetKind, assets: readonly Asset[]): FindingDraft {
  const texts = assets.map((a) => a.text);
  const id = assets[0].holderId;
  const who = `${p.name ?? assets[0].holderName ?? '（无姓名）'}（${relationOf(p)}，身份证号 ${id}）`;
  return {
    ...personBase(h, p),
    personId: p.personId ?? id,
    subject: `${p.personId ?? p.key}|${kind}`,
    severity: kind === 'payroll' ? 'high' : undefined,
    field: 'asset',
    values: { national: `在册成员：${p.name ?? ''}（${relationOf(p)}）`, [kind]: texts.length === 1 ? texts[0] : texts },
    correct: null,
    message: `疑似错评：${h.headName ?? ''}户（户编号 ${h.householdId}）的成员${who}${HOLDS[kind]}：${texts.join('；')}，需入户核实`,
    suggestion: CHECK[kind],
    evidence: {
      成员: p.name,
      身份证号: id,
      与户主关系: relationOf(p),
      资产类型: KIND_LABELS[kind],
      资产明细: texts.join('；'),
    },
    locations: [...personLocations(p), ...assets.map((a) => a.location)],
  };
}

function* check(ds: Dataset, h: RegisteredHousehold): Generator<FindingDraft> {
  const seen = new Set<string>();
  for (const p of h.people) {
    const assets = personIds(p).flatMap((id) => assetsOf(ds, id));
    if (assets.length === 0 || departureOf(ds, h, p)) continue;
    for (const kind of ASSET_KINDS) {
      const mine = assets.filter((a) => a.kind === kind);
      // The linker may leave one member as two people (one per source): report the ID once.
      const key = `${mine[0]?.holderId ?? ''}|${kind}`;
      if (mine.length === 0 || seen.has(key)) continue;
      seen.add(key);
      yield draft(h, p, kind, mine);
    }
  }
}

export const memberAssets: Rule = {
  id: 'wrong-inclusion/member-assets',
  category: 'wrong_inclusion',
  title: '疑似错评：家庭成员有车、有房、办企业或为财政供养人员',
  description:
    '在册贫困户的家庭成员（按有效身份证号）出现在车辆登记（汽车，不含摩托车、三轮车、农用车）、不动产登记（城镇或商业用房）、工商登记（未注销、吊销的企业）或财政供养人员名单中。这是需入户核实的线索，不是结论；每人每类名单列一条。已死亡或迁出的成员不列（由应减未减规则处理）。',
  severity: 'medium',
  *check(ds) {
    for (const h of ds.households) yield* check(ds, h);
  },
};
