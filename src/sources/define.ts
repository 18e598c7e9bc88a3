import { z } from 'zod';
import type { SourceKind } from '../model/kinds.js';
import type { FieldDef, ValueOf } from './fields.js';

/** A field definition of any value type (the record type keeps the precise one). */
export type AnyField = FieldDef<unknown>;
export type FieldMap = Record<string, AnyField>;

/** Where a record came from: what a clerk needs to find the row again. */
export interface Loc {
  file: string;
  sheet: string | null;
  row: number;
}

export const locSchema = z.object({ file: z.string(), sheet: z.string().nullable(), row: z.number().int() });

/** A problem with one cell: stays attached to its field, the row is kept. */
export interface FieldProblem {
  field: string;
  /** The header of the column as the file has it. */
  column: string;
  value: string;
  message: string;
}

export const fieldProblemSchema = z.object({
  field: z.string(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
});

export type SourceRecord<F extends FieldMap> = { [K in keyof F]: ValueOf<F[K]> | null } & {
  loc: Loc;
  problems: FieldProblem[];
};

/** What a sheet holds: people one per row, households, ledger lines, roster entries, board surveys. */
export type SheetRole = 'members' | 'households' | 'ledger' | 'roster' | 'board';

export interface SourceSpec<F extends FieldMap = FieldMap> {
  /** Unique spec id: the kind, or kind + role where a kind has several sheet layouts (`one-book-ledger`). */
  id: string;
  kind: SourceKind;
  role: SheetRole;
  /** Chinese name for reports. */
  label: string;
  fields: F;
  /** A sheet is this kind only if all of these fields are found among its headers. */
  required: readonly string[];
  /** Columns that tell this spec apart from look-alikes (weigh more in detection). */
  distinguishing: readonly string[];
  /** A row is kept only if one of these has a value; otherwise it is rejected (and reported). */
  identifying: readonly string[];
  /** Words in a file or sheet name that hint at this spec (used only to break a tie). */
  nameHints: readonly string[];
  /** Validates a record of this layout (types come from the field definitions). */
  schema: z.ZodType;
}

type FieldList<F> = readonly (keyof F & string)[];

/** Declares a layout; the field lists are checked against its fields. */
export function defineSource<F extends FieldMap>(
  spec: Omit<SourceSpec<F>, 'schema' | 'required' | 'distinguishing' | 'identifying'> & {
    required: FieldList<F>;
    distinguishing: FieldList<F>;
    identifying: FieldList<F>;
  },
): SourceSpec<F> {
  const shape: Record<string, z.ZodType> = { loc: locSchema, problems: z.array(fieldProblemSchema) };
  for (const [key, field] of Object.entries(spec.fields)) shape[key] = field.schema.nullable();
  return { ...spec, schema: z.object(shape) };
}
