/**
 * Hand-built households for the policy-rule tests (split households, wrong exits, wrong inclusion, omission,
 * assistance, benefits): national rows and their hukou rows parsed from cells by the real field parsers,
 * roster rows, and a linked dataset at a fixed as-of date.
 */
import { national, hukou, civilAffairs, vehicles, business, property, payroll, deaths, payouts } from '../../../src/sources/index.js';
import type { HukouRecord, NationalRecord } from '../../../src/sources/index.js';
import type { FieldMap, SourceSpec } from '../../../src/sources/define.js';
import { emptyRosters, type LoadedSources } from '../../../src/link/index.js';
import type { Dataset, Rosters } from '../../../src/link/model.js';
import { dataset, parsedRow, validIdFor } from '../data-quality/build.js';

export const AS_OF = '2024-06-30';
export const PLACE = { township: '黄金镇', village: '黄金村' } as const;

export type Cells = Record<string, string>;

export interface Member {
  name: string;
  id: string;
  /** National-list relation text (户主, 配偶, 之子 …). */
  relation: string;
  /** GB/T 4761 relation text for the hukou row. */
  hukouRelation: string;
  /** Extra national cells of this member (在校生状况, 健康状况 …). */
  cells?: Cells;
  /** Extra hukou cells of this member (父亲公民身份号码, 人员状态 …). */
  hukouCells?: Cells;
}

/** A member born on `birth` (YYYYMMDD) with a valid ID; the sequence's last digit gives the sex (odd = male). */
export function member(name: string, birth: string, seq: string, relation: string, hukouRelation: string, extra: Partial<Member> = {}): Member {
  return { name, id: validIdFor(birth, seq), relation, hukouRelation, ...extra };
}

export interface HouseholdOptions {
  no: string;
  members: readonly Member[];
  /** National household cells repeated on every row (脱贫属性, 人均纯收入 …). */
  household?: Cells;
  /** Hukou 户号; null leaves the household out of hukou. */
  hukouNo?: string | null;
  /** Hukou cells on every row of the household (立户日期, 变动类型 …). */
  hukouHousehold?: Cells;
  place?: { township: string; village: string };
}

export interface Parts {
  national: NationalRecord[];
  hukou: HukouRecord[];
}

export function household(o: HouseholdOptions): Parts {
  const place = o.place ?? PLACE;
  const size = String(o.members.length);
  const nationalRows = o.members.map((m) =>
    parsedRow(national, {
      ...place,
      householdNo: o.no,
      name: m.name,
      idNumber: m.id,
      relation: m.relation,
      householdSize: size,
      firstIdentified: '2014-08-15',
      ...o.household,
      ...m.cells,
    }),
  );
  const hukouNo = o.hukouNo === undefined ? `HK-${o.no}` : o.hukouNo;
  const hukouRows = hukouNo === null ? [] : o.members.map((m) => hukouRow(hukouNo, m, { ...o.hukouHousehold, ...m.hukouCells }, place));
  return { national: nationalRows, hukou: hukouRows };
}

/** A hukou row of a resident (registered or not). */
export function hukouRow(householdNo: string, m: Member, cells: Cells = {}, place: { township: string; village: string } = PLACE): HukouRecord {
  return parsedRow(hukou, { ...place, householdNo, name: m.name, idNumber: m.id, relation: m.hukouRelation, personStatus: '正常', ...cells });
}

const SPECS = { 'civil-affairs': civilAffairs, vehicles, business, property, payroll, deaths, payouts } as const;

/** A roster row parsed from cells. */
export function rosterRow<K extends keyof typeof SPECS>(kind: K, cells: Cells): Rosters[K][number] {
  const spec = SPECS[kind] as unknown as SourceSpec<FieldMap>;
  return parsedRow(spec, cells) as unknown as Rosters[K][number];
}

export interface World {
  parts?: readonly Parts[];
  /** Further hukou rows (unregistered residents: children, neighbours). */
  hukou?: readonly HukouRecord[];
  rosters?: Partial<Rosters>;
  other?: Partial<Omit<LoadedSources, 'national' | 'hukou' | 'rosters'>>;
}

/** The linked dataset of a hand-built world. */
export function world(w: World, asOf = AS_OF): Dataset {
  const parts = w.parts ?? [];
  return dataset(
    {
      ...w.other,
      national: parts.flatMap((p) => p.national),
      hukou: [...parts.flatMap((p) => p.hukou), ...(w.hukou ?? [])],
      rosters: { ...emptyRosters(), ...w.rosters },
    },
    asOf,
  );
}
