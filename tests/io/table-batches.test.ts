/**
 * The table layer over a reader that gives its rows in batches (`SheetSource.rowBatches`): the same header,
 * data rows and skipped rows as over the same rows one by one, whatever the batch sizes (a first batch longer
 * than the rows scanned for the header, empty batches); leaving early closes the reader.
 */
import { describe, expect, it } from 'vitest';
import { openTable, type Table, type TableRow } from '../../src/io/table.js';
import type { RawRow, SheetSource } from '../../src/io/types.js';

const KNOWN = ['姓名', '身份证号', '出生日期'];
const scoreHeader = (texts: string[]) => texts.filter((t) => KNOWN.includes(t)).length;

const ROWS: RawRow[] = [
  { row: 1, cells: [{ v: '某县人员名单' }] },
  { row: 2, cells: [{ v: '姓名' }, { v: '身份证号' }, { v: '出生日期' }] },
  ...Array.from({ length: 60 }, (_, i) => ({ row: i + 3, cells: [{ v: `人${i}` }, { v: `${100 + i}` }, { v: 30000 + i, numeric: true }] })),
  { row: 63, cells: [] },
  { row: 64, cells: [{ v: '姓名' }, { v: '身份证号' }, { v: '出生日期' }] },
  { row: 65, cells: [{ v: '末行' }, { v: '9' }] },
  { row: 66, cells: [{ v: '制表人：张三' }] },
];

function oneByOne(rows: RawRow[]): SheetSource {
  return {
    name: 'mem',
    hidden: false,
    merges: [],
    hiddenColumns: [],
    async *rows() {
      yield* rows;
    },
  };
}

/** The rows in batches of the given sizes (0: an empty batch), the rest in one last batch. */
function batched(rows: RawRow[], sizes: number[]): SheetSource & { closed: () => boolean } {
  let closed = false;
  return {
    ...oneByOne(rows),
    rows() {
      throw new Error('rows() called on a sheet read in batches');
    },
    async *rowBatches() {
      try {
        let at = 0;
        for (const size of sizes) {
          yield rows.slice(at, at + size);
          at += size;
        }
        if (at < rows.length) yield rows.slice(at);
      } finally {
        closed = true;
      }
    },
    closed: () => closed,
  };
}

async function read(t: Table | null, how: 'rows' | 'batches'): Promise<{ rows: TableRow[]; t: Table }> {
  if (!t) throw new Error('no table');
  const rows: TableRow[] = [];
  if (how === 'rows') for await (const r of t.rows()) rows.push(r);
  else for await (const b of t.batches()) rows.push(...b);
  return { rows, t };
}

describe('table over batches', async () => {
  const plain = await read(await openTable(oneByOne(ROWS), { scoreHeader }), 'rows');

  it('finds the header, the data and the skipped rows one by one', () => {
    expect(plain.t.headerRow).toBe(2);
    expect(plain.t.titleRows).toEqual(['某县人员名单']);
    expect(plain.rows.map((r) => r.row)).toEqual([...Array.from({ length: 60 }, (_, i) => i + 3), 65]);
    expect(plain.t.skipped.map((s) => [s.row, s.reason])).toEqual([
      [63, 'blank'],
      [64, 'repeatedHeader'],
      [66, 'footer'],
    ]);
  });

  for (const sizes of [[66], [1, 1, 1], [40, 0, 5], [0, 2, 0, 31, 1], [29, 1, 1]]) {
    for (const how of ['rows', 'batches'] as const) {
      it(`gives the same table in batches of ${JSON.stringify(sizes)}, read by ${how}`, async () => {
        const got = await read(await openTable(batched(ROWS, sizes), { scoreHeader }), how);
        expect(got.rows).toEqual(plain.rows);
        expect({ ...got.t, rows: null, batches: null }).toEqual({ ...plain.t, rows: null, batches: null });
      });
    }
  }

  it('looks for the header in the first scanRows rows even when a batch brings more', async () => {
    expect(await openTable(batched(ROWS, [66]), { scoreHeader, scanRows: 1 })).toBeNull();
  });

  it('closes the reader when left early, and when no header is found', async () => {
    const sheet = batched(ROWS, [10, 10]);
    const t = await openTable(sheet, { scoreHeader });
    for await (const b of t!.batches()) {
      expect(b[0].row).toBe(3);
      break;
    }
    expect(sheet.closed()).toBe(true);
    const none = batched(ROWS, [1]);
    expect(await openTable(none, { scoreHeader, scanRows: 1 })).toBeNull();
    expect(none.closed()).toBe(true);
  });
});
