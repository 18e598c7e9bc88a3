/**
 * FieldColumn: a cell equal to one seen before takes the earlier parse result. Every result must be what the
 * field's parser gives for that cell, whatever came before it (number format, numeric flag, -0, a column that
 * stopped remembering), and equal cells share one result object while the column remembers.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/io/types.js';
import { FieldColumn } from '../../src/sources/columns.js';
import type { AnyField } from '../../src/sources/define.js';
import { f, type ParseContext } from '../../src/sources/fields.js';
import * as c from '../../src/sources/common.js';

const ctx: ParseContext = { date1904: false, moneyMultiplier: 1 };
const column = (def: AnyField) => new FieldColumn(0, 'x', '列', def, ctx);

describe('FieldColumn', () => {
  it('tells cells apart by number format and numeric flag, not by value alone', () => {
    const date = f.date('日期', ['日期']) as AnyField;
    const col = column(date);
    const cells: Cell[] = [
      { v: 43101, fmt: 'yyyy-mm-dd', numeric: true },
      { v: 43101, fmt: 'General', numeric: true },
      { v: '43101' },
      { v: 43101, fmt: 'yyyy-mm-dd', numeric: true },
      { v: '43101' },
    ];
    for (const cell of cells) expect(col.parse(cell)).toEqual(date.parse(cell, ctx));
    expect(col.parse(cells[0]).value).toBe('2018-01-01');
  });

  it('keeps the numeric flag of a long code apart from the same digits typed as text', () => {
    const code = c.householdNo as AnyField;
    const col = column(code);
    const typed: Cell = { v: '3607331012010001002' };
    const numeric: Cell = { v: '3607331012010001002', numeric: true };
    expect(col.parse(typed).problem).toBeNull();
    expect(col.parse(numeric).problem).toContain('超过15位');
    expect(col.parse(typed).problem).toBeNull();
  });

  it('does not take -0 for 0', () => {
    const money = c.income as AnyField;
    const col = column(money);
    for (const v of [0, -0, 0, -0]) {
      const got = col.parse({ v, fmt: 'General', numeric: true });
      expect(Object.is(got.value, money.parse({ v, fmt: 'General', numeric: true }, ctx).value)).toBe(true);
    }
  });

  it('shares one result between equal cells, blank cells included', () => {
    const col = column(c.idNumber as AnyField);
    const first = col.parse({ v: '360426199101010071' });
    col.parse({ v: '11010519491231002X' });
    expect(col.parse({ v: '360426199101010071' })).toBe(first);
    expect(col.parse(undefined)).toBe(col.parse(undefined));
    expect(col.parse(undefined).value).toBeNull();
  });

  it('gives the parser’s result for every cell of a long column of distinct values, then of repeats', () => {
    const phone = c.phone as AnyField;
    const col = column(phone);
    const numbers = Array.from({ length: 12_000 }, (_, i) => `139${String(i).padStart(8, '0')}`);
    for (const n of numbers) expect(col.parse({ v: n })).toEqual(phone.parse({ v: n }, ctx));
    for (const n of numbers.slice(0, 50)) expect(col.parse({ v: n })).toEqual(phone.parse({ v: n }, ctx));
    // The previous row's cell is remembered even when the column no longer remembers others.
    const again = col.parse({ v: numbers[7] });
    expect(col.parse({ v: numbers[7] })).toBe(again);
  });
});
