/**
 * The linked dataset: registered households (the unit of the audit) with their people as every source
 * holds them, and how each link was made. Rules read only this; they never read files.
 */
import type { RosterLink } from './rosters.js';
import type { Policy } from '../model/policy.js';
import type { InputSummary } from '../model/audit.js';
import type { MainKind, RosterKind } from '../model/kinds.js';
import type {
  NationalRecord,
  HouseholdFileRecord,
  OneBookRecord,
  LedgerRecord,
  HukouRecord,
  BoardRecord,
  CivilAffairsRecord,
  VehicleRecord,
  BusinessRecord,
  PropertyRecord,
  PayrollRecord,
  DeathRecord,
  PayoutRecord,
} from '../sources/index.js';
import type { Loc } from '../sources/define.js';

/** Sources that hold people (one row per member). */
export type PersonKind = 'national' | 'household-file' | 'one-book' | 'hukou';

export interface PersonRecords {
  national?: NationalRecord;
  'household-file'?: HouseholdFileRecord;
  'one-book'?: OneBookRecord;
  hukou?: HukouRecord;
}

/** How a record was linked to the person (relative to the record it was linked to). */
export type LinkMethod =
  | 'id' // same normalised ID number
  | 'idTypo' // IDs differ in one digit or one adjacent swap, names agree
  | 'idDamaged' // one side's ID lost its last digits in Excel: first 15 digits + name
  | 'nameBirth' // name + birth date within the household or village
  | 'name'; // name alone within one household (no usable ID or date on one side)

export interface LinkInfo {
  method: LinkMethod;
  /** Chinese explanation, e.g. `身份证号相差一位（户籍一侧校验位正确）`. */
  note: string;
  /** For idTypo: which side's number is valid. */
  validSide?: 'this' | 'other' | 'both' | 'neither';
  /** Name comparison score when names were compared (1 = identical). */
  nameScore?: number;
}

export interface Person {
  /**
   * Stable key for finding ids: the normalised valid ID (hukou first, then national, then the others),
   * else `household|name`.
   */
  key: string;
  /** Normalised valid 18-character ID where one source has it valid. */
  personId: string | null;
  /** Display name (hukou, else national, else the others). */
  name: string | null;
  records: PersonRecords;
  /** kind → how that kind's record joined this person (absent for the anchor record). */
  links: Partial<Record<PersonKind, LinkInfo>>;
}

/** A household as a non-national source holds it (rows grouped by head), attached to a registered one or not. */
export interface SourceHousehold<R> {
  kind: MainKind;
  /** Grouping key within the source (head ID, else township+village+head name). */
  key: string;
  township: string | null;
  village: string | null;
  headName: string | null;
  rows: R[];
}

export interface BoardLink {
  record: BoardRecord;
  /** Chinese: how the board was matched (village + head name, size breaking a tie). */
  note: string;
  nameScore: number;
}

export interface RegisteredHousehold {
  /** National 户编号. */
  householdId: string;
  township: string | null;
  village: string | null;
  headName: string | null;
  headId: string | null;
  /** Every national row of the household. */
  national: NationalRecord[];
  /** The people of the household across sources (national members, and members only other sources list). */
  people: Person[];
  archive: SourceHousehold<HouseholdFileRecord> | null;
  oneBook: SourceHousehold<OneBookRecord> | null;
  ledger: LedgerRecord[];
  board: BoardLink | null;
  /** Hukou household numbers holding its members (several: partial registration, splits). */
  hukouNos: string[];
  /** Hukou residents of those hukou households who are not linked to a member. */
  hukouOthers: HukouRecord[];
}

/** A link that could go two ways: reported, never guessed. */
export interface AmbiguousLink {
  kind: MainKind;
  /** What could go two ways: one record's person, or a whole household of another source. */
  about: 'record' | 'household';
  loc: Loc;
  /** Chinese description of the record and its candidates. */
  message: string;
  householdIds: string[];
}

export interface Rosters {
  'civil-affairs': CivilAffairsRecord[];
  vehicles: VehicleRecord[];
  business: BusinessRecord[];
  property: PropertyRecord[];
  payroll: PayrollRecord[];
  deaths: DeathRecord[];
  payouts: PayoutRecord[];
}

export type RosterRecord = Rosters[RosterKind][number];

/** Places a source covers (placeKey of townships and of villages), so that absence is a finding only inside its coverage. */
export type CoverageMap = Partial<
  Record<
    MainKind | RosterKind,
    {
      /** placeKey(township) → the name as first seen. */
      townships: Map<string, string>;
      /** placeKey(village) → "乡镇/村" as first seen. */
      villages: Map<string, string>;
    }
  >
>;

/** A row the reader rejected (nothing usable), or a sheet/file it could not use, for data-quality findings. */
export interface RejectedRow {
  kind: MainKind | RosterKind;
  loc: Loc;
  reason: string;
  text: string;
}

export interface Dataset {
  asOf: string;
  policy: Policy;
  households: RegisteredHousehold[];
  byHouseholdId: Map<string, RegisteredHousehold>;
  /** Households other sources hold that no registered household matches. */
  unattached: {
    archive: SourceHousehold<HouseholdFileRecord>[];
    oneBook: SourceHousehold<OneBookRecord>[];
    boards: BoardRecord[];
    /** Handbook ledger lines whose head matches no registered household. */
    ledger: LedgerRecord[];
  };
  ambiguous: AmbiguousLink[];
  rosters: Rosters;
  /** Roster rows whose ID is not valid but a registered person's with a typo or Excel damage (link/rosters.ts). */
  rosterLinks: Map<RosterRecord, RosterLink>;
  /** Hukou rows kept (registered households' hukou households and the relatives they name). */
  hukou: {
    byId: Map<string, HukouRecord>;
    byHouseholdNo: Map<string, HukouRecord[]>;
    /** Rows read / kept, for the report. */
    read: number;
    kept: number;
  };
  coverage: CoverageMap;
  rejected: RejectedRow[];
  inputs: InputSummary[];
  /** Record-to-record comparisons linking made (name comparisons, ID typo checks): grows linearly with input. */
  stats: { comparisons: number };
}
