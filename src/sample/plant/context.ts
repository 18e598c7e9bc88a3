/**
 * What a plant step works with: the rendered views, the truth they came from, and the bookkeeping of the
 * plants step — which households already carry a plant, what was planted (`PlantRecord`) and which hard
 * negatives the audit must leave alone (`NegativeRecord`). Row helpers find, change, add and remove a
 * household's rows in each view.
 */
import type { Category, Field } from '../../model/finding.js';
import type { SourceKind } from '../../model/kinds.js';
import type { Truth } from '../county.js';
import { ageAt } from '../dates.js';
import type { HukouHousehold, Person, RegisteredHousehold, RegisteredMember, Village } from '../model.js';
import type { Rng } from '../rng.js';
import type { ViewCell, ViewRow, Views } from '../views.js';

export interface PlantRecord {
  category: Category;
  /** The generator's name of the planted pattern (not an audit rule id). */
  rule: string;
  householdId: string | null;
  personId: string | null;
  field: Field;
  /** The source kind to correct; null for the suspected categories (a field visit decides). */
  source: SourceKind | null;
  /** Chinese: what was done, with the value as the file now holds it. */
  note: string;
  /** Set on a risk warning (DOMAIN §5.2: income barely above the threshold): not a finding. */
  warning?: true;
}

/** A case built to look like a problem that is not one: the audit must report nothing of `categories` on it. */
export interface NegativeRecord {
  pattern: string;
  householdId: string | null;
  personId: string | null;
  categories: Category[];
  /** Only these fields are negative; null: every field of the categories. */
  fields: Field[] | null;
  /** Chinese: why this is not a problem. */
  note: string;
}

/**
 * What a plant touches in a household, so that plants that would interact never meet: a plant takes a
 * household no other plant has claimed; the helper-cap plant then shares households with the plants that
 * left the helper alone, and the archive ID damage shares them with plants that left the archive alone.
 */
export type Aspect = 'helper' | 'archive' | 'other';
/** Claimed by default: everything but the helper. */
export const EXCEPT_HELPER: readonly Aspect[] = ['archive', 'other'];
/** Claimed by plants about the helper, and by negatives that no other plant may touch. */
export const EVERYTHING: readonly Aspect[] = ['helper', 'archive', 'other'];

/** Views holding household rows, by the source kind they render (the ledger is the handbook's second sheet). */
export type RowKind = 'national' | 'household-file' | 'one-book' | 'ledger' | 'notice-board';

export class PlantContext {
  readonly plants: PlantRecord[] = [];
  readonly negatives: NegativeRecord[] = [];
  private readonly claims = new Map<string, Set<Aspect>>();
  private byNo: Map<string, HukouHousehold> | null = null;
  private byHukou: Map<HukouHousehold, RegisteredHousehold[]> | null = null;
  /** Rows of a view by household, rebuilt when the view changes length or is edited here. */
  private readonly rowIndex = new Map<ViewRow[], { length: number; byHid: Map<string, ViewRow[]> }>();

  constructor(
    readonly views: Views,
    readonly truth: Truth,
    /** Random numbers of the step running (each step gets its own stream). */
    public rng: Rng,
  ) {}

  /** True when no plant has claimed the household. */
  free(h: RegisteredHousehold): boolean {
    return !this.claims.has(h.code);
  }

  /** True when no plant claimed this aspect of the household. */
  freeOf(h: RegisteredHousehold, aspect: Aspect): boolean {
    return !(this.claims.get(h.code)?.has(aspect) ?? false);
  }

  claim(h: RegisteredHousehold, aspects: readonly Aspect[] = EXCEPT_HELPER): void {
    const set = this.claims.get(h.code) ?? new Set<Aspect>();
    for (const a of aspects) set.add(a);
    this.claims.set(h.code, set);
  }

  /** Households that no plant has claimed and that pass `test`, in the truth's order. */
  candidates(test: (h: RegisteredHousehold) => boolean): RegisteredHousehold[] {
    return this.truth.registered.filter((h) => this.free(h) && test(h));
  }

  /** One household of the candidates, claimed; null when there is none. */
  take(test: (h: RegisteredHousehold) => boolean, aspects: readonly Aspect[] = EXCEPT_HELPER): RegisteredHousehold | null {
    const list = this.candidates(test);
    if (list.length === 0) return null;
    const h = this.rng.pick(list);
    this.claim(h, aspects);
    return h;
  }

  /** An in-memory hukou household by its 户号. */
  hukouHousehold(no: string | undefined): HukouHousehold | null {
    if (!this.byNo) this.byNo = new Map(this.truth.inMemory.map((x) => [x.no, x]));
    return no === undefined ? null : (this.byNo.get(no) ?? null);
  }

  /** The registered households a hukou household holds. */
  registeredIn(x: HukouHousehold): RegisteredHousehold[] {
    if (!this.byHukou) {
      this.byHukou = new Map();
      for (const h of this.truth.registered) this.byHukou.set(h.hukou, [...(this.byHukou.get(h.hukou) ?? []), h]);
    }
    return this.byHukou.get(x) ?? [];
  }

  plant(record: PlantRecord): void {
    this.plants.push(record);
  }

  negative(record: NegativeRecord): void {
    this.negatives.push(record);
  }

  age(p: Person): number {
    return ageAt(p.birth, this.truth.asOf);
  }

  /** The array a household's rows live in (for the archive: its village sheet). */
  private container(kind: RowKind, hid: string): ViewRow[] {
    const v = this.views;
    switch (kind) {
      case 'national':
        return v.national;
      case 'one-book':
        return v.oneBookMembers;
      case 'ledger':
        return v.oneBookLedger;
      case 'notice-board':
        return v.noticeBoard;
      case 'household-file':
        return v.householdFile.find((s) => this.indexOf(s.rows).has(hid))?.rows ?? [];
    }
  }

  /** Household → its rows, in view order (a view of 150,000 rows is not scanned for every household). */
  private indexOf(list: ViewRow[]): Map<string, ViewRow[]> {
    const known = this.rowIndex.get(list);
    if (known && known.length === list.length) return known.byHid;
    const byHid = new Map<string, ViewRow[]>();
    for (const r of list) {
      if (r.householdId === null) continue;
      const rows = byHid.get(r.householdId);
      if (rows) rows.push(r);
      else byHid.set(r.householdId, [r]);
    }
    this.rowIndex.set(list, { length: list.length, byHid });
    return byHid;
  }

  rows(kind: RowKind, hid: string): ViewRow[] {
    return [...(this.indexOf(this.container(kind, hid)).get(hid) ?? [])];
  }

  /** The household's row about one person in a member view. */
  row(kind: RowKind, hid: string, personId: string): ViewRow | null {
    return this.rows(kind, hid).find((r) => r.personId === personId) ?? null;
  }

  /** Sets a column on every row of the household in a view. */
  set(kind: RowKind, hid: string, column: string, value: ViewCell): void {
    for (const r of this.rows(kind, hid)) r.cells[column] = value;
  }

  /** Removes the household's rows (all, or those passing `which`) from a view. */
  remove(kind: RowKind, hid: string, which: (r: ViewRow) => boolean = () => true): void {
    const list = this.container(kind, hid);
    this.rowIndex.delete(list);
    for (let i = list.length - 1; i >= 0; i--) if (list[i].householdId === hid && which(list[i])) list.splice(i, 1);
  }

  /** Adds a row after the household's last row in a view. */
  append(kind: RowKind, hid: string, row: ViewRow): void {
    const list = this.container(kind, hid);
    let at = -1;
    list.forEach((r, i) => {
      if (r.householdId === hid) at = i;
    });
    if (at < 0) throw new Error(`样例生成内部错误：户编号 ${hid} 在视图 ${kind} 中没有行`);
    this.rowIndex.delete(list);
    list.splice(at + 1, 0, row);
  }

  /** Rows of an in-memory hukou household. */
  hukou(no: string): ViewRow[] {
    const rows = this.views.hukou.get(no);
    if (!rows) throw new Error(`样例生成内部错误：户号 ${no} 不在内存中`);
    return rows;
  }

  /** True when a hukou row can be added: some village still streams residents of its own. */
  hukouRoom(): boolean {
    for (const quota of this.truth.streamQuota.values()) if (quota > 0) return true;
    return false;
  }

  /**
   * Adds a row to an in-memory hukou household. The configured total of hukou people stays exact: a village
   * streams one resident less (check `hukouRoom` first).
   */
  addHukouRow(no: string, row: ViewRow): void {
    for (const [village, quota] of this.truth.streamQuota) {
      if (quota > 0) {
        this.truth.streamQuota.set(village, quota - 1);
        this.hukou(no).push(row);
        return;
      }
    }
    throw new Error('样例生成内部错误：户籍人口数已满，不能再加户籍行');
  }
}

/** Living members other than the head. */
export function others(h: RegisteredHousehold): RegisteredMember[] {
  return h.members.filter((m) => m.person !== h.head);
}

/** The household is the whole of its hukou household and the registered head is the hukou head. */
export function wholeHousehold(h: RegisteredHousehold): boolean {
  return h.shape === 'whole' && h.hukou.members[0] === h.head;
}

const villageCounts = new WeakMap<Truth, Map<Village, number>>();

/** Villages with at least `n` registered households (so that a source still covers the village). */
export function villageHas(truth: Truth, h: RegisteredHousehold, n: number): boolean {
  let counts = villageCounts.get(truth);
  if (!counts) {
    counts = new Map();
    for (const x of truth.registered) counts.set(x.village, (counts.get(x.village) ?? 0) + 1);
    villageCounts.set(truth, counts);
  }
  return (counts.get(h.village) ?? 0) >= n;
}

/** Hard negatives the truth holds anyway are recorded up to this many per pattern (a big county has thousands). */
export const NATURAL_NEGATIVES_RECORDED = 100;

export type PlantStep = (ctx: PlantContext) => void;
