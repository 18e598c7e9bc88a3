/**
 * Archive and handbook households and notice boards that match no registered household: one finding each,
 * keyed by township + village + head name (and the head's ID where the source has it). Households whose link
 * was ambiguous are reported as such by the linker, not here.
 */
import type { Location } from '../../model/finding.js';
import type { Rule, FindingDraft } from '../types.js';
import type { SourceHousehold } from '../../link/model.js';
import type { HouseholdFileRecord, OneBookRecord, BoardRecord } from '../../sources/index.js';
import { nameOf } from '../../link/records.js';
import { label, at, idText, ambiguousRecord } from '../shared/display.js';

type HeldKind = 'household-file' | 'one-book' | 'notice-board';

interface Unregistered {
  kind: HeldKind;
  township: string | null;
  village: string | null;
  headName: string | null;
  headId: string | null;
  headIdText: string | null;
  size: number | null;
  members: string[];
  locations: Location[];
}

function fromGroup(kind: 'household-file' | 'one-book', g: SourceHousehold<HouseholdFileRecord | OneBookRecord>): Unregistered {
  const head = g.rows.find((r) => r.relation === 'head') ?? null;
  const headIdRec = g.rows.find((r) => r.headId)?.headId ?? head?.idNumber ?? null;
  return {
    kind,
    township: g.township,
    village: g.village,
    headName: g.headName,
    headId: headIdRec?.id ?? null,
    headIdText: headIdRec ? idText(headIdRec) : null,
    size: g.rows.length,
    members: g.rows.map((r) => nameOf(r) ?? '（无姓名）'),
    locations: g.rows.map((r) => at(kind, r.loc)),
  };
}

function fromBoard(b: BoardRecord): Unregistered {
  return {
    kind: 'notice-board',
    township: b.township,
    village: b.village,
    headName: b.headName,
    headId: b.headId?.id ?? null,
    headIdText: b.headId ? idText(b.headId) : null,
    size: b.householdSize,
    members: [],
    locations: [at('notice-board', b.loc, 'headName')],
  };
}

const REMOVE: Record<HeldKind, string> = {
  'household-file': '核实该户：如不是建档立卡贫困户，从一户一档中删除该户档案',
  'one-book': '核实该户：如不是建档立卡贫困户，收回或注销该户《一本通》',
  'notice-board': '核实该户：如不是建档立卡贫困户，撤下该公示牌并从公示牌台账中删除',
};

function draft(u: Unregistered): FindingDraft {
  const where = [u.township, u.village].filter(Boolean).join('');
  const who = `${where}户主为${u.headName ?? '（无姓名）'}${u.headIdText ? `（${u.headIdText}）` : ''}的家庭`;
  const evidence: FindingDraft['evidence'] = { 户主: u.headName, 户主身份证号: u.headIdText };
  if (u.kind === 'notice-board') evidence['公示牌家庭人口'] = u.size;
  else {
    evidence['成员行数'] = u.size;
    evidence['成员'] = u.members.join('、');
  }
  return {
    township: u.township,
    village: u.village,
    householdId: null,
    personId: null,
    name: u.headName,
    subject: u.headId ?? undefined,
    field: 'presence',
    values: { [u.kind]: `有（户主${u.headName ?? '（无姓名）'}）`, national: '无' },
    correct: u.kind,
    message: `${label(u.kind)}中有${who}，国办系统中没有对应的在册户`,
    suggestion: `${REMOVE[u.kind]}；如该户应当纳入，须按识别程序申报，经审核后录入国办系统，不得只在${label(u.kind)}中登记`,
    evidence,
    locations: u.locations,
  };
}

export const householdUnregistered: Rule = {
  id: 'mismatch/household-unregistered',
  category: 'mismatch',
  title: '非在册户出现在其他来源中',
  description:
    '一户一档、《一本通》或公示牌中的家庭，在国办系统中找不到对应的在册贫困户（按户主身份证号、成员或乡镇、村和户主姓名都对不上）。每户（每块公示牌）列一条。',
  severity: 'high',
  *check(ds) {
    const groups = [
      ...ds.unattached.archive.map((g) => ['household-file', g] as const),
      ...ds.unattached.oneBook.map((g) => ['one-book', g] as const),
    ];
    for (const [kind, g] of groups) {
      if (g.rows.length === 0 || ambiguousRecord(ds, kind, g.rows[0].loc)) continue;
      yield draft(fromGroup(kind, g));
    }
    for (const b of ds.unattached.boards) yield draft(fromBoard(b));
  },
};
