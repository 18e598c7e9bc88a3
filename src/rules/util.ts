/** Small helpers shared by rule modules: where a finding points, and how values are shown. */
import type { Location } from '../model/finding.js';
import type { SourceKind } from '../model/kinds.js';
import type { Loc } from '../sources/define.js';
import type { Person, RegisteredHousehold, PersonKind } from '../link/model.js';
import type { FindingDraft } from './types.js';

export function location(kind: SourceKind, loc: Loc, column: string | null = null): Location {
  return { kind, file: loc.file, sheet: loc.sheet, row: loc.row, column };
}

/** The base of a finding about a registered household (place, 户编号, head name). */
export function householdBase(h: RegisteredHousehold): Pick<FindingDraft, 'township' | 'village' | 'householdId' | 'name' | 'personId'> {
  return { township: h.township, village: h.village, householdId: h.householdId, personId: null, name: h.headName };
}

/** The base of a finding about one person of a registered household. */
export function personBase(h: RegisteredHousehold, p: Person): Pick<FindingDraft, 'township' | 'village' | 'householdId' | 'name' | 'personId' | 'subject'> {
  return {
    township: h.township,
    village: h.village,
    householdId: h.householdId,
    personId: p.personId,
    name: p.name,
    subject: p.personId ?? p.key,
  };
}

/** Locations of a person's records in every source that holds them. */
export function personLocations(p: Person): Location[] {
  const out: Location[] = [];
  for (const kind of ['national', 'household-file', 'one-book', 'hukou'] as PersonKind[]) {
    const r = p.records[kind];
    if (r) out.push(location(kind, r.loc));
  }
  return out;
}
