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
import { Interest, personKey } from './interest.js';
import type { SheetKeys } from './hukou-keys.js';
import { MAY_KEEP, MAY_MATCH, pickRows } from './hukou-pick.js';
import { startHukouScans, type HukouScans } from './hukou-scans.js';

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
  const hukouFiles: InputFile[] = [];
  // Hukou data is scanned first (on another core where it can be) while the other files are read here.
  const pick = opts.hukouPick ?? 'text';
  const scans =
    pick === 'none' ? null : startHukouScans(inputs.filter((i) => i.kind === undefined || i.kind === 'hukou'), opts.mapping, { plain: pick === 'text' });
  try {
    for (const input of inputs) {
      if (await readFile(input, opts.mapping, src, sink, opts.explicit.has(input.file), opts.progress, opts.timings)) hukouFiles.push(input);
    }
    if (hukouFiles.length > 0) await readHukou(hukouFiles, scans, src, opts);
  } finally {
    await scans?.close();
  }
  return src;
}

/**
 * The hukou rows that concern registered households, in two passes over rows picked from their keys (the rest
 * are not parsed): pass 1 finds the hukou households of registered people and the relatives they name, pass 2
 * keeps the rows of those households and people.
 */
async function readHukou(hukouFiles: InputFile[], scans: HukouScans | null, src: LoadedSources, opts: LoadOptions): Promise<void> {

  scans?.only(hukouFiles.map((f) => f.file));

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
  const tScan = performance.now();
  /** Per file, its hukou sheets' names and marks (none: every row is parsed). */
  const picks: { sheet: string; marks: Uint8Array }[][] = [];
  if (scans) {
    const keys: SheetKeys[][] = [];
    for (const input of hukouFiles) keys.push(await scans.get(input.file, input.kind));
    await scans.close();
    if (scans.workerMs > 0) opts.timings?.set('hukou-scan-worker', scans.workerMs);
    const marks = pickRows(keys.flat(), interest, rosterIds);
    for (const fileKeys of keys) picks.push(fileKeys.map((k) => ({ sheet: k.sheet, marks: marks.shift() as Uint8Array })));
  }
  const tRead = performance.now();
  opts.timings?.set('hukou-scan', tRead - tScan);
  const picked: Picked[] = [];
  for (const [f, input] of hukouFiles.entries()) {
    const filePicks = picks[f] ?? [];
    let fileSheet = 0;
    /** The marks of the sheet being read (null: parse every row), and the data row being read. */
    let m: Uint8Array | null = null;
    let at = 0;
    const passOver = () => {
      const i = at++;
      return m !== null && i < m.length && m[i] === 0;
    };
    for await (const s of readSheets(input.file, { kind: input.kind, mapping: opts.mapping, passOver })) {
      if (s.detection?.spec?.kind !== 'hukou') {
        if (s.table) for await (const _ of s.table.rows()) void _;
        continue;
      }
      // The scan's sheets are this read's: any other answer (the file changed meanwhile) parses every row.
      const p = filePicks[fileSheet++];
      m = p && p.sheet === s.sheet ? p.marks : null;
      at = 0;
      for await (const row of s.records()) {
        const mark = m === null || at > m.length ? MAY_MATCH | MAY_KEEP : m[at - 1];
        if (row.record) picked.push({ r: row.record as unknown as HukouRecord, mayMatch: (mark & MAY_MATCH) !== 0 });
        else src.rejected.push({ kind: 'hukou', loc: row.loc, reason: row.rejected ?? '', text: row.text });
      }
      m = null;
      src.hukouRead += s.stats.rows - s.stats.rejected;
      src.inputs.push(summary(s, 'hukou', null));
      opts.progress?.({ file: s.file, sheet: s.sheet, rows: s.stats.rows, phase: 'hukou-keep' });
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

/** A hukou row parsed for the passes; `mayMatch`: pass 1 asks about it. */
interface Picked {
  r: HukouRecord;
  mayMatch: boolean;
}
