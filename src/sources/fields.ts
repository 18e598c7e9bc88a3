/**
 * Field definitions: one definition gives a field its header synonyms, its parser (a normaliser) and its zod
 * schema, so that each source's record type is inferred from its field list.
 */
import { z } from 'zod';
import type { Cell } from '../io/types.js';
import type { IdResult, PhoneResult, Relation, RelationCodeList, Gender, PovertyAttributeResult, PovertyStatus } from '../normalize/types.js';
import { cellText, isBlank } from '../normalize/text.js';
import { normalizeId, type IdPool } from '../normalize/id.js';
import { normalizeName } from '../normalize/name.js';
import { normalizePhone } from '../normalize/phone.js';
import { parseDate, parseYear } from '../normalize/date.js';
import { parseMoney, parseCount } from '../normalize/money.js';
import { parseYesNo } from '../normalize/yesno.js';
import { parseRelation } from '../normalize/relation.js';
import { parseGender } from '../normalize/gender.js';
import {
  parsePovertyAttribute,
  parsePovertyStatus,
  parsePovertyCause,
  parseHousing,
  parseHealth,
  parseSchooling,
} from '../normalize/poverty.js';
import { cleanPlace } from '../normalize/place.js';
import { parsePersonStatus, type PersonStatus } from '../normalize/person-status.js';
import { parseBoardStatus, type BoardStatus } from '../normalize/board-status.js';

/** What a parser knows about the sheet it reads. */
export interface ParseContext {
  date1904: boolean;
  /** Money multiplier from a unit row (`单位：万元` → 10000). */
  moneyMultiplier: number;
  /** Where ID results are shared across the files of a run (see IdPool); none: each cell judged alone. */
  ids?: IdPool;
}

export interface Parsed<T> {
  value: T | null;
  problem: string | null;
}

export interface FieldDef<T> {
  /** Chinese label for reports and `inspect`. */
  label: string;
  /** Header spellings seen in real exports (normalised as `normalizeHeaderText` does). */
  synonyms: readonly string[];
  parse(cell: Cell | undefined, ctx: ParseContext): Parsed<T>;
  schema: z.ZodType<T>;
}

export type ValueOf<F> = F extends FieldDef<infer T> ? T : never;

const ok = <T>(value: T | null): Parsed<T> => ({ value, problem: null });

/**
 * `isBlank`, answered without making the text of a number or a boolean (their text is never empty): most
 * numeric cells are parsed once per distinct value, and this is the part that would be done twice.
 */
export function blank(c: Cell | undefined): boolean {
  if (!c || c.v === null) return true;
  return typeof c.v === 'string' && isBlank(c);
}
/** Nothing in the cell: no value, no problem. */
const NONE: Parsed<never> = { value: null, problem: null };

/** A parser from a normaliser's result: blank cells are no value; the result's problem travels with the value. */
function from<R extends { problem: string | null }, T>(normalise: (c: Cell) => R, pick: (r: R) => T | null): FieldDef<T>['parse'] {
  return (c) => {
    if (!c || blank(c)) return NONE;
    const r = normalise(c);
    return { value: pick(r), problem: r.problem };
  };
}

const idSchema = z.object({
  raw: z.string(),
  status: z.enum(['valid', 'upgraded', 'badCheck', 'badDate', 'badLength', 'badChars', 'damaged', 'empty']),
  id: z.string().nullable(),
  cleaned: z.string(),
  prefix15: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.enum(['M', 'F']).nullable(),
  problem: z.string().nullable(),
}) satisfies z.ZodType<IdResult>;

const phoneSchema = z.object({
  raw: z.string(),
  phone: z.string().nullable(),
  type: z.enum(['mobile', 'landline']).nullable(),
  problem: z.string().nullable(),
}) satisfies z.ZodType<PhoneResult>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const RELATIONS = [
  'head', 'spouse', 'son', 'daughter', 'daughterInLaw', 'sonInLaw', 'grandson', 'granddaughter', 'grandchild',
  'father', 'mother', 'parent', 'parentInLaw', 'grandparent', 'sibling', 'otherRelative', 'nonRelative', 'other',
] as const satisfies readonly Relation[];
const STATUSES = [
  'notExited', 'exitedWithPolicy', 'exitedNoPolicy', 'exited', 'returned', 'riskEliminated', 'riskNotEliminated',
] as const satisfies readonly PovertyStatus[];
// Compile-time guards: the lists above cover their unions.
const relationsComplete: Exclude<Relation, (typeof RELATIONS)[number]> extends never ? true : never = true;
const statusesComplete: Exclude<PovertyStatus, (typeof STATUSES)[number]> extends never ? true : never = true;
void relationsComplete;
void statusesComplete;

export const f = {
  /** Free text (trimmed). */
  text(label: string, synonyms: readonly string[]): FieldDef<string> {
    return { label, synonyms, schema: z.string(), parse: (c) => ok(blank(c) ? null : cellText(c)) };
  },
  /** A code that must stay a digit string: household numbers, person numbers, plate numbers. */
  code(label: string, synonyms: readonly string[]): FieldDef<string> {
    return {
      label,
      synonyms,
      schema: z.string(),
      parse: (c) => {
        if (blank(c)) return NONE;
        const text = cellText(c).replace(/\s+/g, '');
        // A long code typed as a number loses digits past the 15th significant one, like an ID does.
        if (c?.numeric && /^\d{16,}$/.test(text)) {
          return { value: text, problem: `${label}以数字格式保存，超过15位的部分可能已丢失（${text}）` };
        }
        return ok(text);
      },
    };
  },
  place(label: string, synonyms: readonly string[]): FieldDef<string> {
    return { label, synonyms, schema: z.string(), parse: (c) => ok(blank(c) ? null : cleanPlace(cellText(c))) };
  },
  name(label: string, synonyms: readonly string[]): FieldDef<string> {
    return { label, synonyms, schema: z.string(), parse: (c) => ok(blank(c) ? null : normalizeName(cellText(c)) || null) };
  },
  id(label: string, synonyms: readonly string[]): FieldDef<IdResult> {
    return {
      label,
      synonyms,
      schema: idSchema,
      parse: (c, ctx) => {
        const r = ctx.ids && c !== undefined ? ctx.ids.normalize(c) : normalizeId(c);
        return { value: r.status === 'empty' ? null : r, problem: r.problem };
      },
    };
  },
  phone(label: string, synonyms: readonly string[]): FieldDef<PhoneResult> {
    return {
      label,
      synonyms,
      schema: phoneSchema,
      parse: from(normalizePhone, (r) => r),
    };
  },
  date(label: string, synonyms: readonly string[]): FieldDef<string> {
    return {
      label,
      synonyms,
      schema: isoDate,
      parse: (c, ctx) => {
        if (blank(c)) return NONE;
        const r = parseDate(c, { date1904: ctx.date1904 });
        return { value: r.date, problem: r.problem };
      },
    };
  },
  year(label: string, synonyms: readonly string[]): FieldDef<number> {
    return { label, synonyms, schema: z.number().int(), parse: (c) => (blank(c) ? NONE : parseYear(c)) };
  },
  money(label: string, synonyms: readonly string[]): FieldDef<number> {
    return {
      label,
      synonyms,
      schema: z.number(),
      parse: (c, ctx) => (blank(c) ? NONE : parseMoney(c, { multiplier: ctx.moneyMultiplier })),
    };
  },
  /** A measure that is not money (area, months): plain number, no unit row applied. */
  number(label: string, synonyms: readonly string[]): FieldDef<number> {
    return { label, synonyms, schema: z.number(), parse: (c) => (blank(c) ? NONE : parseMoney(c)) };
  },
  count(label: string, synonyms: readonly string[]): FieldDef<number> {
    return { label, synonyms, schema: z.number().int(), parse: (c) => (blank(c) ? NONE : parseCount(c)) };
  },
  yesno(label: string, synonyms: readonly string[]): FieldDef<boolean> {
    return { label, synonyms, schema: z.boolean(), parse: (c) => (blank(c) ? NONE : parseYesNo(c)) };
  },
  relation(label: string, synonyms: readonly string[], list: RelationCodeList): FieldDef<Relation> {
    return {
      label,
      synonyms,
      schema: z.enum(RELATIONS),
      parse: from((c) => parseRelation(c, list), (r) => r.relation),
    };
  },
  gender(label: string, synonyms: readonly string[]): FieldDef<Gender> {
    return {
      label,
      synonyms,
      schema: z.enum(['M', 'F']),
      parse: from(parseGender, (r) => r.gender),
    };
  },
  attribute(label: string, synonyms: readonly string[]): FieldDef<PovertyAttributeResult> {
    return {
      label,
      synonyms,
      schema: z.object({
        base: z.enum(['general', 'lowIncome', 'extremePoor', 'lowIncomeExtreme']).nullable(),
        stage: z.enum(['poor', 'exited', 'monitored', 'ordinary']).nullable(),
        problem: z.string().nullable(),
      }),
      parse: from(parsePovertyAttribute, (r) => r),
    };
  },
  status(label: string, synonyms: readonly string[]): FieldDef<PovertyStatus> {
    return {
      label,
      synonyms,
      schema: z.enum(STATUSES),
      parse: from(parsePovertyStatus, (r) => r.status),
    };
  },
  cause(label: string, synonyms: readonly string[]): FieldDef<string> {
    return {
      label,
      synonyms,
      schema: z.string(),
      parse: from(parsePovertyCause, (r) => r.cause),
    };
  },
  housing(label: string, synonyms: readonly string[]): FieldDef<'safe' | 'C' | 'D' | 'dangerous'> {
    return {
      label,
      synonyms,
      schema: z.enum(['safe', 'C', 'D', 'dangerous']),
      parse: (c) => (blank(c) ? NONE : parseHousing(c)),
    };
  },
  health(label: string, synonyms: readonly string[]): FieldDef<HealthValue> {
    return {
      label,
      synonyms,
      schema: z.object({ healthy: z.boolean(), chronic: z.boolean(), seriousIllness: z.boolean(), disabled: z.boolean() }),
      parse: (c) => {
        if (blank(c)) return NONE;
        const r = parseHealth(c);
        return r ? ok(r) : { value: null, problem: `无法识别的健康状况：${cellText(c)}` };
      },
    };
  },
  schooling(label: string, synonyms: readonly string[]): FieldDef<SchoolingValue> {
    return {
      label,
      synonyms,
      schema: z.object({ inSchool: z.boolean().nullable(), level: z.string().nullable() }),
      parse: from(parseSchooling, ({ inSchool, level }) => ({ inSchool, level })),
    };
  },
  personStatus(label: string, synonyms: readonly string[]): FieldDef<PersonStatus> {
    return {
      label,
      synonyms,
      schema: z.enum(['normal', 'dead', 'movedOut', 'military', 'abroad', 'missing', 'cancelled', 'other']),
      parse: (c) => parsePersonStatus(c),
    };
  },
  boardStatus(label: string, synonyms: readonly string[]): FieldDef<BoardStatus> {
    return { label, synonyms, schema: z.enum(['intact', 'broken', 'notHung']), parse: (c) => parseBoardStatus(c) };
  },
} as const;

export interface HealthValue {
  healthy: boolean;
  chronic: boolean;
  seriousIllness: boolean;
  disabled: boolean;
}
export interface SchoolingValue {
  inSchool: boolean | null;
  level: string | null;
}
