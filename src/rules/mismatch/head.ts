/**
 * The head of the household differs from the national record's: in the archive or handbook (a different
 * person: by head ID, else head name, else the row marked 户主), or on the notice board (the head's name as the
 * board writes it). Hukou is skipped: a registered household may be part of a hukou household with another head.
 */
import type { Person, RegisteredHousehold } from '../../link/model.js';
import type { HouseholdFileRecord, OneBookRecord } from '../../sources/index.js';
import type { IdResult } from '../../normalize/types.js';
import { idOf, nameOf, validId } from '../../link/records.js';
import { compareNames } from '../../normalize/name.js';
import { nameKey } from '../shared/memo.js';
import { relationLabel } from '../../normalize/relation.js';
import { NAME_LINK_SCORE } from '../../link/people.js';
import type { Rule, FindingDraft } from '../types.js';
import { householdBase } from '../util.js';
import { at, label, nameDifference, personText } from '../shared/display.js';
import { headPerson } from '../shared/members.js';

type GroupKind = 'household-file' | 'one-book';
type GroupRow = HouseholdFileRecord | OneBookRecord;

interface SourceHead {
  person: Person | null;
  name: string | null;
  id: IdResult | null;
  row: GroupRow;
}

const holdsId = (p: Person, id: string) => Object.values(p.records).some((r) => r && validId(r) === id);

/** The head as the source names it: head ID column, else head name column, else the row marked 户主. */
function sourceHead(h: RegisteredHousehold, kind: GroupKind, rows: readonly GroupRow[]): SourceHead | null {
  const headRow = rows.find((r) => r.relation === 'head') ?? null;
  const idRow = rows.find((r) => r.headId) ?? null;
  const nameRow = rows.find((r) => r.headName) ?? null;
  // The head columns name the head; the row marked 户主 counts only where they are blank.
  const id = idRow?.headId ?? (nameRow ? null : (headRow?.idNumber ?? null));
  const name = nameRow?.headName ?? (headRow ? nameOf(headRow) : null);
  const row = idRow ?? nameRow ?? headRow;
  if (!row) return null;
  const wanted = id?.id ?? null;
  let person: Person | null = null;
  if (wanted) person = h.people.find((p) => holdsId(p, wanted)) ?? null;
  else if (nameRow?.headName) {
    const n = nameKey(nameRow.headName);
    person = h.people.find((p) => p.records[kind] && nameKey(nameOf(p.records[kind]) ?? '') === n) ?? null;
  } else if (headRow) person = h.people.find((p) => p.records[kind] === headRow) ?? null;
  return { person, name, id, row };
}

function sameHead(h: RegisteredHousehold, nat: Person | null, src: SourceHead): boolean | null {
  if (src.person && nat) return src.person === nat;
  if (src.id?.id && h.headId) return src.id.id === h.headId;
  if (src.name && h.headName) return compareNames(src.name, h.headName).score >= NAME_LINK_SCORE;
  return null;
}

function groupFinding(h: RegisteredHousehold, kind: GroupKind, rows: readonly GroupRow[]): FindingDraft | null {
  const nat = headPerson(h);
  const src = sourceHead(h, kind, rows);
  if (!src || sameHead(h, nat, src) !== false) return null;
  const natRec = nat?.records.national ?? h.national.find((r) => r.relation === 'head') ?? h.national[0];
  const natText = personText(h.headName, natRec ? idOf(natRec) : null);
  const srcText = personText(src.name, src.id);
  const srcRel = src.person?.records.national?.relation;
  const who = srcRel ? `（国办系统中为本户${relationLabel(srcRel)}）` : src.person ? '' : '（不是国办系统中本户的成员）';
  return {
    ...householdBase(h),
    field: 'head',
    values: { national: natText, [kind]: srcText },
    correct: kind,
    message: `国办系统户主为${natText}，${label(kind)}户主为${srcText}${who}`,
    suggestion: `以国办系统为准，更正${label(kind)}的户主；如户主确已变更（如原户主去世），须先在国办系统中办理户主变更`,
    evidence: { 国办系统户主: natText, [`${label(kind)}户主`]: srcText },
    locations: [
      ...(natRec ? [at('national', natRec.loc, 'relation')] : []),
      at(kind, src.row.loc, src.row.headId ? 'headId' : src.row.headName ? 'headName' : 'relation'),
    ],
  };
}

function boardFinding(h: RegisteredHousehold): FindingDraft | null {
  const b = h.board;
  const name = b?.record.headName;
  if (!b || !name || !h.headName || nameKey(name) === nameKey(h.headName)) return null;
    return {
    ...householdBase(h),
    field: 'head',
    values: { national: h.headName, 'notice-board': name },
    correct: 'notice-board',
    message: `公示牌上的户主姓名为“${name}”，国办系统为“${h.headName}”（${nameDifference(h.headName, name)}）`,
    suggestion: '以国办系统为准，更正公示牌上的户主姓名',
    evidence: { 公示牌对应方式: b.note },
    locations: [
      ...h.national.filter((r) => r.relation === 'head').map((r) => at('national', r.loc, 'name')),
      at('notice-board', b.record.loc, 'headName'),
    ],
  };
}

function* check(h: RegisteredHousehold): Generator<FindingDraft> {
  const found = [
    h.archive ? groupFinding(h, 'household-file', h.archive.rows) : null,
    h.oneBook ? groupFinding(h, 'one-book', h.oneBook.rows) : null,
    boardFinding(h),
  ];
  for (const f of found) if (f) yield f;
}

export const head: Rule = {
  id: 'mismatch/head',
  category: 'mismatch',
  title: '户主不一致',
  description:
    '一户一档或《一本通》的户主与国办系统不是同一人，或公示牌上的户主姓名与国办系统不同。以国办系统为准。户籍的户主不比较（一个在册户可能只是户籍户的一部分）。',
  severity: 'medium',
  *check(ds) {
    for (const h of ds.households) yield* check(h);
  },
};
