/**
 * Loading every input of an audit: recognise each file's sheets, parse their rows, keep what the audit needs.
 * Hukou data covers every resident: it is streamed twice and only rows that concern registered households
 * (their members, their hukou households, their relatives) are kept, so memory follows registered households.
 */
import { ReadError } from '../io/types.js';
import type { SourceKind } from '../model/kinds.js';
import type { InputSummary } from '../model/audit.js';
import { readSheets, type SheetReading } from '../sources/read.js';
import type { Mapping } from '../sources/mapping.js';
import type { FieldMap, SourceRecord } from '../sources/define.js';
import type { HukouRecord } from '../sources/index.js';
import { emptyRosters, type LoadedSources } from '../link/index.js';
import type { RejectedRow, Rosters } from '../link/model.js';
import { nameOf, prefix15Of, idOf, typoBlocks } from '../link/records.js';
import { sharedNameKeys } from '../normalize/name.js';
import { isIdTypo } from '../normalize/id.js';
import type { IdResult } from '../normalize/types.js';

export interface InputFile {
  file: string;
  /** Kind from a command-line flag; undefined when found in a folder and recognised by its headers. */
  kind?: SourceKind;
}

/** A file named by a flag that cannot be read: the run stops with exit code 2. */
export class InputError extends Error {}

export interface LoadProgress {
  (event: { file: string; sheet?: string; rows?: number; phase: 'read' | 'hukou-scan' | 'hukou-keep' }): void;
}

function summary(s: SheetReading, kind: SourceKind | null, error: string | null): InputSummary {
  return {
    file: s.file,
    sheet: s.sheet,
    kind,
    format: s.format,
    encoding: s.encoding,
    rows: s.stats.rows,
    rejected: s.stats.rejected,
    error,
  };
}

function fileError(file: string, error: string): InputSummary {
  return { file, sheet: null, kind: null, format: null, encoding: null, rows: 0, rejected: 0, error };
}

const message = (e: unknown, file: string) =>
  e instanceof ReadError ? e.message : `读取 ${file} 时出错：${e instanceof Error ? e.message : String(e)}`;

type Sink = (spec: string, rec: SourceRecord<FieldMap>) => void;

function sinkInto(src: LoadedSources): Sink {
  const rosters = src.rosters as unknown as Record<string, unknown[]>;
  return (spec, rec) => {
    switch (spec) {
      case 'national':
      case 'household-file':
      case 'one-book':
      case 'notice-board':
        (src[spec] as unknown[]).push(rec);
        break;
      case 'one-book-ledger':
        src.ledger.push(rec as unknown as LoadedSources['ledger'][number]);
        break;
      default:
        rosters[spec]?.push(rec);
    }
  };
}

/** Reads one file; hukou sheets are left for the two hukou passes. Returns whether the file holds hukou data. */
async function readFile(
  input: InputFile,
  mapping: Mapping | undefined,
  src: LoadedSources,
  sink: Sink,
  explicit: boolean,
  progress?: LoadProgress,
  timings?: Map<string, number>,
): Promise<boolean> {
  let hasHukou = false;
  let sheets = 0;
  const unusable: string[] = [];
  const t0 = performance.now();
  let kind: string = 'unrecognised';
  try {
    for await (const s of readSheets(input.file, { kind: input.kind, mapping })) {
      sheets++;
      const spec = s.detection?.spec ?? null;
      if (!spec) {
        for await (const _ of s.records()) void _;
        src.inputs.push(summary(s, null, s.problem));
        unusable.push(`工作表「${s.sheet}」${s.problem ?? ''}`);
        continue;
      }
      if (sheets === 1 || kind === 'unrecognised') kind = spec.kind;
      if (spec.kind === 'hukou') {
        hasHukou = true;
        // Parsed in the hukou passes. A text file has one sheet and is left unread; a workbook's sheet is
        // streamed past without normalising, so that the next sheet can start.
        if (s.format !== 'csv' && s.format !== 'tsv' && s.table) for await (const _ of s.table.rows()) void _;
        continue;
      }
      for await (const row of s.records()) {
        if (row.record) sink(spec.id, row.record);
        else src.rejected.push({ kind: spec.kind, loc: row.loc, reason: row.rejected ?? '', text: row.text });
      }
      progress?.({ file: input.file, sheet: s.sheet, rows: s.stats.rows, phase: 'read' });
      src.inputs.push(summary(s, spec.kind, null));
    }
  } catch (e) {
    const msg = message(e, input.file);
    if (explicit) throw new InputError(msg);
    src.inputs.push(fileError(input.file, msg));
    return false;
  } finally {
    timings?.set(kind, (timings.get(kind) ?? 0) + performance.now() - t0);
  }
  if (sheets === 0) src.inputs.push(fileError(input.file, `${input.file} 中没有工作表`));
  // A file named on the command line must give something: one that holds no usable table stops the run.
  if (explicit && unusable.length === sheets) {
    throw new InputError(`${input.file} 中没有可用的表格：${unusable.join('；') || '文件中没有工作表'}`);
  }
  return hasHukou;
}

/** IDs scanned one by one up to this many; beyond, through typo blocks. */
const SCAN_LIMIT = 32;

/** IDs (cleaned, 18 characters) to find one typo away from another. */
class TypoIndex {
  /** Each once while there are few (one person is usually in several sources). */
  private readonly ids: string[] = [];
  /** Typo block (see typoBlocks) → IDs, for many; built when first needed. */
  private blocks: Map<string, string[]> | null = null;

  add(id18: string): void {
    if (this.ids.length <= SCAN_LIMIT && this.ids.includes(id18)) return;
    this.ids.push(id18);
    this.blocks = null;
  }

  /** One of them is one typo away from `id18` (one character changed, or two adjacent ones swapped). */
  hasTypoOf(id18: string): boolean {
    const ids = this.ids;
    if (ids.length <= SCAN_LIMIT) {
      for (let i = 0; i < ids.length; i++) if (isIdTypo(ids[i], id18)) return true;
      return false;
    }
    if (this.blocks === null) {
      this.blocks = new Map();
      for (const x of new Set(ids)) {
        for (const b of typoBlocks(x)) {
          const list = this.blocks.get(b);
          if (list) list.push(x);
          else this.blocks.set(b, [x]);
        }
      }
    }
    for (const b of typoBlocks(id18)) {
      const list = this.blocks.get(b);
      if (list) for (const x of list) if (isIdTypo(x, id18)) return true;
    }
    return false;
  }
}

/**
 * Registered people who share one name key. Their IDs are kept apart by validity: the check character catches
 * every one-character change and every swap of two adjacent characters, so two valid IDs are never one typo
 * apart, and a valid ID needs looking up among the invalid ones only.
 */
class Namesakes {
  /** Their birth dates. */
  readonly births = new Set<string>();
  private valid: TypoIndex | null = null;
  private invalid: TypoIndex | null = null;

  add(birth: string | null, id: IdResult | null): void {
    if (birth) this.births.add(birth);
    if (id === null || id.cleaned.length !== 18) return;
    if (id.status === 'valid') (this.valid ??= new TypoIndex()).add(id.cleaned);
    else (this.invalid ??= new TypoIndex()).add(id.cleaned);
  }

  /** Some of them have an ID of 18 characters: a valid one, or any. */
  hasIds(validToo: boolean): boolean {
    return this.invalid !== null || (validToo && this.valid !== null);
  }

  /** One of them has an ID one typo away from `id` (18 characters). */
  hasTypoOf(id: IdResult): boolean {
    if (this.invalid?.hasTypoOf(id.cleaned)) return true;
    return id.status !== 'valid' && this.valid !== null && this.valid.hasTypoOf(id.cleaned);
  }
}

/** FNV-1a hash of `s` from `from` to `to`, continuing `seed`. */
function hashText(s: string, from = 0, to = s.length, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Hashes of a set of strings, one bit each: "certainly not there" from one bit that stays in the processor's
 * cache, before the exact lookup in a large set (most hukou rows are nobody registered).
 */
class Sieve {
  private readonly bits: Int32Array;
  private readonly mask: number;

  constructor(entries: number) {
    let size = 1 << 12;
    while (size < entries * 16 && size < 1 << 27) size *= 2;
    this.bits = new Int32Array(size / 32);
    this.mask = size - 1;
  }

  add(hash: number): void {
    const i = hash & this.mask;
    this.bits[i >>> 5] |= 1 << (i & 31);
  }

  mayHave(hash: number): boolean {
    const i = hash & this.mask;
    return (this.bits[i >>> 5] & (1 << (i & 31))) !== 0;
  }
}

/** A set of strings looked up many times, most lookups failing: the sieve answers those. */
class SievedSet {
  private readonly sieve: Sieve;

  constructor(private readonly set: ReadonlySet<string>) {
    this.sieve = new Sieve(set.size);
    for (const s of set) this.sieve.add(hashText(s));
  }

  has(s: string): boolean {
    return this.sieve.mayHave(hashText(s)) && this.set.has(s);
  }
}

interface Sieves {
  ids: Sieve;
  damagedPrefixes: Sieve;
  /** Name key and birth date of every registered person. */
  births: Sieve;
  /** Name keys with an 18-character ID among their people, and those with an invalid one. */
  withIds: Sieve;
  withInvalidIds: Sieve;
}

/** What identifies the people of registered households, for picking their hukou rows out of all residents. */
export class Interest {
  readonly ids = new Set<string>();
  /** First 15 digits of every registered ID, and of those damaged (Excel kept only 15 digits). */
  readonly prefixes = new Set<string>();
  readonly damagedPrefixes = new Set<string>();
  /** Name key → the registered people of that name. */
  readonly names = new Map<string, Namesakes>();
  readonly householdNos = new Set<string>();
  /** Built from the sets above when first asked. */
  private sieves: Sieves | null = null;

  addPerson(r: Parameters<typeof idOf>[0]): void {
    this.sieves = null;
    const id = idOf(r);
    if (id?.id) this.ids.add(id.id);
    const p = prefix15Of(id);
    if (p) this.prefixes.add(p);
    if (p && id?.status === 'damaged') this.damagedPrefixes.add(p);
    const name = nameOf(r);
    if (!name) return;
    for (const k of sharedNameKeys(name)) {
      let namesakes = this.names.get(k);
      if (!namesakes) this.names.set(k, (namesakes = new Namesakes()));
      namesakes.add(id?.birthDate ?? null, id);
    }
  }

  /**
   * A hukou row that may be a registered person: same ID, same surviving 15 digits where one side is damaged, or a namesake whose ID is
   * one typo away or whose birth date is the same (the links the linker may make). Namesakes alone are not kept:
   * a county has thousands of them, and memory must follow registered households, not residents.
   */
  matches(r: HukouRecord): boolean {
    const sieves = (this.sieves ??= this.sift());
    const id = r.idNumber;
    if (id?.id && sieves.ids.mayHave(hashText(id.id)) && this.ids.has(id.id)) return true;
    // The surviving 15 digits link only where one side is damaged (as the linker does): undamaged IDs of one
    // birth day share them with a tenth of the people born that day.
    if (id && (id.status === 'damaged' || this.damagedPrefixes.size > 0)) {
      // The string prefix15Of takes its 15 digits from, hashed without cutting them out first.
      const from = id.status === 'damaged' ? id.prefix15 : (id.id ?? (id.cleaned.length === 18 ? id.cleaned : null));
      if (from !== null && (id.status === 'damaged' || sieves.damagedPrefixes.mayHave(hashText(from, 0, 15)))) {
        const p = prefix15Of(id);
        if (p && (this.damagedPrefixes.has(p) || (id.status === 'damaged' && this.prefixes.has(p)))) return true;
      }
    }
    if (!r.name) return false;
    const birth = r.birthDate ?? id?.birthDate ?? null;
    const id18 = id && id.cleaned.length === 18 ? id : null;
    // A valid ID can be a typo of an invalid one only (see Namesakes).
    const typos = id18 === null ? null : id18.status === 'valid' ? sieves.withInvalidIds : sieves.withIds;
    // Resident names are not cached: memory follows registered households, not residents.
    for (const k of sharedNameKeys(r.name, false)) {
      const key = hashText(k);
      if (!(birth && sieves.births.mayHave(hashText(birth, 0, birth.length, key))) && !typos?.mayHave(key)) continue;
      const namesakes = this.names.get(k);
      if (!namesakes) continue;
      if (birth && namesakes.births.has(birth)) return true;
      if (id18 !== null && namesakes.hasTypoOf(id18)) return true;
    }
    return false;
  }

  private sift(): Sieves {
    let births = 0;
    for (const namesakes of this.names.values()) births += namesakes.births.size;
    const sieves: Sieves = {
      ids: new Sieve(this.ids.size),
      damagedPrefixes: new Sieve(this.damagedPrefixes.size),
      births: new Sieve(births),
      withIds: new Sieve(this.names.size),
      withInvalidIds: new Sieve(this.names.size),
    };
    for (const id of this.ids) sieves.ids.add(hashText(id));
    for (const p of this.damagedPrefixes) sieves.damagedPrefixes.add(hashText(p));
    for (const [k, namesakes] of this.names) {
      const key = hashText(k);
      for (const birth of namesakes.births) sieves.births.add(hashText(birth, 0, birth.length, key));
      if (namesakes.hasIds(true)) sieves.withIds.add(key);
      if (namesakes.hasIds(false)) sieves.withInvalidIds.add(key);
    }
    return sieves;
  }
}

/**
 * Fields each hukou pass looks at before deciding on a row; the rest are parsed only for rows it keeps. Pass 2
 * needs the birth date only for rows without a household number (see there).
 */
const PASS1_FIELDS = ['idNumber', 'name', 'birthDate', 'householdNo'];
const PASS2_FIELDS = ['idNumber', 'name', 'householdNo', 'formerHouseholdNo', 'fatherId', 'motherId'];

async function hukouPass(
  files: InputFile[],
  mapping: Mapping | undefined,
  fields: readonly string[],
  onRow: (r: HukouRecord, complete: () => HukouRecord) => void,
  onSheet?: (s: SheetReading) => void,
  onRejected?: (r: RejectedRow) => void,
): Promise<void> {
  for (const input of files) {
    for await (const s of readSheets(input.file, { kind: input.kind, mapping, fields })) {
      const spec = s.detection?.spec;
      if (!spec || spec.kind !== 'hukou') {
        for await (const _ of s.records()) void _;
        continue;
      }
      for await (const row of s.records()) {
        if (row.record) onRow(row.record as unknown as HukouRecord, () => row.complete() as unknown as HukouRecord);
        else onRejected?.({ kind: 'hukou', loc: row.loc, reason: row.rejected ?? '', text: row.text });
      }
      onSheet?.(s);
    }
  }
}

export async function loadInputs(
  inputs: InputFile[],
  opts: {
    mapping?: Mapping;
    explicit: Set<string>;
    progress?: LoadProgress;
    /** Filled with milliseconds per source kind (reading and normalising) and per hukou pass. */
    timings?: Map<string, number>;
  },
): Promise<LoadedSources> {
  const src: LoadedSources = {
    national: [],
    'household-file': [],
    'one-book': [],
    ledger: [],
    hukou: [],
    'notice-board': [],
    rosters: emptyRosters() as Rosters,
    inputs: [],
    rejected: [],
    hukouRead: 0,
  };
  const sink = sinkInto(src);
  const hukouFiles: InputFile[] = [];
  for (const input of inputs) {
    if (await readFile(input, opts.mapping, src, sink, opts.explicit.has(input.file), opts.progress, opts.timings)) hukouFiles.push(input);
  }
  if (hukouFiles.length === 0) return src;

  const interest = new Interest();
  for (const r of src.national) interest.addPerson(r);
  for (const r of src['household-file']) interest.addPerson(r);
  for (const r of src['one-book']) interest.addPerson(r);
  // People named on the rosters: their own hukou rows are kept (where they live), not their households.
  const rosterIds = new Set<string>();
  for (const list of Object.values(src.rosters) as { idNumber: HukouRecord['idNumber'] }[][]) {
    for (const r of list) if (r.idNumber?.id) rosterIds.add(r.idNumber.id);
  }

  // Pass 1: which hukou households hold people of interest, and whom those people name as relatives.
  const relatives = new Set<string>();
  const formerNos = new Set<string>();
  const tPass1 = performance.now();
  await hukouPass(hukouFiles, opts.mapping, PASS1_FIELDS, (row, complete) => {
    if (!interest.matches(row)) return;
    const r = complete();
    if (r.householdNo) interest.householdNos.add(r.householdNo);
    if (r.formerHouseholdNo) formerNos.add(r.formerHouseholdNo);
    for (const rel of [r.fatherId, r.motherId, r.spouseId]) if (rel?.id) relatives.add(rel.id);
  });
  const tPass2 = performance.now();
  opts.timings?.set('hukou-pass1', tPass2 - tPass1);
  // Pass 2: keep members of those households, the households they split from or that split from them,
  // relatives, and members' children.
  const memberIds = interest.ids;
  // One lookup per row instead of one per set, through a sieve: most residents are in none.
  const keptHouseholds = new SievedSet(new Set([...interest.householdNos, ...formerNos]));
  const households = new SievedSet(interest.householdNos);
  const keptIds = new SievedSet(new Set([...relatives, ...memberIds, ...rosterIds]));
  const members = new SievedSet(memberIds);
  await hukouPass(
    hukouFiles,
    opts.mapping,
    PASS2_FIELDS,
    (r, complete) => {
      src.hukouRead++;
      const id = r.idNumber?.id;
      const keep =
        (r.householdNo && keptHouseholds.has(r.householdNo)) ||
        (r.formerHouseholdNo && households.has(r.formerHouseholdNo)) ||
        (id && keptIds.has(id)) ||
        (r.fatherId?.id && members.has(r.fatherId.id)) ||
        (r.motherId?.id && members.has(r.motherId.id)) ||
        // A row of interest with a household number put it among householdNos in pass 1: only rows without
        // one are asked again (with every field, the birth date included).
        (!r.householdNo && interest.matches(complete()));
      if (keep) src.hukou.push(complete());
    },
    (s) => {
      src.inputs.push(summary(s, 'hukou', null));
      opts.progress?.({ file: s.file, sheet: s.sheet, rows: s.stats.rows, phase: 'hukou-keep' });
    },
    (r) => src.rejected.push(r),
  );
  opts.timings?.set('hukou-pass2', performance.now() - tPass2);
  return src;
}
