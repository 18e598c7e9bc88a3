/**
 * Linking the people of one member source (archive, handbook, hukou) to the national households' people.
 * Blocking, never all pairs: candidates come from indexes on ID, first 15 digits, name and village.
 * Passes run strongest first over all records, so a weaker link never takes a person a stronger one would:
 *   1. same ID  2. ID typo (one digit / adjacent swap) + same name  3. damaged ID: first 15 digits + name
 *   4. name + birth date within the village.
 * Within one pair of sources a person links to at most one record. A record with two equally good
 * candidates is reported as ambiguous, never guessed.
 */
import { sharedNameKeys } from '../normalize/name.js';
import { compareNames, idTypo } from './compare.js';
import { KIND_LABELS } from '../model/kinds.js';
import type { AmbiguousLink, LinkInfo, Person, PersonKind, RegisteredHousehold } from './model.js';
import { anchorOf, birthOf, idOf, nameOf, prefix15Of, type MemberRecord } from './records.js';
import { sameVillage } from './places.js';
import type { Candidate, Entry, PeopleIndex } from './people-index.js';

function anchorKind(p: Person): PersonKind {
  return p.records.national ? 'national' : p.records['household-file'] ? 'household-file' : 'one-book';
}

/** Minimum name score to accept a link that rests partly on the name. */
export const NAME_LINK_SCORE = 0.8;

export interface LinkResult<R extends MemberRecord> {
  /** record → the person it joined. */
  linked: Map<R, Candidate>;
  ambiguous: AmbiguousLink[];
}

const kindLabel = (k: PersonKind) => KIND_LABELS[k];

function describe(kind: PersonKind, r: MemberRecord): string {
  const id = idOf(r);
  return `${kindLabel(kind)}中的${nameOf(r) ?? '（无姓名）'}${id ? `（${id.raw}）` : ''}`;
}

/** The link most records make: one object shared by all of them (links are never changed once made). */
const BY_ID: LinkInfo = Object.freeze({ method: 'id', note: '身份证号相同' });

/**
 * Links records of one member source to national people (passes 1–4). A person already taken by a record of
 * this source is not taken again.
 */
export function linkPeople<R extends MemberRecord>(
  kind: PersonKind,
  records: readonly R[],
  index: PeopleIndex,
  place: (r: R) => { township?: string | null; village?: string | null },
): LinkResult<R> {
  const linked = new Map<R, Candidate>();
  const ambiguous: AmbiguousLink[] = [];
  // Per record (by position): still open, linked, or reported as ambiguous.
  const state = new Uint8Array(records.length);
  const OPEN = 0;
  const LINKED = 1;
  const AMBIGUOUS = 2;
  // People taken by a record of this source carry this run's number.
  const run = index.newRun();
  const claimed = (e: Entry) => e.claimedBy === run;

  const take = (i: number, c: Entry, info: LinkInfo) => {
    const r = records[i];
    state[i] = LINKED;
    linked.set(r, c);
    c.claimedBy = run;
    c.person.records[kind] = r as never;
    c.person.links[kind] = info;
  };
  const unclear = (i: number, cands: readonly Candidate[], why: string) => {
    const r = records[i];
    state[i] = AMBIGUOUS;
    ambiguous.push({
      kind,
      about: 'record',
      loc: r.loc,
      message: `${describe(kind, r)}${why}：${cands.map((c) => `${nameOf(anchorOf(c.person))}（户编号 ${c.household.householdId}）`).join('、')}`,
      householdIds: [...new Set(cands.map((c) => c.household.householdId))].sort(),
    });
  };
  // Name keys of each record, looked up once for passes 2 and 4.
  const keysOf: (readonly string[] | undefined)[] = new Array<readonly string[] | undefined>(records.length);
  const keys = (i: number, name: string) => (keysOf[i] ??= sharedNameKeys(name));

  // Pass 1: the same normalised ID.
  for (let i = 0; i < records.length; i++) {
    const id = idOf(records[i])?.id;
    if (!id) continue;
    const all = index.withId(id);
    if (!all) continue;
    const cands = all.length === 1 && !claimed(all[0]) ? all : all.filter((c) => !claimed(c));
    if (cands.length === 1) take(i, cands[0], BY_ID);
    else if (cands.length > 1) unclear(i, cands, '的身份证号在国办系统中出现在多户');
  }

  // Pass 2: an ID typo — one digit or one adjacent swap — with a matching name.
  for (let i = 0; i < records.length; i++) {
    if (state[i] !== OPEN) continue;
    const r = records[i];
    const id = idOf(r);
    if (!id || id.cleaned.length !== 18 || id.status === 'damaged') continue;
    const name = nameOf(r);
    if (!name) continue;
    const cands: { c: Entry; typo: 'oneDigit' | 'adjacentSwap'; score: number }[] = [];
    for (const c of index.typoCandidates(keys(i, name), id.cleaned, id.status === 'valid')) {
      if (claimed(c)) continue;
      const other = c.id;
      if (!other || other.status === 'damaged') continue;
      const typo = idTypo(id.cleaned, other.cleaned);
      if (!typo) continue;
      const score = compareNames(name, c.name ?? '').score;
      if (score >= NAME_LINK_SCORE) cands.push({ c, typo, score });
    }
    if (cands.length === 1) {
      const { c, typo, score } = cands[0];
      const thisValid = id.id !== null;
      const otherValid = c.id?.id !== null;
      const validSide = thisValid && otherValid ? 'both' : thisValid ? 'this' : otherValid ? 'other' : 'neither';
      const how = typo === 'oneDigit' ? '相差一位' : '相邻两位颠倒';
      const which =
        validSide === 'this'
          ? `${kindLabel(kind)}一侧的号码校验正确`
          : validSide === 'other'
            ? '国办系统一侧的号码校验正确'
            : validSide === 'both'
              ? '两个号码都能通过校验，须核对原件'
              : '两个号码都不能通过校验';
      take(i, c, { method: 'idTypo', note: `身份证号${how}且姓名相符，应为同一人（${which}）`, validSide, nameScore: score });
    } else if (cands.length > 1) unclear(i, cands.map((x) => x.c), '的身份证号与多人仅差一位');
  }

  // Pass 3: an Excel-damaged ID on either side: the surviving 15 digits and the name. An intact ID can only
  // meet a damaged one, so it asks the (small) index of damaged IDs.
  for (let i = 0; i < records.length; i++) {
    if (state[i] !== OPEN) continue;
    const r = records[i];
    const id = idOf(r);
    if (!id) continue;
    const damaged = id.status === 'damaged';
    if (!damaged && index.noDamagedIds) continue;
    const p15 = prefix15Of(id);
    if (!p15) continue;
    const name = nameOf(r) ?? '';
    const cands = (index.withPrefix(p15, !damaged) ?? []).filter(
      (c) => !claimed(c) && compareNames(name, c.name ?? '').score >= NAME_LINK_SCORE,
    );
    if (cands.length === 1) {
      const side = damaged ? kindLabel(kind) : kindLabel(anchorKind(cands[0].person));
      take(i, cands[0], { method: 'idDamaged', note: `${side}的身份证号以数字格式保存已损坏，按前15位和姓名认定为同一人` });
    } else if (cands.length > 1) unclear(i, cands, '的身份证号已损坏，按前15位和姓名可对应多人');
  }

  // Pass 4: name and birth date within the same village.
  for (let i = 0; i < records.length; i++) {
    if (state[i] !== OPEN) continue;
    const r = records[i];
    const birth = birthOf(r);
    const name = nameOf(r);
    if (!birth || !name) continue;
    const born = index.byNameAndBirth(keys(i, name), birth);
    if (born.length === 0) continue;
    const here = place(r);
    const scored = born
      .filter((c) => !claimed(c))
      .filter((c) => !here.village || sameVillage(here, c.household))
      .map((c) => ({ c, score: compareNames(name, c.name ?? '').score }))
      .filter((x) => x.score >= NAME_LINK_SCORE);
    if (scored.length === 1) {
      take(i, scored[0].c, { method: 'nameBirth', note: `姓名和出生日期相同（${birth}）`, nameScore: scored[0].score });
    } else if (scored.length > 1) unclear(i, scored.map((x) => x.c), '按姓名和出生日期可对应多人');
  }

  return { linked, ambiguous };
}

/**
 * Pass 5, within one registered household: records of the household (as another source groups it) that are
 * still unlinked join the household's unlinked national people by name alone (homophones included).
 */
export function linkByNameWithin<R extends MemberRecord>(
  kind: PersonKind,
  household: RegisteredHousehold,
  records: readonly R[],
  isLinked: (r: R) => boolean,
  onLink: (r: R, person: Person) => void,
): void {
  const open = household.people.filter((p) => !p.records[kind] && (p.records.national || p.records['household-file'] || p.records['one-book']));
  for (const r of records) {
    if (isLinked(r)) continue;
    const name = nameOf(r);
    if (!name) continue;
    const scored = open
      .filter((p) => !p.records[kind])
      .map((p) => ({ p, cmp: compareNames(name, nameOf(anchorOf(p)) ?? '') }))
      .filter((x) => x.cmp.score >= NAME_LINK_SCORE);
    if (scored.length !== 1) continue;
    const p = scored[0].p;
    p.records[kind] = r as never;
    p.links[kind] = { method: 'name', note: `同户内姓名相符（${scored[0].cmp.explanation}）`, nameScore: scored[0].cmp.score };
    onLink(r, p);
  }
}
