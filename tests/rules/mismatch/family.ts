/**
 * A registered household as all five sources hold it, in agreement, parsed from cells by the real field
 * parsers. Tests change cells (or drop rows) per source with `edit` to make one disagreement at a time.
 */
import { national, householdFile, oneBook, hukou, noticeBoard } from '../../../src/sources/index.js';
import type { Cell } from '../../../src/io/types.js';
import type { LoadedSources } from '../../../src/link/index.js';
import type { FieldMap, SourceRecord, SourceSpec } from '../../../src/sources/define.js';
import { parsedRow, validIdFor } from '../data-quality/build.js';

export interface Member {
  name: string;
  id: string;
  /** National-list relation text (之子 …) and the hukou's (GB/T 4761 text). */
  relation: string;
  hukouRelation: string;
  gender: '男' | '女';
  birth: string;
}

export const ZHANG: readonly Member[] = [
  { name: '张三', id: validIdFor('19600101', '011'), relation: '户主', hukouRelation: '户主', gender: '男', birth: '1960-01-01' },
  { name: '李四', id: validIdFor('19620202', '022'), relation: '配偶', hukouRelation: '妻', gender: '女', birth: '1962-02-02' },
  { name: '张小明', id: validIdFor('19900303', '031'), relation: '之子', hukouRelation: '子', gender: '男', birth: '1990-03-03' },
];

export const WANG: readonly Member[] = [
  { name: '王五', id: validIdFor('19550505', '051'), relation: '户主', hukouRelation: '户主', gender: '男', birth: '1955-05-05' },
  { name: '赵六', id: validIdFor('19560606', '062'), relation: '配偶', hukouRelation: '妻', gender: '女', birth: '1956-06-06' },
];

/** Cell values by field key: text, or a cell object (a number typed into Excel …). */
export type Cells = Record<string, string | Cell>;
export type FamilyKind = 'national' | 'household-file' | 'one-book' | 'hukou' | 'notice-board';

export interface FamilyOptions {
  householdNo?: string;
  hukouNo?: string;
  township?: string;
  village?: string;
  members?: readonly Member[];
  /** Household cells of national, archive, handbook and board rows (attribute, income, helper …). */
  household?: Cells;
  /** Change a row's cells, or return null to leave the row out. `i` is the member index (0 for the board). */
  edit?: (kind: FamilyKind, cells: Cells, i: number) => Cells | null;
  /** Leave a whole source out. */
  without?: readonly FamilyKind[];
}

export const HOUSEHOLD: Cells = {
  attribute: '一般贫困户',
  status: '未脱贫',
  cause: '因病',
  income: '3500',
  helperName: '王帮扶',
  helperPhone: '13807971234',
};

export type Parts = Pick<LoadedSources, 'national' | 'household-file' | 'one-book' | 'hukou' | 'notice-board'>;

/** A row of `spec` from the cells it has fields for (household cells go to every source that keeps them). */
function row<F extends FieldMap>(spec: SourceSpec<F>, cells: Cells): SourceRecord<F> {
  const fit = Object.entries(cells).filter(([k]) => k in spec.fields);
  return parsedRow(spec, Object.fromEntries(fit) as Partial<Record<keyof F & string, string | Cell>>);
}

export function family(o: FamilyOptions = {}): Parts {
  const members = o.members ?? ZHANG;
  const place = { township: o.township ?? '黄金镇', village: o.village ?? '黄金村' };
  const hh = { ...HOUSEHOLD, ...o.household };
  const head = members[0];
  const size = String(members.length);
  const skip = new Set(o.without ?? []);
  const rows = <T>(kind: FamilyKind, make: (c: Cells) => T, base: (m: Member) => Cells): T[] => {
    if (skip.has(kind)) return [];
    return members.flatMap((m, i) => {
      const c = o.edit ? o.edit(kind, base(m), i) : base(m);
      return c ? [make(c)] : [];
    });
  };
  const person = (m: Member) => ({ name: m.name, idNumber: m.id, gender: m.gender });
  const boardCells = { ...place, headName: head.name, householdSize: size, ...hh, boardStatus: '完好' };
  const board = skip.has('notice-board') ? null : o.edit ? o.edit('notice-board', boardCells, 0) : boardCells;
  return {
    national: rows('national', (c) => row(national, c), (m) => ({
      ...place,
      householdNo: o.householdNo ?? 'H1',
      ...person(m),
      relation: m.relation,
      householdSize: size,
      firstIdentified: '2015-03-01',
      ...hh,
    })),
    'household-file': rows('household-file', (c) => row(householdFile, c), (m) => ({
      ...place,
      headName: head.name,
      headId: head.id,
      householdSize: size,
      ...person(m),
      relation: m.relation,
      birthDate: m.birth,
      ...hh,
    })),
    'one-book': rows('one-book', (c) => row(oneBook, c), (m) => ({
      ...place,
      headName: head.name,
      headId: head.id,
      householdSize: size,
      ...person(m),
      relation: m.relation,
      birthDate: m.birth,
      ...hh,
    })),
    hukou: rows('hukou', (c) => row(hukou, c), (m) => ({
      ...place,
      householdNo: o.hukouNo ?? 'HK1',
      ...person(m),
      relation: m.hukouRelation,
      birthDate: m.birth,
      personStatus: '正常',
    })),
    'notice-board': board ? [row(noticeBoard, board)] : [],
  };
}

/** Several households' parts in one set of sources. */
export function merge(...parts: Parts[]): Parts {
  return {
    national: parts.flatMap((p) => p.national),
    'household-file': parts.flatMap((p) => p['household-file']),
    'one-book': parts.flatMap((p) => p['one-book']),
    hukou: parts.flatMap((p) => p.hukou),
    'notice-board': parts.flatMap((p) => p['notice-board']),
  };
}
