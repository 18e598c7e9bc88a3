/**
 * Loading every input of an audit: recognise each file's sheets, parse their rows, keep what the audit needs.
 * Hukou data covers every resident: it is scanned once into compact keys (hukou-keys.ts, on a worker thread
 * where there is one) and read again parsing only rows that may concern registered households (their members,
 * their hukou households, their relatives); only those are kept, so memory follows registered households.
 */
import type { InputSummary } from '../model/audit.js';
import { readSheets } from '../sources/read.js';
import type { RowSkip } from '../io/types.js';
import { IdPool } from '../normalize/id.js';
import type { Mapping } from '../sources/mapping.js';
import type { FieldMap, SourceRecord } from '../sources/define.js';
import type { HukouRecord } from '../sources/index.js';
import { emptyRosters, type LoadedSources } from '../link/index.js';
import type { Rosters } from '../link/model.js';
import { Interest, personKey } from './interest.js';
import type { SheetKeys } from './hukou-keys.js';
import { MAY_KEEP, MAY_MATCH, pickRows } from './hukou-pick.js';
import { readInput, summary, type FileRead, type InputFile, type ScanOptions } from './read-input.js';
import { startSideReader } from './side-reader.js';

export type { InputFile } from './read-input.js';

/** A file named by a flag that cannot be read: the run stops with exit code 2. */
export class InputError extends Error {}

export interface LoadProgress {
  (event: { file: string; sheet?: string; rows?: number; phase: 'read' | 'hukou-keep' }): void;
}

function fileError(file: string, error: string): InputSummary {
  return { file, sheet: null, kind: null, format: null, encoding: null, rows: 0, rejected: 0, error };
}

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

/**
 * Puts one file's reading into the loaded sources; returns whether it holds hukou data. A file named on the
 * command line must give something: one that cannot be read or holds no usable table stops the run.
 */
function applyFileRead(read: FileRead, src: LoadedSources, sink: Sink, explicit: boolean, progress?: LoadProgress, timings?: Map<string, number>): boolean {
  const unusable: string[] = [];
  for (const sheet of read.sheets) {
    if (sheet.type === 'unusable') {
      src.inputs.push(sheet.summary);
      unusable.push(sheet.message);
    } else if (sheet.type === 'records') {
      for (const rec of sheet.records) sink(sheet.specId, rec);
      for (const r of sheet.rejected) src.rejected.push(r);
      progress?.({ file: read.file, sheet: sheet.summary.sheet ?? undefined, rows: sheet.summary.rows, phase: 'read' });
      src.inputs.push(sheet.summary);
    }
  }
  timings?.set(read.kind, (timings.get(read.kind) ?? 0) + read.ms);
  if (read.error !== null) {
    if (explicit) throw new InputError(read.error);
    src.inputs.push(fileError(read.file, read.error));
    return false;
  }
  if (read.sheets.length === 0) src.inputs.push(fileError(read.file, `${read.file} 中没有工作表`));
  if (explicit && unusable.length === read.sheets.length) {
    throw new InputError(`${read.file} 中没有可用的表格：${unusable.join('；') || '文件中没有工作表'}`);
  }
  return read.sheets.some((sh) => sh.type === 'hukou');
}

export interface LoadOptions {
  mapping?: Mapping;
  explicit: Set<string>;
  progress?: LoadProgress;
  /** Filled with milliseconds per source kind (reading and normalising) and of the hukou steps. */
  timings?: Map<string, number>;
  /**
   * How hukou rows are picked before the passes: from keys made from their text where it is plain (default),
   * from keys of every row parsed, or not at all (every row parsed and judged). The last two check the first.
   */
  hukouPick?: 'text' | 'parsed' | 'none';
  /** Given every hukou sheet's keys after the pick, before they are let go (by-county.ts collects IDs). */
  hukouKeys?: (keys: readonly SheetKeys[]) => void;
}

export async function loadInputs(inputs: InputFile[], opts: LoadOptions): Promise<LoadedSources> {
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
  const pick = opts.hukouPick ?? 'text';
  const scan: ScanOptions | null = pick === 'none' ? null : { plain: pick === 'text' };
  const hukouFiles: HukouFile[] = [];
  // Files are read here in order, and by a worker thread (where there is one) largest first, then from the
  // end back (side-reader.ts): each file by whichever starts it. Their readings go into the sources in the
  // order the files were given.
  // ID results are shared across the files (a person is in several sources and in relatives' hukou rows).
  const ids = new IdPool();
  const side = startSideReader(inputs, opts.mapping, scan, ids);
  try {
    const readings: (FileRead | Promise<FileRead | null> | null)[] = [];
    let applied = 0;
    const apply = (read: FileRead) => {
      // Applied readings are let go (their records live on in the sources).
      readings[applied] = null;
      const input = inputs[applied++];
      if (applyFileRead(read, src, sink, opts.explicit.has(input.file), opts.progress, opts.timings)) hukouFiles.push({ input, keys: read.hukou });
    };
    for (const [i, input] of inputs.entries()) {
      readings.push(side.claim(i) ? await readInput(input, opts.mapping, scan, ids) : side.result(i));
      // Apply what is ready, in order (the worker's readings when they have come).
      while (applied < readings.length) {
        const next = readings[applied];
        const read = next instanceof Promise ? side.delivered(applied) : next;
        if (!read) break;
        apply(read);
      }
    }
    while (applied < readings.length) {
      // A reading the worker could not give (it failed) is done here.
      apply((await readings[applied]) ?? (await readInput(inputs[applied], opts.mapping, scan, ids)));
    }
    if (side.workerMs > 0) opts.timings?.set('worker', side.workerMs);
  } finally {
    await side.close();
  }
  if (hukouFiles.length > 0) await readHukou(hukouFiles, scan === null, src, ids, opts);
  return src;
}

/** A file that holds hukou data, and its hukou sheets' keys. */
interface HukouFile {
  input: InputFile;
  keys: SheetKeys[];
}

/**
 * The hukou rows that concern registered households, in two passes over rows picked from their keys (the rest
 * are not parsed): pass 1 finds the hukou households of registered people and the relatives they name, pass 2
 * keeps the rows of those households and people.
 */
async function readHukou(hukouFiles: HukouFile[], unpicked: boolean, src: LoadedSources, ids: IdPool, opts: LoadOptions): Promise<void> {
  // Timed with the picking: the registered people's index is what the rows are picked by.
  const tPick = performance.now();
  const interest = new Interest();
  for (const r of src.national) interest.add(personKey(r));
  for (const r of src['household-file']) interest.add(personKey(r));
  for (const r of src['one-book']) interest.add(personKey(r));
  // People named on the rosters: their own hukou rows are kept (where they live), not their households.
  const rosterIds = new Set<string>();
  for (const list of Object.values(src.rosters) as { idNumber: HukouRecord['idNumber'] }[][]) {
    for (const r of list) if (r.idNumber?.id) rosterIds.add(r.idNumber.id);
  }

  // The rows the two passes below may use, picked from every row's keys (scanned while the rest was read).
  /** Per file, its hukou sheets' marks by row number (none: every row is parsed). */
  const picks: Map<string, Uint8Array>[] = [];
  if (!unpicked) {
    const marks = pickRows(hukouFiles.flatMap((f) => f.keys), interest, rosterIds);
    for (const f of hukouFiles) {
      opts.hukouKeys?.(f.keys);
      picks.push(new Map(f.keys.map((k) => [k.sheet, marksByRow(k, marks.shift() as Uint8Array)])));
      // The keys are not needed any more: let them go before the rows are read again.
      f.keys = [];
    }
  }
  const tRead = performance.now();
  opts.timings?.set('hukou-pick', tRead - tPick);
  const picked: Picked[] = [];
  for (const [f, { input }] of hukouFiles.entries()) {
    const sheets = picks[f] ?? new Map<string, Uint8Array>();
    /** Rows of the scan the reader left unread, per sheet: rows picked from the keys are all that is read. */
    const unread = new Map<string, { rows: number }>();
    const skipRows = (sheet: string): RowSkip | undefined => {
      const marks = sheets.get(sheet);
      if (!marks) return undefined;
      const count = { rows: 0 };
      unread.set(sheet, count);
      return (row) => {
        if (row >= marks.length || (marks[row] & PICKED) !== 0) return false;
        if ((marks[row] & SCANNED) !== 0) count.rows++;
        return true;
      };
    };
    /** The marks of the sheet being read (null: parse every row). */
    let marks: Uint8Array | null = null;
    const passOver = (_text: unknown, row: number) => marks !== null && row < marks.length && (marks[row] & PICKED) === 0;
    for await (const s of readSheets(input.file, { kind: input.kind, mapping: opts.mapping, passOver, skipRows, ids })) {
      if (s.detection?.spec?.kind !== 'hukou') {
        if (s.table) for await (const _ of s.table.rows()) void _;
        continue;
      }
      // The scan's sheets are this read's: a row beyond them (the file changed meanwhile) is parsed.
      marks = sheets.get(s.sheet) ?? null;
      for await (const batch of s.recordBatches()) {
        for (const row of batch) {
          const mark = marks === null || row.loc.row >= marks.length ? PICKED : marks[row.loc.row];
          if (row.record) picked.push({ r: row.record as unknown as HukouRecord, mayMatch: (mark & MAY_MATCH) !== 0 });
          else src.rejected.push({ kind: 'hukou', loc: row.loc, reason: row.rejected ?? '', text: row.text });
        }
      }
      marks = null;
      const read = summary(s, 'hukou', null);
      read.rows += unread.get(s.sheet)?.rows ?? 0;
      src.hukouRead += read.rows - read.rejected;
      src.inputs.push(read);
      opts.progress?.({ file: s.file, sheet: s.sheet, rows: read.rows, phase: 'hukou-keep' });
    }
  }

  // Pass 1: which hukou households hold people of interest, and whom those people name as relatives.
  const relatives = new Set<string>();
  const formerNos = new Set<string>();
  for (const { r, mayMatch } of picked) {
    if (!mayMatch || !interest.matches(r)) continue;
    if (r.householdNo) interest.householdNos.add(r.householdNo);
    if (r.formerHouseholdNo) formerNos.add(r.formerHouseholdNo);
    for (const rel of [r.fatherId, r.motherId, r.spouseId]) if (rel?.id) relatives.add(rel.id);
  }
  // Pass 2: keep members of those households, the households they split from or that split from them,
  // relatives, and members' children.
  const members = interest.ids;
  const households = interest.householdNos;
  const keptHouseholds = new Set([...households, ...formerNos]);
  const keptIds = new Set([...relatives, ...members, ...rosterIds]);
  for (const { r, mayMatch } of picked) {
    const id = r.idNumber?.id;
    const keep =
      (r.householdNo && keptHouseholds.has(r.householdNo)) ||
      (r.formerHouseholdNo && households.has(r.formerHouseholdNo)) ||
      (id && keptIds.has(id)) ||
      (r.fatherId?.id && members.has(r.fatherId.id)) ||
      (r.motherId?.id && members.has(r.motherId.id)) ||
      // A row of interest with a household number put it among householdNos in pass 1.
      (!r.householdNo && mayMatch && interest.matches(r));
    if (keep) src.hukou.push(r);
  }
  opts.timings?.set('hukou-keep', performance.now() - tRead);
}

/** A row the passes may use: MAY_MATCH or MAY_KEEP. */
const PICKED = MAY_MATCH | MAY_KEEP;
/** A data row of the scan (whether picked or not). */
const SCANNED = 4;

/** A sheet's marks indexed by row number, each with SCANNED. */
function marksByRow(k: SheetKeys, marks: Uint8Array): Uint8Array {
  let last = 0;
  for (let i = 0; i < k.rows; i++) if (k.rowNo[i] > last) last = k.rowNo[i];
  const byRow = new Uint8Array(last + 1);
  for (let i = 0; i < k.rows; i++) byRow[k.rowNo[i]] = marks[i] | SCANNED;
  return byRow;
}

/** A hukou row parsed for the passes; `mayMatch`: pass 1 asks about it. */
interface Picked {
  r: HukouRecord;
  mayMatch: boolean;
}
