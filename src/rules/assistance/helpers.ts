/**
 * The helper cadre (帮扶责任人) of each registered household as each source names them, and who is who: one
 * person is the same name with a shared phone or the same unit (namesakes are different people).
 */
import type { Location } from '../../model/finding.js';
import type { NationalRecord, OneBookRecord, BoardRecord } from '../../sources/index.js';
import type { Dataset, RegisteredHousehold } from '../../link/model.js';
import { compact, nameKey } from '../shared/memo.js';
import { householdValue } from '../shared/household-value.js';
import { at } from '../shared/display.js';

export type HelperKind = 'one-book' | 'national' | 'notice-board';
/** The handbook is kept current by the helper, then the national record, then the board. */
export const HELPER_ORDER: readonly HelperKind[] = ['one-book', 'national', 'notice-board'];

type Row = NationalRecord | OneBookRecord | BoardRecord;

export interface Mention {
  household: RegisteredHousehold;
  kind: HelperKind;
  name: string;
  /** Valid numbers (the first of each cell and any others it holds). */
  phones: string[];
  /** Raw phone cell text for display. */
  phoneText: string | null;
  unit: string | null;
  location: Location;
  /** True for the household's reference helper: the first source in HELPER_ORDER that names one. */
  reference: boolean;
}

export function helperRows(h: RegisteredHousehold, kind: HelperKind): readonly Row[] {
  if (kind === 'national') return h.national;
  if (kind === 'one-book') return h.oneBook?.rows ?? [];
  return h.board ? [h.board.record] : [];
}

function mention(h: RegisteredHousehold, kind: HelperKind): Mention | null {
  const rows = helperRows(h, kind);
  const name = householdValue<string, Row>(rows, (r) => r.helperName, nameKey, String);
  if (!name) return null;
  const phone = householdValue<NonNullable<Row['helperPhone']>, Row>(rows, (r) => (r.helperPhone?.phone ? r.helperPhone : null), (p) => p.phone ?? '', (p) => p.raw);
  const unit = householdValue<string, Row>(rows, (r) => r.helperUnit, compact, String);
  const phones = phone ? [phone.value.phone ?? '', ...(phone.value.others ?? [])].filter((p) => p !== '') : [];
  return {
    household: h,
    kind,
    name: name.value,
    phones,
    phoneText: phone?.value.raw ?? null,
    unit: unit?.value ?? null,
    location: at(kind, name.row.loc, 'helperName'),
    reference: false,
  };
}

/** The helper each source names for the household, in HELPER_ORDER. */
export function mentionsOf(h: RegisteredHousehold): Mention[] {
  const out = HELPER_ORDER.map((k) => mention(h, k)).filter((m): m is Mention => m !== null);
  if (out.length > 0) out[0].reference = true;
  return out;
}

/**
 * Groups mentions into people: same normalised name and a shared phone number or the same unit. A mention
 * with neither stays a person of its own (it cannot be told from a namesake).
 */
export function helperPeople(ds: Dataset): Map<Mention, Mention[]> {
  const mentions = ds.households.flatMap(mentionsOf);
  const parent = new Map<Mention, Mention>(mentions.map((m) => [m, m]));
  const find = (m: Mention): Mention => {
    let r = m;
    while (parent.get(r) !== r) r = parent.get(r) as Mention;
    // Every mention on the way now points at the root (the root stays the same).
    for (let x = m; x !== r; ) {
      const next = parent.get(x) as Mention;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const byKey = new Map<string, Mention>();
  for (const m of mentions) {
    const name = nameKey(m.name);
    const keys = [...m.phones.map((p) => `${name}|tel:${p}`), ...(m.unit ? [`${name}|unit:${compact(m.unit)}`] : [])];
    for (const k of keys) {
      const other = byKey.get(k);
      if (other) parent.set(find(m), find(other));
      else byKey.set(k, m);
    }
  }
  const people = new Map<Mention, Mention[]>();
  for (const m of mentions) {
    const root = find(m);
    const list = people.get(root);
    if (list) list.push(m);
    else people.set(root, [m]);
  }
  return people;
}
