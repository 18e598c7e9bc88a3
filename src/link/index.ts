/** The linking stage: from normalised records of every source to the linked dataset the rules read. */
import type { Policy } from '../model/policy.js';
import type { InputSummary } from '../model/audit.js';
import type { MainKind } from '../model/kinds.js';
import type { NationalRecord, HouseholdFileRecord, OneBookRecord, LedgerRecord, HukouRecord, BoardRecord } from '../sources/index.js';
import { compareNames, comparisonCount } from './compare.js';
import type { AmbiguousLink, CoverageMap, Dataset, Person, RegisteredHousehold, RejectedRow, Rosters, SourceHousehold } from './model.js';
import { linkPeople, linkByNameWithin, NAME_LINK_SCORE } from './people.js';
import { PeopleIndex, type Candidate } from './people-index.js';
import { registeredHouseholds, groupByHead, personKey } from './households.js';
import { linkBoards } from './boards.js';
import { linkRosters } from './rosters.js';
import { nameOf, validId } from './records.js';
import { VillageIndex, placeKeyOf } from './places.js';

export interface LoadedSources {
  national: NationalRecord[];
  'household-file': HouseholdFileRecord[];
  'one-book': OneBookRecord[];
  ledger: LedgerRecord[];
  /** Hukou rows the loader kept (those that concern registered households). */
  hukou: HukouRecord[];
  'notice-board': BoardRecord[];
  rosters: Rosters;
  inputs: InputSummary[];
  rejected: RejectedRow[];
  /** Hukou rows read in all (kept or not). */
  hukouRead: number;
}

export function emptyRosters(): Rosters {
  return { 'civil-affairs': [], vehicles: [], business: [], property: [], payroll: [], deaths: [], payouts: [] };
}

type GroupKind = 'household-file' | 'one-book';

/** Attaches archive or handbook households to registered ones: by the majority of their linked members. */
function attachGroups<R extends HouseholdFileRecord | OneBookRecord>(
  kind: GroupKind,
  groups: SourceHousehold<R>[],
  linked: Map<R, Candidate>,
  villages: VillageIndex<RegisteredHousehold>,
  ambiguous: AmbiguousLink[],
): SourceHousehold<R>[] {
  const unattached: SourceHousehold<R>[] = [];
  const slot = (h: RegisteredHousehold) => (kind === 'household-file' ? 'archive' : 'oneBook') as 'archive' | 'oneBook';
  for (const g of groups) {
    const votes = new Map<RegisteredHousehold, number>();
    for (const r of g.rows) {
      const c = linked.get(r);
      if (c) votes.set(c.household, (votes.get(c.household) ?? 0) + 1);
    }
    let target: RegisteredHousehold | null = null;
    const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked.length === 1 || (ranked.length > 1 && ranked[0][1] > ranked[1][1])) target = ranked[0][0];
    else if (ranked.length > 1) {
      ambiguous.push({
        kind,
        about: 'household',
        loc: g.rows[0].loc,
        message: `${g.headName ?? ''}户的成员分属国办系统的多户，无法确定对应哪一户`,
        householdIds: ranked.map(([h]) => h.householdId).sort(),
      });
      unattached.push(g);
      continue;
    } else {
      // No member linked: the head's name within the village.
      const cands = villages.in(g).filter((h) => compareNames(g.headName ?? '', h.headName ?? '').score >= NAME_LINK_SCORE);
      if (cands.length === 1) target = cands[0];
    }
    if (!target) {
      unattached.push(g);
      continue;
    }
    const key = slot(target);
    const existing = target[key] as SourceHousehold<R> | null;
    if (existing) existing.rows.push(...g.rows);
    else (target[key] as SourceHousehold<R> | null) = g;
  }
  return unattached;
}

/** Records of an attached group still unlinked: try the household's people by name, else a person of their own. */
function completeGroup<R extends HouseholdFileRecord | OneBookRecord>(
  kind: GroupKind,
  h: RegisteredHousehold,
  g: SourceHousehold<R> | null,
  linked: Map<R, Candidate>,
): void {
  if (!g) return;
  const inHousehold = new Set<R>();
  for (const p of h.people) {
    const r = p.records[kind];
    if (r) inHousehold.add(r as R);
  }
  linkByNameWithin(kind, h, g.rows, (r) => linked.has(r) || inHousehold.has(r), (r, p) => linked.set(r, { person: p, household: h }));
  for (const r of g.rows) {
    if (linked.has(r)) continue;
    const p: Person = { key: '', personId: validId(r), name: nameOf(r), records: { [kind]: r }, links: {} };
    p.key = personKey(p, h.householdId);
    h.people.push(p);
    linked.set(r, { person: p, household: h });
  }
}

function attachLedger(rows: readonly LedgerRecord[], villages: VillageIndex<RegisteredHousehold>, index: PeopleIndex): LedgerRecord[] {
  const left: LedgerRecord[] = [];
  for (const r of rows) {
    let target: RegisteredHousehold | null = null;
    const id = r.headId?.id;
    if (id) target = index.withId(id)?.[0]?.household ?? null;
    if (!target && r.headName) {
      // Without a village the ledger line cannot be placed by name: a county has many namesakes.
      const cands = villages.in(r).filter((h) => compareNames(r.headName ?? '', h.headName ?? '').score >= 0.95);
      if (cands.length === 1) target = cands[0];
    }
    if (target) target.ledger.push(r);
    else left.push(r);
  }
  return left;
}

function linkHukou(hukou: readonly HukouRecord[], households: readonly RegisteredHousehold[], index: PeopleIndex, ambiguous: AmbiguousLink[]) {
  const res = linkPeople('hukou', hukou, index, (r) => r);
  for (const a of res.ambiguous) ambiguous.push(a);
  const byNo = new Map<string, HukouRecord[]>();
  for (const r of hukou) {
    if (!r.householdNo) continue;
    const list = byNo.get(r.householdNo);
    if (list) list.push(r);
    else byNo.set(r.householdNo, [r]);
  }
  const byName = new Set<HukouRecord>();
  const linked = (r: HukouRecord) => res.linked.has(r) || byName.has(r);
  for (const h of households) {
    const nos = new Set<string>();
    for (const p of h.people) if (p.records.hukou?.householdNo) nos.add(p.records.hukou.householdNo);
    h.hukouNos = [...nos].sort();
    const others = h.hukouNos.flatMap((no) => byNo.get(no) ?? []).filter((r) => !linked(r));
    linkByNameWithin('hukou', h, others, linked, (r) => byName.add(r));
    h.hukouOthers = others.filter((r) => !linked(r));
  }
  const byId = new Map<string, HukouRecord>();
  for (const r of hukou) if (r.idNumber?.id && !byId.has(r.idNumber.id)) byId.set(r.idNumber.id, r);
  return { byId, byHouseholdNo: byNo };
}

/** Final identity of each person: hukou is the basis for who people are, then the national record. */
function settlePeople(households: readonly RegisteredHousehold[]): void {
  for (const h of households) {
    for (const p of h.people) {
      const r = p.records;
      p.personId =
        (r.hukou && validId(r.hukou)) ??
        (r.national && validId(r.national)) ??
        (r['household-file'] && validId(r['household-file'])) ??
        (r['one-book'] && validId(r['one-book'])) ??
        null;
      p.name = (r.hukou && nameOf(r.hukou)) ?? (r.national && nameOf(r.national)) ?? (r['household-file'] && nameOf(r['household-file'])) ?? (r['one-book'] && nameOf(r['one-book'])) ?? null;
      p.key = personKey(p, h.householdId);
    }
  }
}

function addPlace(cov: CoverageMap, kind: MainKind | keyof Rosters, township: string | null | undefined, village: string | null | undefined) {
  const c = (cov[kind] ??= { townships: new Map(), villages: new Map() });
  if (township) {
    const k = placeKeyOf(township);
    if (!c.townships.has(k)) c.townships.set(k, township);
  }
  if (village) {
    const k = placeKeyOf(village);
    if (!c.villages.has(k)) c.villages.set(k, township ? `${township}/${village}` : village);
  }
}

/**
 * Which villages each source covers: the villages its records name, and those of the registered households it
 * holds (for sources without place columns).
 */
function coverageOf(src: LoadedSources, households: readonly RegisteredHousehold[]): CoverageMap {
  const cov: CoverageMap = {};
  // Rows come village by village: a row naming the same place as the row before adds nothing.
  const addRows = (kind: MainKind, rows: readonly { township: string | null; village: string | null }[]) => {
    let prev: { township: string | null; village: string | null } | null = null;
    for (const r of rows) {
      if (prev && prev.township === r.township && prev.village === r.village) continue;
      addPlace(cov, kind, r.township, r.village);
      prev = r;
    }
  };
  addRows('national', src.national);
  addRows('household-file', src['household-file']);
  addRows('one-book', src['one-book']);
  addRows('notice-board', src['notice-board']);
  for (const h of households) {
    if (h.archive) addPlace(cov, 'household-file', h.township, h.village);
    if (h.oneBook) addPlace(cov, 'one-book', h.township, h.village);
    if (h.board) addPlace(cov, 'notice-board', h.township, h.village);
    if (h.hukouNos.length) addPlace(cov, 'hukou', h.township, h.village);
  }
  addRows('hukou', src.hukou);
  return cov;
}

/** Ambiguities a later, household-bound step resolved (the record ended up linked) are no longer reported. */
function settledAmbiguities(ambiguous: AmbiguousLink[], households: readonly RegisteredHousehold[]): AmbiguousLink[] {
  const key = (kind: string, loc: { file: string; sheet: string | null; row: number }) => `${kind}|${loc.file}|${loc.sheet}|${loc.row}`;
  // Only rows some record-level ambiguity names can settle one: other records are passed over by row number,
  // without building their key.
  const rows = new Set<number>();
  for (const a of ambiguous) if (a.about === 'record') rows.add(a.loc.row);
  if (rows.size === 0) return ambiguous;
  const linked = new Set<string>();
  const note = (kind: string, loc: { file: string; sheet: string | null; row: number }) => {
    if (rows.has(loc.row)) linked.add(key(kind, loc));
  };
  for (const h of households) {
    for (const p of h.people) {
      const r = p.records;
      const l = p.links;
      if (r.national && l.national) note('national', r.national.loc);
      if (r['household-file'] && l['household-file']) note('household-file', r['household-file'].loc);
      if (r['one-book'] && l['one-book']) note('one-book', r['one-book'].loc);
      if (r.hukou && l.hukou) note('hukou', r.hukou.loc);
    }
    if (h.board) note('notice-board', h.board.record.loc);
  }
  return ambiguous.filter((a) => a.about === 'household' || !linked.has(key(a.kind, a.loc)));
}

export function linkDataset(src: LoadedSources, policy: Policy, asOf: string): Dataset {
  const comparisonsBefore = comparisonCount();
  const ambiguous: AmbiguousLink[] = [];
  const rejected = [...src.rejected];
  const { households, withoutNumber } = registeredHouseholds(src.national);
  for (const r of withoutNumber) {
    rejected.push({ kind: 'national', loc: r.loc, reason: '国办系统数据缺少户编号，无法归户', text: nameOf(r) ?? '' });
  }
  const index = new PeopleIndex(households);
  const villages = new VillageIndex(households);

  const archive = linkPeople('household-file', src['household-file'], index, (r) => r);
  for (const a of archive.ambiguous) ambiguous.push(a);
  const archiveGroups = groupByHead('household-file', src['household-file']);
  const archiveLeft = attachGroups('household-file', archiveGroups, archive.linked, villages, ambiguous);

  for (const h of households) completeGroup('household-file', h, h.archive, archive.linked);

  // Members only the archive lists are people too: the handbook and hukou link to them as well.
  index.extend();
  const book = linkPeople('one-book', src['one-book'], index, (r) => r);
  for (const a of book.ambiguous) ambiguous.push(a);
  const bookGroups = groupByHead('one-book', src['one-book']);
  const bookLeft = attachGroups('one-book', bookGroups, book.linked, villages, ambiguous);
  for (const h of households) completeGroup('one-book', h, h.oneBook, book.linked);

  index.extend();
  const ledgerLeft = attachLedger(src.ledger, villages, index);
  const hukou = linkHukou(src.hukou, households, index, ambiguous);
  const boards = linkBoards(src['notice-board'], households);
  for (const a of boards.ambiguous) ambiguous.push(a);
  settlePeople(households);
  const settled = settledAmbiguities(ambiguous, households);

  return {
    asOf,
    policy,
    households,
    byHouseholdId: new Map(households.map((h) => [h.householdId, h])),
    unattached: { archive: archiveLeft, oneBook: bookLeft, boards: boards.unattached, ledger: ledgerLeft },
    ambiguous: settled,
    rosters: src.rosters,
    rosterLinks: linkRosters(src.rosters, index),
    hukou: { ...hukou, read: src.hukouRead, kept: src.hukou.length },
    coverage: coverageOf(src, households),
    rejected,
    inputs: src.inputs,
    stats: { comparisons: comparisonCount() - comparisonsBefore },
  };
}
