/**
 * Loading every input of an audit: recognise each file's sheets, parse their rows, keep what the audit needs.
 * Hukou data covers every resident: it is streamed twice and only rows that concern registered households
 * (their members, their hukou households, their relatives) are kept, so memory follows registered households.
 */
import { ReadError } from '../io/types.js';
import type { SourceKind } from '../model/kinds.js';
import type { InputSummary } from '../model/audit.js';
import { readSheets, type ReadOptions, type SheetReading } from '../sources/read.js';
import type { Mapping } from '../sources/mapping.js';
import type { FieldMap, SourceRecord } from '../sources/define.js';
import type { HukouRecord } from '../sources/index.js';
import { emptyRosters, type LoadedSources } from '../link/index.js';
import type { RejectedRow, Rosters } from '../link/model.js';
import { Interest, personKey, SievedSet } from './interest.js';
import { isPlainHan } from '../normalize/name.js';

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

/**
 * Fields each hukou pass looks at before deciding on a row; the rest are parsed only for rows it keeps. Pass 2
 * needs the birth date only for rows without a household number (see there).
 */
const PASS1_FIELDS = ['idNumber', 'name', 'birthDate', 'householdNo'];
const PASS2_FIELDS = ['idNumber', 'name', 'householdNo', 'formerHouseholdNo', 'fatherId', 'motherId'];
/** Text that parses to itself: a household number of digits, an 18-character ID in upper case. */
const PLAIN_CODE = /^\d+$/;
const PLAIN_ID = /^\d{17}[\dX]$/;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

async function hukouPass(
  files: InputFile[],
  mapping: Mapping | undefined,
  fields: readonly string[],
  onRow: (r: HukouRecord, complete: () => HukouRecord) => void,
  on: { sheet?: (s: SheetReading) => void; rejected?: (r: RejectedRow) => void; passOver?: ReadOptions['passOver'] } = {},
): Promise<void> {
  for (const input of files) {
    for await (const s of readSheets(input.file, { kind: input.kind, mapping, fields, passOver: on.passOver })) {
      const spec = s.detection?.spec;
      if (!spec || spec.kind !== 'hukou') {
        for await (const _ of s.records()) void _;
        continue;
      }
      for await (const row of s.records()) {
        if (row.record) onRow(row.record as unknown as HukouRecord, () => row.complete() as unknown as HukouRecord);
        else on.rejected?.({ kind: 'hukou', loc: row.loc, reason: row.rejected ?? '', text: row.text });
      }
      on.sheet?.(s);
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
    /** False: the hukou passes parse every row instead of passing over plain ones first (to check those filters). */
    hukouPassOver?: boolean;
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
  for (const r of src.national) interest.add(personKey(r));
  for (const r of src['household-file']) interest.add(personKey(r));
  for (const r of src['one-book']) interest.add(personKey(r));
  // People named on the rosters: their own hukou rows are kept (where they live), not their households.
  const rosterIds = new Set<string>();
  for (const list of Object.values(src.rosters) as { idNumber: HukouRecord['idNumber'] }[][]) {
    for (const r of list) if (r.idNumber?.id) rosterIds.add(r.idNumber.id);
  }

  const filtering = opts.hukouPassOver !== false;
  // Pass 1: which hukou households hold people of interest, and whom those people name as relatives.
  const relatives = new Set<string>();
  const formerNos = new Set<string>();
  const tPass1 = performance.now();
  await hukouPass(
    hukouFiles,
    opts.mapping,
    PASS1_FIELDS,
    (row, complete) => {
      if (!interest.matches(row)) return;
      const r = complete();
      if (r.householdNo) interest.householdNos.add(r.householdNo);
      if (r.formerHouseholdNo) formerNos.add(r.formerHouseholdNo);
      for (const rel of [r.fatherId, r.motherId, r.spouseId]) if (rel?.id) relatives.add(rel.id);
    },
    {
      // Rows certainly not of interest, told from their text before any parsing (most residents): a plain ID and
      // a plain Han name none of the sieves knows. Anything else is parsed and asked above.
      passOver: filtering
        ? (text) => {
            const id = text('idNumber');
            const name = text('name');
            const birth = text('birthDate');
            if (id === null || name === null || birth === null || !PLAIN_ID.test(id) || name === '' || !isPlainHan(name)) return false;
            if (birth !== '' && !PLAIN_DATE.test(birth)) return false;
            const fromId = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
            return !interest.mayMatchPlain(id, name, birth === '' || birth === fromId ? [fromId] : [birth, fromId]);
          }
        : undefined,
    },
  );
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
    {
      sheet: (s) => {
        src.hukouRead += s.stats.passedOver;
        src.inputs.push(summary(s, 'hukou', null));
        opts.progress?.({ file: s.file, sheet: s.sheet, rows: s.stats.rows, phase: 'hukou-keep' });
      },
      rejected: (r) => src.rejected.push(r),
      // Rows certainly not kept, told from their text before any parsing (most residents): plain household
      // numbers and IDs none of the sets can hold. Anything else (a number cell, spaces, a 15-digit ID, a
      // lower-case x, a missing household number) is parsed and judged above.
      passOver: filtering
        ? (text) => {
            const no = text('householdNo');
            const id = text('idNumber');
            if (no === null || id === null || !PLAIN_CODE.test(no) || !PLAIN_ID.test(id)) return false;
            if (keptHouseholds.mayHave(no) || keptIds.mayHave(id)) return false;
            const former = text('formerHouseholdNo');
            if (former === null || (former !== '' && (!PLAIN_CODE.test(former) || households.mayHave(former)))) return false;
            for (const parent of [text('fatherId'), text('motherId')]) {
              if (parent === null || (parent !== '' && (!PLAIN_ID.test(parent) || members.mayHave(parent)))) return false;
            }
            return true;
          }
        : undefined,
    },
  );
  opts.timings?.set('hukou-pass2', performance.now() - tPass2);
  return src;
}
