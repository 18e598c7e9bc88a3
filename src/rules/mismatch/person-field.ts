/**
 * Name, ID number, relation, sex and birth date of each person across the member sources. Hukou is the basis,
 * else the national record; one finding per person, field and source to correct. Values are compared by
 * meaning: normalised names (a homophone is still a wrong name, and is said to be one), canonical relations
 * (之孙子女 agrees with 之孙子), sexes, dates.
 */
import type { Dataset, Person, PersonKind, RegisteredHousehold } from '../../link/model.js';
import { nameOf, idOf } from '../../link/records.js';
import { nameKey } from '../shared/memo.js';
import { relationLabel, relationsCompatible } from '../../normalize/relation.js';
import type { Gender } from '../../normalize/types.js';
import type { Rule, FindingDraft } from '../types.js';
import { GENDER_TEXT, label, nameDifference } from '../shared/display.js';
import { hukouHeadIsRegisteredHead, hukouOf } from '../shared/members.js';
import { pairDraft, sideOf, type Shown, type Side } from './person-pair.js';
import { idMismatches } from './person-id.js';

const COMPARED: readonly PersonKind[] = ['national', 'household-file', 'one-book'];

/** The person's compared sides (national, archive, handbook), worked out once per person. */
function comparedSides(p: Person): Side[] {
  const out: Side[] = [];
  for (const k of COMPARED) {
    const s = sideOf(p, k);
    if (s) out.push(s);
  }
  return out;
}

/** The other sides to compare against a reference side. */
const others = (sides: readonly Side[], ref: Side): Side[] => sides.filter((s) => s.kind !== ref.kind);

const byHukouElseNational = (p: Person): Side | null => sideOf(p, 'hukou') ?? sideOf(p, 'national');

function* names(h: RegisteredHousehold, p: Person, sides: readonly Side[]): Generator<FindingDraft> {
  const ref = byHukouElseNational(p);
  const refName = ref ? nameOf(ref.rec) : null;
  if (!ref || !refName) return;
  for (const s of others(sides, ref)) {
    const name = nameOf(s.rec);
    if (!name || name === refName || nameKey(name) === nameKey(refName)) continue;
    yield pairDraft(h, p, {
      field: 'name',
      ref: { side: ref, key: 'name', text: refName },
      other: { side: s, key: 'name', text: name },
      correct: s.kind,
      message: `${label(ref.kind)}登记的姓名为“${refName}”，${label(s.kind)}为“${name}”（${nameDifference(refName, name)}）`,
      suggestion: `以${label(ref.kind)}为准，更正${label(s.kind)}中该成员的姓名`,
    });
  }
}

/** Hukou relations count only when the hukou head is the registered head; otherwise national decides. */
function* relations(ds: Dataset, h: RegisteredHousehold, p: Person, sides: readonly Side[]): Generator<FindingDraft> {
  const hk = p.records.hukou;
  const ref = hk?.relation && hukouHeadIsRegisteredHead(ds, h, hk.householdNo) ? sideOf(p, 'hukou') : sideOf(p, 'national');
  const refRel = ref?.rec.relation;
  if (!ref || !refRel) return;
  for (const s of others(sides, ref)) {
    const rel = s.rec.relation;
    if (!rel || relationsCompatible(refRel, rel)) continue;
    yield pairDraft(h, p, {
      field: 'relation',
      ref: { side: ref, key: 'relation', text: relationLabel(refRel) },
      other: { side: s, key: 'relation', text: relationLabel(rel) },
      correct: s.kind,
      message: `${label(ref.kind)}登记${p.name ?? '该成员'}与户主关系为“${relationLabel(refRel)}”，${label(s.kind)}为“${relationLabel(rel)}”`,
      suggestion: `以${label(ref.kind)}为准，更正${label(s.kind)}中该成员的与户主关系`,
    });
  }
}

interface RefValue<T> {
  value: T;
  shown: Shown;
  /** Chinese note when the value was read from the ID number (the source has no such column or left it blank). */
  from: string;
}

const validIdOf = (s: Side) => {
  const id = idOf(s.rec);
  return id?.id ? id : null;
};

function refGender(p: Person): RefValue<Gender> | null {
  const ref = byHukouElseNational(p);
  if (!ref) return null;
  const own = ref.rec.gender;
  const value = own ?? validIdOf(ref)?.gender ?? null;
  if (!value) return null;
  const key = own ? 'gender' : 'idNumber';
  return { value, shown: { side: ref, key, text: GENDER_TEXT[value] }, from: own ? '' : '（按身份证号）' };
}

function* genders(h: RegisteredHousehold, p: Person, sides: readonly Side[]): Generator<FindingDraft> {
  const ref = refGender(p);
  if (!ref) return;
  const refKind = ref.shown.side.kind;
  for (const s of others(sides, ref.shown.side)) {
    const g = s.rec.gender;
    if (!g || g === ref.value) continue;
    yield pairDraft(h, p, {
      field: 'gender',
      ref: ref.shown,
      other: { side: s, key: 'gender', text: GENDER_TEXT[g] },
      correct: s.kind,
      message: `${label(refKind)}登记${p.name ?? '该成员'}的性别为“${ref.shown.text}”${ref.from}，${label(s.kind)}为“${GENDER_TEXT[g]}”`,
      suggestion: `以${label(refKind)}为准，更正${label(s.kind)}中该成员的性别`,
    });
  }
}

const birthColumn = (s: Side): string | null => ('birthDate' in s.rec ? s.rec.birthDate : null);

function refBirth(p: Person): RefValue<string> | null {
  const ref = byHukouElseNational(p);
  if (!ref) return null;
  const own = birthColumn(ref);
  const value = own ?? validIdOf(ref)?.birthDate ?? null;
  if (!value) return null;
  return { value, shown: { side: ref, key: own ? 'birthDate' : 'idNumber', text: value }, from: own ? '' : '（按身份证号）' };
}

/**
 * Same birth date. A `出生年月` column gives only a month (read as its first day), so a first-of-month date
 * agrees with any day of the same month.
 */
export function sameBirth(a: string, b: string): boolean {
  if (a === b) return true;
  return a.slice(0, 7) === b.slice(0, 7) && (a.endsWith('-01') || b.endsWith('-01'));
}

function* births(h: RegisteredHousehold, p: Person, sides: readonly Side[]): Generator<FindingDraft> {
  const ref = refBirth(p);
  if (!ref) return;
  const refKind = ref.shown.side.kind;
  for (const s of others(sides, ref.shown.side)) {
    const b = birthColumn(s);
    if (!b || sameBirth(ref.value, b)) continue;
    yield pairDraft(h, p, {
      field: 'birthDate',
      ref: ref.shown,
      other: { side: s, key: 'birthDate', text: b },
      correct: s.kind,
      message: `${label(refKind)}登记${p.name ?? '该成员'}的出生日期为 ${ref.value}${ref.from}，${label(s.kind)}为 ${b}`,
      suggestion: `以${label(refKind)}为准，更正${label(s.kind)}中该成员的出生日期`,
    });
  }
}

/** The person with the hukou row the linker could not attach (members only the archive or handbook lists). */
function withHukou(ds: Dataset, h: RegisteredHousehold, p: Person): Person {
  const hk = hukouOf(ds, h, p);
  return hk && !p.records.hukou ? { ...p, records: { ...p.records, hukou: hk } } : p;
}

export const personField: Rule = {
  id: 'mismatch/person-field',
  category: 'mismatch',
  title: '成员信息不一致',
  description:
    '同一人在各来源中的姓名、身份证号、与户主关系、性别、出生日期不一致。以户籍为准（户籍身份证号未通过校验时除外），无户籍数据时以国办系统为准；同音字、形近字也算姓名不一致。身份证号因以数字格式保存而损坏的，列为数据质量问题，不在此列。',
  severity: 'medium',
  *check(ds) {
    for (const h of ds.households) {
      for (const person of h.people) {
        const p = withHukou(ds, h, person);
        const sides = comparedSides(p);
        yield* names(h, p, sides);
        yield* idMismatches(h, p);
        yield* relations(ds, h, p, sides);
        yield* genders(h, p, sides);
        yield* births(h, p, sides);
      }
    }
  },
};
