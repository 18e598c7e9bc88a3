/**
 * 错评 leads: the head's parents, spouse or children who are not members of the registered household but are
 * on the public payroll — found through hukou: the head's 父亲/母亲/配偶公民身份号码, rows naming the head as
 * father or mother, and the 与户主关系 of the head's hukou household. One finding per relative.
 */
import type { Location } from '../../model/finding.js';
import type { HukouRecord } from '../../sources/index.js';
import { hukou } from '../../sources/index.js';
import type { Relation } from '../../normalize/types.js';
import type { Dataset, RegisteredHousehold } from '../../link/model.js';
import type { Rule, FindingDraft } from '../types.js';
import { householdBase, location } from '../util.js';
import { headPerson, hukouHeadIsRegisteredHead } from '../shared/members.js';
import { childrenByParent } from '../split-household/family.js';
import { personIds } from '../shared/members.js';
import { assetsOf } from './assets.js';

interface Relative {
  id: string;
  name: string | null;
  /** Chinese: 父亲, 母亲, 配偶, 子女. */
  relation: string;
  /** Chinese: which hukou data says so. */
  basis: string;
  loc: Location | null;
}

/** Relation to the hukou head → relation to the registered head, when the two heads are the same person. */
const AS_HEAD: Partial<Record<Relation, string>> = {
  spouse: '配偶',
  son: '子女',
  daughter: '子女',
  father: '父亲',
  mother: '母亲',
  parent: '父母',
};

const rowLoc = (r: HukouRecord, key: 'fatherId' | 'motherId' | 'spouseId' | 'relation' | 'idNumber') =>
  location('hukou', r.loc, hukou.fields[key].label);

/**
 * The head's relatives as hukou shows them (members of the registered household included), those whose ID
 * `wanted` accepts: each relative as first found.
 */
function relativesOfHead(ds: Dataset, h: RegisteredHousehold, wanted: (id: string) => boolean): Relative[] {
  const head = headPerson(h);
  if (!head) return [];
  const found = new Map<string, Relative>();
  const add = (id: string | null | undefined, relation: string, basis: string, row: HukouRecord | null, loc: Location | null) => {
    if (!id || found.has(id) || !wanted(id)) return;
    found.set(id, { id, name: row?.name ?? ds.hukou.byId.get(id)?.name ?? null, relation, basis, loc });
  };
  const headIds = personIds(head);
  const headRow = head.records.hukou ?? headIds.map((id) => ds.hukou.byId.get(id)).find((r) => r !== undefined) ?? null;
  if (headRow) {
    const named = (key: 'fatherId' | 'motherId' | 'spouseId', relation: string) => {
      const id = headRow[key]?.id;
      if (!id || !wanted(id)) return;
      add(id, relation, `户主户籍记录的“${hukou.fields[key].label}”`, id ? (ds.hukou.byId.get(id) ?? null) : null, rowLoc(headRow, key));
    };
    named('fatherId', '父亲');
    named('motherId', '母亲');
    named('spouseId', '配偶');
  }
  for (const id of headIds) {
    for (const child of childrenByParent(ds).get(id) ?? []) {
      const key = child.fatherId?.id === id ? 'fatherId' : 'motherId';
      add(child.idNumber?.id, '子女', `子女户籍记录的“${hukou.fields[key].label}”为户主`, child, rowLoc(child, key));
    }
  }
  for (const no of h.hukouNos) {
    const rows = ds.hukou.byHouseholdNo.get(no) ?? [];
    const basis = '户籍“与户主关系”';
    if (hukouHeadIsRegisteredHead(ds, h, no)) {
      for (const r of rows) {
        const relation = r.relation ? AS_HEAD[r.relation] : undefined;
        if (relation) add(r.idNumber?.id, relation, basis, r, rowLoc(r, 'relation'));
      }
    } else if (headRow?.householdNo === no && (headRow.relation === 'father' || headRow.relation === 'mother' || headRow.relation === 'parent')) {
      // The registered head is the hukou head's parent: the hukou head and their siblings are the head's children.
      for (const r of rows) {
        if (r.relation === 'head' || r.relation === 'sibling') add(r.idNumber?.id, '子女', `${basis}（户主是该户籍户户主的父母）`, r, rowLoc(r, 'relation'));
      }
    }
  }
  return [...found.values()];
}

function draft(h: RegisteredHousehold, rel: Relative, employers: readonly string[], locs: Location[]): FindingDraft {
  const name = rel.name ?? '（无姓名）';
  const work = employers.join('；');
  return {
    ...householdBase(h),
    personId: rel.id,
    name,
    subject: `${rel.id}|payroll`,
    field: 'asset',
    values: { hukou: `户主的${rel.relation}：${name}（${rel.id}）`, payroll: employers.length === 1 ? employers[0] : [...employers] },
    correct: null,
    message: `疑似错评：${h.headName ?? ''}户（户编号 ${h.householdId}）户主的${rel.relation}${name}（身份证号 ${rel.id}）不在本户成员中，但是财政供养人员（${work}），需入户核实其赡养（抚养）能力及是否与本户共同生活`,
    suggestion: '核实该亲属是否与本户共同生活、共同收支及赡养（抚养）义务的履行情况；确属有赡养能力的财政供养人员家庭，按程序退出',
    evidence: { 亲属: name, 身份证号: rel.id, 与户主关系: rel.relation, 关系依据: rel.basis, 工作单位: work },
    locations: [...(rel.loc ? [rel.loc] : []), ...locs],
  };
}

export const relativePayroll: Rule = {
  id: 'wrong-inclusion/relative-payroll',
  category: 'wrong_inclusion',
  title: '疑似错评：户主的父母、配偶或子女为财政供养人员',
  description:
    '按户籍数据（父亲、母亲、配偶公民身份号码，子女记录中的父母身份号码，户籍“与户主关系”）找到户主的父母、配偶和子女；其中不在本户成员中、但在财政供养人员名单中的人，列为需入户核实的线索。每位亲属列一条。',
  severity: 'medium',
  *check(ds) {
    const onPayroll = (id: string) => assetsOf(ds, id).some((a) => a.kind === 'payroll');
    for (const h of ds.households) {
      let members: Set<string> | null = null;
      for (const rel of relativesOfHead(ds, h, onPayroll)) {
        const paid = assetsOf(ds, rel.id).filter((a) => a.kind === 'payroll');
        // Relatives who are members of the household are the member rules' business.
        members ??= new Set(h.people.flatMap(personIds));
        if (members.has(rel.id)) continue;
        yield draft(h, rel, paid.map((a) => a.text), paid.map((a) => a.location));
      }
    }
  },
};
