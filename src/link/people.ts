/**
 * Linking the people of one member source (archive, handbook, hukou) to the national households' people.
 * Blocking, never all pairs: candidates come from indexes on ID, first 15 digits, name and village.
 * Passes run strongest first over all records, so a weaker link never takes a person a stronger one would:
 *   1. same ID  2. ID typo (one digit / adjacent swap) + same name  3. damaged ID: first 15 digits + name
 *   4. name + birth date within the village.
 * Within one pair of sources a person links to at most one record. A record with two equally good
 * candidates is reported as ambiguous, never guessed.
 */
import { nameKeys } from '../normalize/name.js';
import { compareNames, idTypo } from './compare.js';
import { KIND_LABELS } from '../model/kinds.js';
import type { AmbiguousLink, LinkInfo, Person, PersonKind, RegisteredHousehold } from './model.js';
import { birthOf, idOf, nameOf, prefix15Of, typoBlocks, type MemberRecord } from './records.js';
import { sameVillage } from './places.js';

/** The record a person is known by when other sources link to it: national, else archive, else handbook. */
export function anchorOf(p: Person): MemberRecord {
  const r = p.records.national ?? p.records['household-file'] ?? p.records['one-book'];
  if (!r) throw new Error('person without a national, archive or handbook record');
  return r;
}

function anchorKind(p: Person): PersonKind {
  return p.records.national ? 'national' : p.records['household-file'] ? 'household-file' : 'one-book';
}

export interface Candidate {
  person: Person;
  household: RegisteredHousehold;
}

/** Minimum name score to accept a link that rests partly on the name. */
export const NAME_LINK_SCORE = 0.8;

function push<K, V>(m: Map<K, V[]>, k: K | null | undefined, v: V): void {
  if (k === null || k === undefined || k === '') return;
  const list = m.get(k);
  if (list) {
    if (!list.includes(v)) list.push(v);
  } else m.set(k, [v]);
}

/** Indexes over the people of every registered household, by their anchor record. */
export class PeopleIndex {
  readonly byId = new Map<string, Candidate[]>();
  readonly byPrefix15 = new Map<string, Candidate[]>();
  readonly byName = new Map<string, Candidate[]>();
  /** Name key + typo block (see `typoBlocks`) → people whose 18-character ID is not damaged. */
  private readonly byNameTypo = new Map<string, Candidate[]>();
  /** Order of indexing, so that block look-ups list candidates as a name look-up would. */
  private readonly seq = new Map<Candidate, number>();

  constructor(households: readonly RegisteredHousehold[]) {
    for (const household of households) {
      for (const person of household.people) {
        const r = person.records.national ?? person.records['household-file'] ?? person.records['one-book'];
        if (!r) continue;
        const c = { person, household };
        this.seq.set(c, this.seq.size);
        const id = idOf(r);
        push(this.byId, id?.id, c);
        push(this.byPrefix15, prefix15Of(id), c);
        const name = nameOf(r);
        if (!name) continue;
        const keys = nameKeys(name);
        for (const k of keys) push(this.byName, k, c);
        if (id && id.cleaned.length === 18 && id.status !== 'damaged') {
          for (const k of keys) for (const b of typoBlocks(id.cleaned)) push(this.byNameTypo, `${k}|${b}`, c);
        }
      }
    }
  }

  /**
   * People sharing a name key with `name` whose ID may be one typo away from `id18`: the same people, in the
   * same order, as `byNameOf(name)` filtered by the typo check, without looking at every namesake.
   */
  typoCandidates(name: string | null, id18: string): Candidate[] {
    if (!name) return [];
    const rank = new Map<Candidate, number>();
    nameKeys(name).forEach((k, i) => {
      for (const b of typoBlocks(id18)) {
        for (const c of this.byNameTypo.get(`${k}|${b}`) ?? []) if (!rank.has(c)) rank.set(c, i);
      }
    });
    return [...rank.keys()].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0) || (this.seq.get(a) ?? 0) - (this.seq.get(b) ?? 0));
  }

  byNameOf(name: string | null): Candidate[] {
    if (!name) return [];
    const out: Candidate[] = [];
    for (const k of nameKeys(name)) for (const c of this.byName.get(k) ?? []) if (!out.includes(c)) out.push(c);
    return out;
  }
}

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

/**
 * Links records of one member source to national people (passes 1–4). `claimed` holds the people already
 * taken by a record of this source.
 */
export function linkPeople<R extends MemberRecord>(
  kind: PersonKind,
  records: readonly R[],
  index: PeopleIndex,
  place: (r: R) => { township?: string | null; village?: string | null },
): LinkResult<R> {
  const linked = new Map<R, Candidate>();
  const claimed = new Set<Person>();
  const ambiguous: AmbiguousLink[] = [];
  const ambiguousRecords = new Set<R>();

  const take = (r: R, c: Candidate, info: LinkInfo) => {
    linked.set(r, c);
    claimed.add(c.person);
    c.person.records[kind] = r as never;
    c.person.links[kind] = info;
  };
  const unclear = (r: R, cands: Candidate[], why: string) => {
    ambiguousRecords.add(r);
    ambiguous.push({
      kind,
      about: 'record',
      loc: r.loc,
      message: `${describe(kind, r)}${why}：${cands.map((c) => `${nameOf(anchorOf(c.person))}（户编号 ${c.household.householdId}）`).join('、')}`,
      householdIds: [...new Set(cands.map((c) => c.household.householdId))].sort(),
    });
  };
  const open = (r: R) => !linked.has(r) && !ambiguousRecords.has(r);

  // Pass 1: the same normalised ID.
  for (const r of records) {
    const id = idOf(r)?.id;
    if (!id) continue;
    const cands = (index.byId.get(id) ?? []).filter((c) => !claimed.has(c.person));
    if (cands.length === 1) take(r, cands[0], { method: 'id', note: '身份证号相同' });
    else if (cands.length > 1) unclear(r, cands, '的身份证号在国办系统中出现在多户');
  }

  // Pass 2: an ID typo — one digit or one adjacent swap — with a matching name.
  for (const r of records) {
    if (!open(r)) continue;
    const id = idOf(r);
    if (!id || id.cleaned.length !== 18 || id.status === 'damaged') continue;
    const name = nameOf(r);
    const cands: { c: Candidate; typo: 'oneDigit' | 'adjacentSwap'; score: number }[] = [];
    for (const c of index.typoCandidates(name, id.cleaned)) {
      if (claimed.has(c.person)) continue;
      const other = idOf(anchorOf(c.person));
      if (!other || other.status === 'damaged') continue;
      const typo = idTypo(id.cleaned, other.cleaned);
      if (!typo) continue;
      const score = compareNames(name ?? '', nameOf(anchorOf(c.person)) ?? '').score;
      if (score >= NAME_LINK_SCORE) cands.push({ c, typo, score });
    }
    if (cands.length === 1) {
      const { c, typo, score } = cands[0];
      const thisValid = id.id !== null;
      const otherValid = idOf(anchorOf(c.person))?.id !== null;
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
      take(r, c, { method: 'idTypo', note: `身份证号${how}且姓名相符，应为同一人（${which}）`, validSide, nameScore: score });
    } else if (cands.length > 1) unclear(r, cands.map((x) => x.c), '的身份证号与多人仅差一位');
  }

  // Pass 3: an Excel-damaged ID on either side: the surviving 15 digits and the name.
  for (const r of records) {
    if (!open(r)) continue;
    const id = idOf(r);
    const p15 = prefix15Of(id);
    if (!id || !p15) continue;
    const name = nameOf(r) ?? '';
    const cands = (index.byPrefix15.get(p15) ?? []).filter((c) => {
      if (claimed.has(c.person)) return false;
      const other = idOf(anchorOf(c.person));
      if (id.status !== 'damaged' && other?.status !== 'damaged') return false;
      return compareNames(name, nameOf(anchorOf(c.person)) ?? '').score >= NAME_LINK_SCORE;
    });
    if (cands.length === 1) {
      const side = id.status === 'damaged' ? kindLabel(kind) : kindLabel(anchorKind(cands[0].person));
      take(r, cands[0], { method: 'idDamaged', note: `${side}的身份证号以数字格式保存已损坏，按前15位和姓名认定为同一人` });
    } else if (cands.length > 1) unclear(r, cands, '的身份证号已损坏，按前15位和姓名可对应多人');
  }

  // Pass 4: name and birth date within the same village.
  for (const r of records) {
    if (!open(r)) continue;
    const birth = birthOf(r);
    const name = nameOf(r);
    if (!birth || !name) continue;
    const here = place(r);
    const scored = index
      .byNameOf(name)
      .filter((c) => !claimed.has(c.person))
      .filter((c) => birthOf(anchorOf(c.person)) === birth)
      .filter((c) => !here.village || sameVillage(here, c.household))
      .map((c) => ({ c, score: compareNames(name, nameOf(anchorOf(c.person)) ?? '').score }))
      .filter((x) => x.score >= NAME_LINK_SCORE);
    if (scored.length === 1) {
      take(r, scored[0].c, { method: 'nameBirth', note: `姓名和出生日期相同（${birth}）`, nameScore: scored[0].score });
    } else if (scored.length > 1) unclear(r, scored.map((x) => x.c), '按姓名和出生日期可对应多人');
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
