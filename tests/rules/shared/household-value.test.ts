/** The value of a household field repeated on every member row: one pass when the rows agree, grouped when not. */
import { describe, expect, it } from 'vitest';
import { householdValue } from '../../../src/rules/shared/household-value.js';

interface Row {
  loc: { file: string; sheet: string | null; row: number };
  relation: 'head' | 'son' | null;
  size: number | null;
}

const row = (n: number, relation: Row['relation'], size: number | null): Row => ({ loc: { file: 'f.xlsx', sheet: null, row: n }, relation, size });
const sizeOf = (rows: Row[]) => householdValue(rows, (r) => r.size, String, (n) => `${String(n)}人`);

describe('householdValue', () => {
  it('takes the agreed value from the head row, blanks aside, with no note', () => {
    const rows = [row(2, 'son', 3), row(3, 'son', null), row(4, 'head', 3)];
    const v = sizeOf(rows);
    expect(v?.value).toBe(3);
    expect(v?.row).toBe(rows[2]);
    expect(v?.note).toBeNull();
  });

  it('takes the first row that fills the field when no head row does', () => {
    const rows = [row(2, 'son', null), row(3, 'son', 4), row(4, 'head', null)];
    expect(sizeOf(rows)?.row).toBe(rows[1]);
  });

  it('is null when no row fills the field', () => {
    expect(sizeOf([row(2, 'head', null)])).toBeNull();
    expect(sizeOf([])).toBeNull();
  });

  it("uses the head's value when rows disagree, and says so with the counts", () => {
    const rows = [row(2, 'son', 5), row(3, 'son', 5), row(4, 'head', 3)];
    const v = sizeOf(rows);
    expect(v?.value).toBe(3);
    expect(v?.row).toBe(rows[2]);
    expect(v?.note).toBe('该户各行填写不一致：5人（2行）、3人（1行），按户主所在行的“3人”比较');
  });

  it('uses the most common value when the head row is blank, the first met on a tie', () => {
    const rows = [row(2, 'son', 5), row(3, 'son', 4), row(4, 'son', 4), row(5, 'head', null)];
    expect(sizeOf(rows)?.value).toBe(4);
    expect(sizeOf(rows)?.note).toContain('按多数行的“4人”');
    const tie = [row(2, 'son', 5), row(3, 'son', 4)];
    expect(sizeOf(tie)?.value).toBe(5);
    expect(sizeOf(tie)?.row).toBe(tie[0]);
  });
});
