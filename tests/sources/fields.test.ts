/**
 * Field parsers and blank cells: a cell without text is no value and no problem, for every kind of field; a
 * number or a boolean is never blank (0 and FALSE are values).
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/io/types.js';
import type { AnyField } from '../../src/sources/define.js';
import { national, oneBookLedger } from '../../src/sources/index.js';
import type { ParseContext } from '../../src/sources/fields.js';

const ctx: ParseContext = { date1904: false, moneyMultiplier: 1 };
const BLANK: (Cell | undefined)[] = [undefined, { v: null }, { v: '' }, { v: '   ' }, { v: '\u200b' }, { v: "'" }, { v: '\u3000' }];

describe('blank cells', () => {
  const fields = Object.entries({ ...national.fields, ...oneBookLedger.fields }) as [string, AnyField][];
  for (const [name, field] of fields) {
    it(`${name}: no value, no problem`, () => {
      for (const cell of BLANK) expect(field.parse(cell, ctx)).toEqual({ value: null, problem: null });
    });
  }

  it('numbers and booleans are values, 0 and FALSE included', () => {
    expect(national.fields.income.parse({ v: 0, fmt: 'General', numeric: true }, ctx).value).toBe(0);
    expect(national.fields.householdSize.parse({ v: 3, fmt: 'General', numeric: true }, ctx).value).toBe(3);
    expect(oneBookLedger.fields.amount.parse({ v: 12.5, fmt: 'General', numeric: true }, ctx).value).toBe(12.5);
    expect(national.fields.waterSafe.parse({ v: false }, ctx).value).toBe(false);
    expect(national.fields.education.parse({ v: 0, fmt: 'General', numeric: true }, ctx).value).toBe('0');
  });
});
