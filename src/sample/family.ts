/**
 * Families of the hukou population: couples, children, grandchildren, elderly parents, deaths, moves,
 * marriages from neighbouring counties and households split from their parents' household. Used alike for
 * the registered households (kept in memory) and for the streamed rest of the county.
 */
import { addYears, ageAt, day, notAfter, randomDay, yearOf, type Day } from './dates.js';
import type { IdAllocator } from './ids.js';
import type { County, Person, Relation } from './model.js';
import { generationChar, givenName, SHE_SURNAMES, surname } from './names.js';
import type { Rng } from './rng.js';

export interface FamilyContext {
  rng: Rng;
  ids: IdAllocator;
  county: County;
  asOf: Day;
}

/** `withMother`: a couple with children and the head's widowed mother (used for partial registration). */
export type FamilyKind = 'elderly' | 'nuclear' | 'threeGen' | 'single' | 'withMother';

/** A hukou household before it gets its number and place. */
export interface DraftHousehold {
  members: Person[];
  created: Day;
  /** Index, in the same unit, of the household this one was split from. */
  splitFrom: number | null;
  splitDate: Day | null;
}

interface NewPerson {
  surname: string;
  male: boolean;
  birth: Day;
  relation: Relation;
  ethnicity: string;
  local?: boolean;
  generationChar?: string;
  takenNames?: Set<string>;
}

function newPerson(ctx: FamilyContext, o: NewPerson): Person {
  const { rng } = ctx;
  const local = o.local ?? true;
  const code = local ? ctx.county.code : rng.pick(ctx.county.neighbourCodes);
  let name = o.surname + givenName(rng, yearOf(o.birth), o.male, o.generationChar);
  for (let tries = 0; o.takenNames?.has(name) && tries < 20; tries++) {
    name = o.surname + givenName(rng, yearOf(o.birth), o.male);
  }
  o.takenNames?.add(name);
  return {
    id: ctx.ids.allocate(code, o.birth, o.male),
    name,
    male: o.male,
    birth: o.birth,
    ethnicity: o.ethnicity,
    relation: o.relation,
    childRank: 0,
    status: 'normal',
    statusDate: null,
    movedIn: null,
    fatherId: '',
    motherId: '',
    spouseId: '',
  };
}

function otherSurname(rng: Rng, not: string): string {
  for (let i = 0; i < 10; i++) {
    const s = surname(rng);
    if (s !== not) return s;
  }
  return not === '陈' ? '刘' : '陈';
}

function familyEthnicity(rng: Rng, familySurname: string): string {
  return (SHE_SURNAMES as readonly string[]).includes(familySurname) && rng.chance(0.35) ? '畲族' : '汉族';
}

/** A day `years` after `from` plus up to a year, never after `limit`. */
function laterDay(rng: Rng, from: Day, years: number, limit: Day): Day {
  return Math.min(addYears(from, years) + rng.int(0, 364), limit);
}

class Builder {
  readonly members: Person[] = [];
  readonly names = new Set<string>();
  readonly lastDay: Day;

  constructor(
    readonly ctx: FamilyContext,
    readonly familySurname: string,
    readonly ethnicity: string,
  ) {
    this.lastDay = ctx.asOf - 30;
  }

  add(o: Omit<NewPerson, 'takenNames'>): Person {
    const p = newPerson(this.ctx, { ...o, takenNames: this.names });
    this.members.push(p);
    return p;
  }

  /** The head's spouse: a few years apart, another surname, sometimes married in from a neighbouring county. */
  spouse(head: Person): Person {
    const { rng } = this.ctx;
    const gapYears = head.male ? rng.int(-2, 6) : rng.int(-6, 2);
    const birth = notAfter(rng, addYears(head.birth, gapYears) + rng.int(0, 300), addYears(this.lastDay, -18));
    const local = rng.chance(0.85);
    const s = this.add({
      surname: otherSurname(rng, this.familySurname),
      male: !head.male,
      birth,
      relation: head.male ? 'wife' : 'husband',
      ethnicity: rng.chance(0.97) ? '汉族' : '畲族',
      local,
    });
    if (!local) s.movedIn = laterDay(rng, Math.max(head.birth, birth), rng.int(21, 26), this.lastDay);
    head.spouseId = s.id;
    s.spouseId = head.id;
    return s;
  }

  /** Children of a couple (mother may be null for a single parent); returns them in birth order. */
  children(father: Person | null, mother: Person | null, count: number, relationOf: (male: boolean) => Relation): Person[] {
    const { rng } = this.ctx;
    const parent = mother ?? father;
    if (!parent || count <= 0) return [];
    const genChar = generationChar(rng, yearOf(addYears(parent.birth, 25)));
    const out: Person[] = [];
    let birth = addYears(parent.birth, rng.int(21, 27)) + rng.int(0, 364);
    for (let i = 0; i < count && birth <= this.lastDay; i++) {
      const male = rng.chance(0.53);
      const child = this.add({
        surname: father ? surnameOf(father) : this.familySurname,
        male,
        birth,
        relation: relationOf(male),
        ethnicity: this.ethnicity,
        generationChar: male ? genChar : undefined,
      });
      child.fatherId = father?.id ?? '';
      child.motherId = mother?.id ?? '';
      out.push(child);
      birth = addYears(birth, rng.int(1, 4)) + rng.int(0, 200);
    }
    rankChildren(out);
    return out;
  }

  /** Elderly parents of the head living with the family; some already dead (人员状态 1). */
  parents(head: Person, widowedMother = false): void {
    const { rng } = this.ctx;
    const fatherBirth = addYears(head.birth, -rng.int(24, 34)) - rng.int(0, 364);
    const motherBirth = fatherBirth + rng.int(300, 365 * 5);
    const withFather = !widowedMother && rng.chance(0.6);
    const father = withFather
      ? this.add({ surname: this.familySurname, male: true, birth: fatherBirth, relation: 'father', ethnicity: this.ethnicity })
      : null;
    const mother = this.add({
      surname: otherSurname(rng, this.familySurname),
      male: false,
      birth: motherBirth,
      relation: 'mother',
      ethnicity: this.ethnicity,
    });
    if (father) {
      father.spouseId = mother.id;
      mother.spouseId = father.id;
      head.fatherId = father.id;
    }
    head.motherId = mother.id;
    if (father) this.maybeDie(father, 0.35);
    if (!widowedMother) this.maybeDie(mother, 0.35);
  }

  /** Old people die: the row stays with 人员状态 1 and the date. */
  maybeDie(p: Person, probability: number): void {
    const { rng } = this.ctx;
    const age = ageAt(p.birth, this.ctx.asOf);
    const p2 = age >= 90 ? 0.8 : age >= 80 ? probability + 0.15 : age >= 70 ? probability : 0;
    if (rng.chance(p2)) {
      p.status = 'dead';
      p.statusDate = randomDay(rng, Math.max(addYears(p.birth, 62), addYears(this.ctx.asOf, -14)), this.lastDay);
    }
  }

  /** Grown daughters marry out of the household (人员状态 2, 迁出). */
  marryOut(children: Person[]): void {
    const { rng } = this.ctx;
    for (const c of children) {
      if (!c.male && ageAt(c.birth, this.ctx.asOf) >= 23 && rng.chance(0.65)) {
        c.status = 'movedOut';
        c.statusDate = laterDay(rng, c.birth, rng.int(21, 27), this.lastDay);
      }
    }
  }
}

/** The surname part of a name (one character, or a compound such as 欧阳). */
export function surnameOf(p: Person): string {
  return p.name.startsWith('欧阳') ? '欧阳' : p.name[0];
}

function rankChildren(children: Person[]): void {
  if (children.length === 1) {
    children[0].childRank = -1;
    return;
  }
  let sons = 0;
  let daughters = 0;
  for (const c of children) c.childRank = c.male ? ++sons : ++daughters;
}

function headBirth(ctx: FamilyContext, minAge: number, maxAge: number): Day {
  return addYears(ctx.asOf, -ctx.rng.int(minAge, maxAge)) - ctx.rng.int(1, 364);
}

function childCount(rng: Rng, parentBirthYear: number): number {
  return parentBirthYear < 1965 ? rng.weighted([[1, 2], [2, 4], [3, 4], [4, 2]]) : rng.weighted([[0, 1], [1, 4], [2, 5], [3, 2]]);
}

function startFamily(ctx: FamilyContext): Builder {
  const s = surname(ctx.rng);
  return new Builder(ctx, s, familyEthnicity(ctx.rng, s));
}

/** Builds one household of the given kind; `maxSize` cuts the member list (the head always stays). */
export function buildFamily(ctx: FamilyContext, kind: FamilyKind, maxSize = 99): DraftHousehold {
  const { rng } = ctx;
  const b = startFamily(ctx);
  let created: Day;
  if (kind === 'elderly') {
    const male = rng.chance(0.8);
    const head = b.add({ surname: b.familySurname, male, birth: headBirth(ctx, 64, 88), relation: 'head', ethnicity: b.ethnicity });
    if (male) {
      const wife = b.spouse(head);
      b.maybeDie(wife, 0.25);
    }
    created = randomDay(rng, addYears(head.birth, 25), Math.min(addYears(head.birth, 50), b.lastDay));
  } else if (kind === 'single') {
    const male = rng.chance(0.7);
    const head = b.add({ surname: b.familySurname, male, birth: headBirth(ctx, 30, 66), relation: 'head', ethnicity: b.ethnicity });
    if (rng.chance(0.5)) b.parents(head);
    created = randomDay(rng, addYears(head.birth, 18), b.lastDay);
  } else if (kind === 'nuclear' || kind === 'withMother') {
    const withMother = kind === 'withMother';
    const head = b.add({
      surname: b.familySurname,
      male: withMother || rng.chance(0.85),
      birth: headBirth(ctx, withMother ? 36 : 28, 58),
      relation: 'head',
      ethnicity: b.ethnicity,
    });
    const spouse = b.spouse(head);
    const withParents = withMother || rng.chance(0.4);
    if (withParents) b.parents(head, withMother);
    const [father, mother] = head.male ? [head, spouse] : [spouse, head];
    const kids = b.children(father, mother, childCount(rng, yearOf(mother.birth)), (m) => (m ? 'son' : 'daughter'));
    b.marryOut(kids);
    created = withParents
      ? randomDay(rng, addYears(head.birth, -5), addYears(head.birth, 20))
      : randomDay(rng, addYears(head.birth, 22), Math.min(addYears(head.birth, 30), b.lastDay));
  } else {
    const head = b.add({ surname: b.familySurname, male: true, birth: headBirth(ctx, 56, 76), relation: 'head', ethnicity: b.ethnicity });
    const wife = b.spouse(head);
    const kids = b.children(head, wife, childCount(rng, yearOf(wife.birth)), (m) => (m ? 'son' : 'daughter'));
    b.marryOut(kids);
    const eldestSon = kids.find((k) => k.male && ageAt(k.birth, ctx.asOf) >= 24);
    if (eldestSon) {
      const dil = b.spouse(eldestSon);
      dil.relation = 'daughterInLaw';
      b.children(eldestSon, dil, rng.int(0, 2), (m) => (m ? 'grandson' : 'granddaughter'));
    }
    created = randomDay(rng, addYears(head.birth, 22), addYears(head.birth, 35));
  }
  return { members: truncate(b.members, maxSize), created: Math.min(created, b.lastDay), splitFrom: null, splitDate: null };
}

/**
 * An elderly couple (or widow) and their son's family, in two hukou households: the elderly split off from
 * the son's household (分户) on `splitDay`. Index 0 is the son's household, 1 the elderly one.
 */
export function buildSplitPair(ctx: FamilyContext, splitFromYear: number, splitToYear: number): DraftHousehold[] {
  const { rng } = ctx;
  const b = startFamily(ctx);
  const latestSonBirth = day(splitToYear - 20, 1, 1);
  const father = b.add({
    surname: b.familySurname,
    male: true,
    birth: notAfter(rng, headBirth(ctx, 70, 86), addYears(latestSonBirth, -24)),
    relation: 'head',
    ethnicity: b.ethnicity,
  });
  const mother = b.spouse(father);
  if (rng.chance(0.2)) b.maybeDie(mother, 0.5);
  const elderly = [...b.members];
  const sonBirth = notAfter(rng, addYears(mother.birth, rng.int(21, 30)) + rng.int(0, 364), latestSonBirth);
  const son = b.add({ surname: b.familySurname, male: true, birth: sonBirth, relation: 'head', ethnicity: b.ethnicity });
  son.fatherId = father.id;
  son.motherId = mother.id;
  son.childRank = 1;
  const dil = b.spouse(son);
  b.children(son, dil, childCount(rng, yearOf(dil.birth)), (m) => (m ? 'son' : 'daughter'));
  const sonHousehold = b.members.filter((p) => !elderly.includes(p));
  const splitDay = randomDay(rng, Math.max(addYears(son.birth, 20), day(splitFromYear, 1, 1)), day(splitToYear, 12, 31));
  return [
    { members: sonHousehold, created: randomDay(rng, addYears(father.birth, 22), addYears(father.birth, 35)), splitFrom: null, splitDate: null },
    { members: elderly, created: splitDay, splitFrom: 0, splitDate: splitDay },
  ];
}

/**
 * A young family split from the husband's parents (分户 on marriage): index 0 is the parents' household,
 * 1 the young one. Used for the streamed population; at most 6 people.
 */
export function buildYoungSplit(ctx: FamilyContext): DraftHousehold[] {
  const { rng } = ctx;
  const b = startFamily(ctx);
  const father = b.add({ surname: b.familySurname, male: true, birth: headBirth(ctx, 50, 72), relation: 'head', ethnicity: b.ethnicity });
  const mother = b.spouse(father);
  const parentsHousehold = [father, mother];
  const son = b.add({ surname: b.familySurname, male: true, birth: addYears(mother.birth, rng.int(21, 28)) + rng.int(0, 364), relation: 'head', ethnicity: b.ethnicity });
  son.fatherId = father.id;
  son.motherId = mother.id;
  son.childRank = 1;
  const wife = b.spouse(son);
  b.children(son, wife, rng.weighted([[0, 2], [1, 4], [2, 3]]), (m) => (m ? 'son' : 'daughter'));
  const marriage = Math.min(addYears(son.birth, rng.int(22, 28)), b.lastDay);
  return [
    { members: parentsHousehold, created: randomDay(rng, addYears(father.birth, 22), addYears(father.birth, 32)), splitFrom: null, splitDate: null },
    { members: b.members.filter((p) => !parentsHousehold.includes(p)), created: marriage, splitFrom: 0, splitDate: marriage },
  ];
}

/** Keeps the first `maxSize` members (at least the head) and clears references to the ones left out. */
function truncate(members: Person[], maxSize: number): Person[] {
  if (members.length <= maxSize) return members;
  const kept = members.slice(0, Math.max(1, maxSize));
  const dropped = new Set(members.slice(kept.length).map((p) => p.id));
  for (const p of kept) {
    if (dropped.has(p.spouseId)) p.spouseId = '';
    if (dropped.has(p.fatherId)) p.fatherId = '';
    if (dropped.has(p.motherId)) p.motherId = '';
  }
  return kept;
}
