/**
 * The sample county as a model. Registered households, their relatives and a pool of ordinary families (the
 * people rosters draw on) are kept in memory; the rest of the hukou population is produced family by family
 * by `hukouHouseholds`, so a county of a million residents is never held at once.
 */
import { yearOf, type Day } from './dates.js';
import { givenName } from './names.js';
import { buildFamily, buildSplitPair, buildYoungSplit, surnameOf, type DraftHousehold, type FamilyContext, type FamilyKind } from './family.js';
import { helperGroupSizes, newHelper, PhoneBook, type HelperContext } from './helpers.js';
import { apportion } from './apportion.js';
import { IdAllocator } from './ids.js';
import type { County, Helper, HukouHousehold, Person, RegisteredHousehold, Village } from './model.js';
import { allVillages, buildPlaces } from './places.js';
import { memberProfile, registerHousehold, type NewRegistered } from './registered.js';
import type { CountyIdentity } from './prefecture.js';
import type { Rng } from './rng.js';

export interface Truth {
  county: County;
  asOf: Day;
  /** Year of the handbook ledger and of the per-capita income figures. */
  ledgerYear: number;
  /** Sorted by 户编号. */
  registered: RegisteredHousehold[];
  /** Hukou households kept in memory: the registered ones, their relatives and the roster pool. */
  inMemory: HukouHousehold[];
  /** Ordinary (never registered, unrelated) households whose people appear on the department rosters. */
  pool: HukouHousehold[];
  helpers: Helper[];
  ids: IdAllocator;
  phones: PhoneBook;
  /** Streamed (not in memory) hukou people per village. */
  streamQuota: Map<Village, number>;
  /** In-memory households of each village by their sequence number in the 户号. */
  reserved: Map<Village, Map<number, HukouHousehold>>;
  rng: Rng;
}

export class SampleError extends Error {}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * 户号: the county's prefix + township (2) + village (2) + sequence (4): `001030045` in the default county,
 * `3301030045` for 会昌县 in a prefecture run (prefecture.ts).
 */
function hukouNo(county: County, village: Village, seq: number): string {
  return `${county.householdPrefix}${pad(village.township.index + 1, 2)}${pad(village.index + 1, 2)}${pad(seq, 4)}`;
}

interface Pending {
  household: HukouHousehold;
  splitParent: HukouHousehold | null;
  splitDate: Day | null;
}

/** Turns the drafts of one family unit into hukou households of a village (numbers come later). */
function settle(rng: Rng, village: Village, drafts: DraftHousehold[]): Pending[] {
  const made = drafts.map((d) => ({
    household: {
      no: '',
      village,
      hamlet: rng.pick(village.hamlets),
      houseNumber: rng.int(1, 160),
      created: d.created,
      split: null,
      members: d.members,
    } satisfies HukouHousehold,
    splitDate: d.splitDate,
    splitParent: null as HukouHousehold | null,
  }));
  drafts.forEach((d, i) => {
    if (d.splitFrom !== null) made[i].splitParent = made[d.splitFrom].household;
  });
  return made;
}

function pickVillage(rng: Rng, villages: Village[]): Village {
  return rng.weighted(villages.map((v) => [v, v.weight] as const));
}

const living = (members: Person[]): Person[] => members.filter((p) => p.status === 'normal');

interface Draft {
  village: Village;
  hukou: HukouHousehold;
  members: Person[];
  head: Person;
  shape: RegisteredHousehold['shape'];
  allowExtremePoor: boolean;
}

export interface TruthOptions {
  households: number;
  hukouPeople: number;
  asOf: Day;
  /** A county of a prefecture run (default: the default county, made on its own). */
  county?: CountyIdentity;
}

export function buildTruth(root: Rng, o: TruthOptions): Truth {
  const county = buildPlaces(root.fork('places'), o.hukouPeople, o.county);
  const villages = allVillages(county);
  const ids = new IdAllocator();
  const rng = root.fork('registered');
  const ctx: FamilyContext = { rng, ids, county, asOf: o.asOf };
  const pending: Pending[] = [];
  const drafts: Draft[] = [];

  // Scenarios: a few hukou households hold two registered households (partial registration), some
  // elderly households were split from their son's household long before registration, one elderly couple
  // split off after 2014 from a son whose household is registered too (not 分户造贫: DOMAIN §5.1), the rest
  // are whole. Pair scenarios give two registered households each.
  const partialPairs = o.households >= 10 ? Math.max(1, Math.floor(o.households / 30)) : 0;
  const registeredSplitPairs = o.households >= 20 ? 1 : 0;
  const splits = Math.round(o.households * 0.12);
  const scenarios: ('partial' | 'split' | 'splitBothRegistered' | 'whole')[] = [];
  for (let i = 0; i < partialPairs; i++) scenarios.push('partial');
  for (let i = 0; i < registeredSplitPairs; i++) scenarios.push('splitBothRegistered');
  for (let i = 0; i < splits; i++) scenarios.push('split');
  while (scenarios.length + partialPairs + registeredSplitPairs < o.households) scenarios.push('whole');
  rng.shuffle(scenarios);

  for (const scenario of scenarios) {
    const village = pickVillage(rng, villages);
    if (scenario === 'split' || scenario === 'splitBothRegistered') {
      const both = scenario === 'splitBothRegistered';
      const unit = both ? settle(rng, village, buildSplitPair(ctx, 2014, 2015)) : settle(rng, village, buildSplitPair(ctx, 1996, 2008));
      pending.push(...unit);
      const elderly = unit[1].household;
      const members = living(elderly.members);
      drafts.push({ village, hukou: elderly, members, head: elderly.members[0], shape: 'split', allowExtremePoor: true });
      if (both) {
        const son = unit[0].household;
        drafts.push({ village, hukou: son, members: living(son.members), head: son.members[0], shape: 'whole', allowExtremePoor: true });
      }
    } else if (scenario === 'partial') {
      const [p] = settle(rng, village, [buildFamily(ctx, 'withMother')]);
      pending.push(p);
      const all = living(p.household.members);
      const mother = all.find((m) => m.relation === 'mother');
      if (!mother) throw new SampleError('样例生成内部错误：缺少老人');
      drafts.push({ village, hukou: p.household, members: all.filter((m) => m !== mother), head: all[0], shape: 'partial', allowExtremePoor: false });
      drafts.push({ village, hukou: p.household, members: [mother], head: mother, shape: 'partial', allowExtremePoor: false });
    } else {
      const kind = rng.weighted<FamilyKind>([['elderly', 25], ['nuclear', 40], ['threeGen', 20], ['single', 15]]);
      const [p] = settle(rng, village, [buildFamily(ctx, kind)]);
      pending.push(p);
      drafts.push({ village, hukou: p.household, members: living(p.household.members), head: p.household.members[0], shape: 'whole', allowExtremePoor: true });
    }
  }

  distinctHeadNames(rng, drafts);

  const poolRng = root.fork('pool');
  const poolCtx: FamilyContext = { rng: poolRng, ids, county, asOf: o.asOf };
  const pool: HukouHousehold[] = [];
  for (let i = 0; i < Math.ceil(o.households * 0.6); i++) {
    const kind = poolRng.weighted<FamilyKind>([['nuclear', 50], ['threeGen', 25], ['single', 15], ['elderly', 10]]);
    const [p] = settle(poolRng, pickVillage(poolRng, villages), [buildFamily(poolCtx, kind)]);
    pending.push(p);
    pool.push(p.household);
  }

  const { streamQuota, reserved } = numberHouseholds(root.fork('numbers'), county, pending, o.hukouPeople);
  const inMemory = pending.map((p) => p.household);
  const phones = new PhoneBook(root.fork('phones'));
  const registered = register(root.fork('attributes'), county, drafts, ids, phones, o.asOf);
  return { county, asOf: o.asOf, ledgerYear: yearOf(o.asOf) - 1, registered, inMemory, pool, helpers: uniqueHelpers(registered), ids, phones, streamQuota, reserved, rng: root };
}

/**
 * Notice boards carry no ID: they are linked by village + head name + size, so two registered heads of one
 * village never share a name here (a same-name pair is a planted problem, not an accident).
 */
function distinctHeadNames(rng: Rng, drafts: Draft[]): void {
  const taken = new Map<Village, Set<string>>();
  for (const d of drafts) {
    const names = taken.get(d.village) ?? new Set<string>();
    taken.set(d.village, names);
    const household = new Set(d.hukou.members.map((m) => m.name));
    while (names.has(d.head.name)) {
      const name = surnameOf(d.head) + givenName(rng, yearOf(d.head.birth), d.head.male);
      if (!household.has(name)) d.head.name = name;
    }
    names.add(d.head.name);
  }
}

/** Gives the in-memory households their 户号, spread among the streamed ones, and splits the rest of the population. */
function numberHouseholds(rng: Rng, county: County, pending: Pending[], hukouPeople: number) {
  const villages = allVillages(county);
  const inMemoryRows = pending.reduce((s, p) => s + p.household.members.length, 0);
  const streamed = hukouPeople - inMemoryRows;
  if (streamed < 0) {
    throw new SampleError(`户籍人口数过少：建档立卡户及其亲属、部门名单人员已有 ${inMemoryRows} 人，请把户籍人口数设为不少于 ${inMemoryRows}，或减少建档立卡户数。`);
  }
  const quotas = apportion(streamed, villages.map((v) => v.weight));
  const streamQuota = new Map<Village, number>();
  villages.forEach((v, i) => streamQuota.set(v, quotas[i]));

  const reserved = new Map<Village, Map<number, HukouHousehold>>();
  for (const village of villages) {
    const mine = pending.filter((p) => p.household.village === village);
    const span = Math.max(mine.length, mine.length + Math.ceil((streamQuota.get(village) ?? 0) / 3.3));
    const seqs = rng.shuffle(Array.from({ length: span }, (_, i) => i + 1)).slice(0, mine.length).sort((a, b) => a - b);
    // Older households get the lower numbers.
    const ordered = [...mine].sort((a, b) => a.household.created - b.household.created);
    const map = new Map<number, HukouHousehold>();
    ordered.forEach((p, i) => {
      p.household.no = hukouNo(county, village, seqs[i]);
      map.set(seqs[i], p.household);
    });
    reserved.set(village, map);
  }
  for (const p of pending) {
    if (p.splitParent && p.splitDate !== null) p.household.split = { from: p.splitParent.no, date: p.splitDate };
  }
  return { streamQuota, reserved };
}

function register(rng: Rng, county: County, drafts: Draft[], ids: IdAllocator, phones: PhoneBook, asOf: Day): RegisteredHousehold[] {
  const reservedNames = new Set(drafts.flatMap((d) => d.hukou.members.map((m) => m.name)));
  const helperCtx: HelperContext = { rng, ids, phones, county, asOf, reservedNames };
  // Helpers are assigned per township, 1–6 households each.
  const helperOf = new Map<Draft, Helper>();
  for (const township of county.townships) {
    const mine = rng.shuffle(drafts.filter((d) => d.village.township === township));
    let k = 0;
    for (const size of helperGroupSizes(rng, mine.length)) {
      const helper = newHelper(helperCtx, township);
      for (let i = 0; i < size; i++) helperOf.set(mine[k++], helper);
    }
  }
  const ordered = [...drafts].sort((a, b) => (a.hukou.no < b.hukou.no ? -1 : a.hukou.no > b.hukou.no ? 1 : b.members.length - a.members.length));
  const seqInVillage = new Map<Village, number>();
  return ordered.map((d) => {
    const seq = (seqInVillage.get(d.village) ?? 0) + 1;
    seqInVillage.set(d.village, seq);
    const helper = helperOf.get(d);
    if (!helper) throw new SampleError('样例生成内部错误：有户未分配帮扶责任人');
    const h: NewRegistered = {
      code: `${county.code}${d.village.township.code}${d.village.code}${pad(seq, 4)}`,
      village: d.village,
      hamlet: d.hukou.hamlet,
      head: d.head,
      members: d.members.map((p) => memberProfile(rng, p, p === d.head ? 'head' : p.relation, asOf)),
      shape: d.shape,
      hukou: d.hukou,
      phone: phones.mobile(),
      helper,
      allowExtremePoor: d.allowExtremePoor,
    };
    return registerHousehold(rng, asOf, h);
  });
}

function uniqueHelpers(registered: RegisteredHousehold[]): Helper[] {
  const seen = new Set<Helper>();
  const out: Helper[] = [];
  for (const r of registered) {
    if (!seen.has(r.helper)) {
      seen.add(r.helper);
      out.push(r.helper);
    }
  }
  return out;
}

export interface StreamedHousehold {
  household: HukouHousehold;
  /** Kept in memory (registered, relative or pool): its rows come from the hukou view. */
  inMemory: boolean;
}

/**
 * Every hukou household of the county, village by village in 户号 order: the in-memory ones at their reserved
 * numbers, the others generated on the fly. Yields exactly the configured number of people.
 */
export function* hukouHouseholds(truth: Truth): Generator<StreamedHousehold> {
  for (const village of allVillages(truth.county)) {
    const rng = truth.rng.fork(`hukou/${village.township.index}/${village.index}`);
    const ctx: FamilyContext = { rng, ids: truth.ids, county: truth.county, asOf: truth.asOf };
    yield* villageHouseholds(ctx, village, truth.streamQuota.get(village) ?? 0, truth.reserved.get(village) ?? new Map<number, HukouHousehold>());
  }
}

/**
 * The households of one village in 户号 order: `quota` people generated family by family from `ctx.rng`,
 * with the reserved (in-memory) households at their numbers.
 */
export function* villageHouseholds(
  ctx: FamilyContext,
  village: Village,
  quota: number,
  reserved: Map<number, HukouHousehold>,
): Generator<StreamedHousehold> {
  const { rng } = ctx;
  let remaining = quota;
  let pending = reserved.size;
  let seq = 1;
  function* reservedHere(): Generator<StreamedHousehold> {
    for (let h = reserved.get(seq); h; h = reserved.get(seq)) {
      pending--;
      seq++;
      yield { household: h, inMemory: true };
    }
  }
  while (remaining > 0 || pending > 0) {
    yield* reservedHere();
    if (remaining <= 0) {
      seq++;
      continue;
    }
    const drafts =
      remaining >= 8 && rng.chance(0.12)
        ? buildYoungSplit(ctx)
        : [buildFamily(ctx, rng.weighted<FamilyKind>([['nuclear', 45], ['threeGen', 20], ['elderly', 20], ['single', 15]]), remaining)];
    const unit = settle(rng, village, drafts);
    for (const p of unit) {
      yield* reservedHere();
      p.household.no = hukouNo(ctx.county, village, seq++);
      if (p.splitParent && p.splitDate !== null) p.household.split = { from: p.splitParent.no, date: p.splitDate };
      remaining -= p.household.members.length;
      yield { household: p.household, inMemory: false };
    }
  }
}
