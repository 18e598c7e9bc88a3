/**
 * A member present in some sources and absent from others that hold the household. Hukou decides who the
 * members are: a living hukou member missing from a source → that source adds them; a person hukou does not
 * hold in the household → each source listing them removes them (after a check). Without hukou data the
 * national record decides. One finding per person and source to correct; people who died or moved out are
 * member-deceased's, newborns missing from the national record are newborn's.
 */
import type { Location } from '../../model/finding.js';
import type { Dataset, Person, PersonKind, RegisteredHousehold } from '../../link/model.js';
import type { HukouRecord } from '../../sources/index.js';
import { idOf, nameOf } from '../../link/records.js';
import { PERSON_STATUS_LABELS } from '../../normalize/person-status.js';
import type { Rule, FindingDraft } from '../types.js';
import { personBase, personLocations } from '../util.js';
import { at, label, personText, ambiguousFor, ambiguousRecord } from '../shared/display.js';
import { aliveInHukou, departureOf, hukouOfGroup, memberKinds, membersOf } from '../shared/members.js';
import { newbornOf } from './newborn.js';

/** Where the household starts in a source: the place to add a member. */
function householdLoc(ds: Dataset, h: RegisteredHousehold, kind: PersonKind): Location | null {
  switch (kind) {
    case 'national': {
      const r = h.national.find((x) => x.relation === 'head') ?? h.national[0];
      return r ? at('national', r.loc) : null;
    }
    case 'household-file':
      return h.archive?.rows[0] ? at('household-file', h.archive.rows[0].loc) : null;
    case 'one-book':
      return h.oneBook?.rows[0] ? at('one-book', h.oneBook.rows[0].loc) : null;
    case 'hukou': {
      const r = h.hukouNos.flatMap((no) => ds.hukou.byHouseholdNo.get(no) ?? [])[0];
      return r ? at('hukou', r.loc) : null;
    }
  }
}

/** One member: the person records the linker left apart (see membersOf), and their hukou row. */
interface Case {
  ds: Dataset;
  h: RegisteredHousehold;
  group: Person[];
  kinds: PersonKind[];
  hukou: HukouRecord | null;
}

function recordOf(c: Case, k: PersonKind) {
  return k === 'hukou' ? c.hukou : (c.group.find((q) => q.records[k])?.records[k] ?? null);
}

const present = (c: Case, k: PersonKind) => recordOf(c, k) !== null;

function values(c: Case): FindingDraft['values'] {
  const out: FindingDraft['values'] = {};
  for (const k of c.kinds) {
    const r = recordOf(c, k);
    out[k] = r ? personText(nameOf(r), idOf(r)) : '无';
  }
  return out;
}

function evidence(c: Case): FindingDraft['evidence'] {
  const ev: FindingDraft['evidence'] = {};
  const notes = c.group.flatMap((q) => c.kinds.flatMap((k) => (q.links[k] ? [`${label(k)}：${q.links[k].note}`] : [])));
  if (notes.length) ev['关联方式'] = notes.join('；');
  const id = c.group[0].personId;
  if (c.hukou) {
    ev['户籍户号'] = c.hukou.householdNo;
    ev['户籍人员状态'] = c.hukou.personStatus ? PERSON_STATUS_LABELS[c.hukou.personStatus] : '（未注明）';
  } else if (id) {
    const elsewhere = c.ds.hukou.byId.get(id);
    if (elsewhere) ev['户籍所在户号'] = `${elsewhere.householdNo ?? '（无户号）'}（不是本户的户籍户）`;
  }
  return ev;
}

function draft(c: Case, correct: PersonKind, message: string, suggestion: string): FindingDraft {
  const locations = c.group.flatMap(personLocations);
  if (c.hukou && !c.group.some((q) => q.records.hukou)) locations.push(at('hukou', c.hukou.loc));
  const missing = present(c, correct) ? null : householdLoc(c.ds, c.h, correct);
  if (missing) locations.push(missing);
  return {
    ...personBase(c.h, c.group[0]),
    field: 'member',
    values: values(c),
    correct,
    message,
    suggestion,
    evidence: evidence(c),
    locations,
  };
}

/** A record whose link the linker reported as ambiguous: where the person belongs is that finding's question. */
function linkedAmbiguously(ds: Dataset, p: Person): boolean {
  return (['household-file', 'one-book', 'hukou'] as const).some((k) => {
    const r = p.records[k];
    return r !== undefined && ambiguousRecord(ds, k, r.loc);
  });
}

function* check(ds: Dataset, h: RegisteredHousehold): Generator<FindingDraft> {
  const kinds = memberKinds(h);
  const byHukou = kinds.includes('hukou');
  if (kinds.length < 2 || (!byHukou && !kinds.includes('national'))) return;
  const ref: PersonKind = byHukou ? 'hukou' : 'national';
  for (const group of membersOf(h)) {
    if (group.some((p) => departureOf(ds, h, p) || linkedAmbiguously(ds, p))) continue;
    const hk = hukouOfGroup(ds, h, group);
    if (hk && !aliveInHukou(hk)) continue;
    const c: Case = { ds, h, group, kinds, hukou: hk };
    // Worked out only for a finding: most members are present everywhere.
    const whom = () => {
      const shown = (['hukou', 'national', 'household-file', 'one-book'] as const).map((k) => recordOf(c, k)).find((r) => r !== null);
      return personText(group[0].name, shown ? idOf(shown) : null);
    };
    if (present(c, ref)) {
      for (const k of kinds) {
        if (k === ref || present(c, k) || ambiguousFor(ds, k, h)) continue;
        if (k === 'national' && hk && newbornOf(ds, h, hk)) continue;
        const who = whom();
        yield draft(
          c,
          k,
          `${label(ref)}中本户成员${who}在${label(k)}中没有记录`,
          `以${label(ref)}为准，在${label(k)}中为该户补录该成员${k === 'national' ? '（按人口自然增减程序办理）' : ''}`,
        );
      }
    } else if (!ambiguousFor(ds, ref, h)) {
      for (const k of kinds) {
        if (k === ref || !present(c, k)) continue;
        const who = whom();
        yield draft(
          c,
          k,
          `${label(k)}将${who}列为本户成员，但${label(ref)}中本户没有此人`,
          `以${label(ref)}为准，核实该成员：如确非本户成员，从${label(k)}中删除${byHukou ? '；如户籍漏登，由户籍部门核实' : '；如确为家庭成员，须在国办系统中办理新增'}`,
        );
      }
    }
  }
}

export const memberAbsent: Rule = {
  id: 'mismatch/member-absent',
  category: 'mismatch',
  title: '家庭成员在各来源中不一致',
  description:
    '同一户的成员在一些来源中有、在另一些来源中没有（只比较持有该户的来源）。以户籍为准：户籍中正常登记的成员，缺少该成员的来源应补录；户籍中本户没有的人，列有此人的来源应核实后删除。无户籍数据时以国办系统为准。',
  severity: 'medium',
  *check(ds) {
    for (const h of ds.households) yield* check(ds, h);
  },
};
