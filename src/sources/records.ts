/**
 * Making the records of a layout. A sheet gives tens of thousands of records of one layout, each with every
 * field (up to ~50): they are made by one object literal per layout, generated from its field list, so that all
 * records share one shape and hold their fields in the object itself. (Copying a template with `{ ...t, loc }`
 * gave each record a hidden class of its own, and keyed stores field by field are slow.)
 */
import type { FieldMap, FieldProblem, Loc, SourceRecord, SourceSpec } from './define.js';

/** The `problems` of every record without any: shared, so frozen; a record gets an array of its own at its first. */
export const NO_PROBLEMS: FieldProblem[] = Object.freeze([]) as unknown as FieldProblem[];

/** Makes a record from its field values in the layout's field order (`fieldsOf`). */
export type RecordMaker = (values: readonly unknown[], loc: Loc, problems: FieldProblem[]) => SourceRecord<FieldMap>;

/** The layout's field names in record order. */
export function fieldsOf(spec: SourceSpec): string[] {
  return Object.keys(spec.fields);
}

const makers = new WeakMap<SourceSpec, RecordMaker>();

export function recordMaker(spec: SourceSpec): RecordMaker {
  let make = makers.get(spec);
  if (!make) {
    // Field names are the layout's own identifiers, written as quoted keys.
    const entries = fieldsOf(spec).map((field, i) => `${JSON.stringify(field)}: values[${i}]`);
    const body = `return { ${[...entries, 'loc: loc', 'problems: problems'].join(', ')} };`;
    make = new Function('values', 'loc', 'problems', body) as RecordMaker;
    makers.set(spec, make);
  }
  return make;
}
