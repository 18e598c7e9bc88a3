/**
 * readSheets on a small archive sheet: records carry every field of their layout, equal cells share one parsed
 * value, the empty problem list is shared (and frozen) until a row has a problem, every row's problems are
 * reported even where a parse result is reused, and `fields` + `complete()` parse the rest later.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheets, type ParsedRow, type SheetReading } from '../../src/sources/read.js';
import { householdFile, type HouseholdFileRecord } from '../../src/sources/index.js';

const HEAD = '360426199101010071';
const BAD = '36042619910102009X'; // check character should be 3
const CSV = [
  '乡镇,行政村,户主姓名,户主身份证号,成员姓名,成员身份证号,与户主关系,出生日期,住房情况',
  `下岭镇,杨埠村,李明,${HEAD},李明,${HEAD},户主,1991-01-01,安全`,
  `下岭镇,杨埠村,李明,${HEAD},王芳,110102199101010078,配偶,1991-13-01,安全`,
  `下岭镇,杨埠村,李明,${HEAD},李小,${BAD},之子,2010-13-01,安全`,
  `下岭镇,杨埠村,李明,${HEAD},李二,${BAD},之子,2011-01-01,安全`,
  '下岭镇,杨埠村,张三,412723199010050012,张三,412723199010050012,户主,1990-10-05,安全',
  '下岭镇,杨埠村,,,,,,,',
].join('\n');

const file = join(mkdtempSync(join(tmpdir(), 'jz-read-')), '一户一档.csv');
writeFileSync(file, CSV, 'utf8');

async function read(fields?: string[]): Promise<{ sheet: SheetReading; rows: ParsedRow[] }> {
  for await (const sheet of readSheets(file, { fields })) {
    const rows: ParsedRow[] = [];
    for await (const row of sheet.records()) rows.push(row);
    return { sheet, rows };
  }
  throw new Error('no sheet');
}

describe('readSheets records', async () => {
  const { sheet, rows } = await read();
  const records = rows.flatMap((r) => (r.record ? [r.record] : [])) as HouseholdFileRecord[];

  it('recognises the layout and keeps five rows, rejecting the one without name or ID', () => {
    expect(sheet.detection?.spec?.id).toBe('household-file');
    expect(sheet.stats).toMatchObject({ rows: 6, kept: 5, rejected: 1 });
    const rejected = rows[5];
    expect(rejected.record).toBeNull();
    expect(rejected.rejected).toContain('无法使用');
    expect(rejected.text).toBe('下岭镇 | 杨埠村');
    expect(rejected.loc.row).toBe(7);
  });

  it('gives every record every field of the layout, null where the sheet has no column', () => {
    for (const rec of records) {
      expect(Object.keys(rec).sort()).toEqual([...Object.keys(householdFile.fields), 'loc', 'problems'].sort());
    }
    expect(records[0].phone).toBeNull();
    expect(records[0].income).toBeNull();
    expect(records[1].loc).toEqual({ file, sheet: sheet.sheet, row: 3 });
  });

  it('shares the parsed value of equal cells, equal to a fresh parse', () => {
    const headId = records[0].headId;
    expect(headId).toEqual(householdFile.fields.headId.parse({ v: HEAD }, { date1904: false, moneyMultiplier: 1 }).value);
    for (const rec of records.slice(0, 4)) expect(rec.headId).toBe(headId);
    expect(records[4].headId?.id).toBe('412723199010050012');
    expect(records[3].idNumber).toBe(records[2].idNumber);
    expect(records[4].village).toBe(records[0].village);
    expect(records[2].idNumber?.status).toBe('badCheck');
  });

  it('shares one frozen empty problem list between rows without problems', () => {
    expect(records[0].problems).toEqual([]);
    expect(records[4].problems).toBe(records[0].problems);
    expect(Object.isFrozen(records[0].problems)).toBe(true);
  });

  it('reports the problems of every row, a reused bad value included', () => {
    expect(records[2].problems.map((p) => p.field).sort()).toEqual(['birthDate', 'idNumber']);
    expect(records[3].problems.map((p) => p.field)).toEqual(['idNumber']);
    expect(records[3].problems[0]).toMatchObject({ column: '成员身份证号', value: BAD });
    expect(records[3].problems).not.toBe(records[2].problems);
    // The rejected row's note counts among the problems too.
    expect(sheet.stats).toMatchObject({ withProblems: 3, problems: 5 });
    expect(sheet.problems.filter((p) => !p.rejected).map((p) => [p.loc.row, p.field])).toEqual([
      [3, 'birthDate'],
      [4, 'idNumber'],
      [4, 'birthDate'],
      [5, 'idNumber'],
    ]);
  });
});

describe('readSheets with `fields`: the rest parsed by complete()', async () => {
  const { sheet, rows } = await read(['village']);

  it('parses the asked and identifying fields first, the rest on complete(), once', () => {
    const row = rows[2];
    const rec = row.record;
    expect(rec?.village).toBe('杨埠村');
    expect(rec?.name).toBe('李小');
    expect(rec?.birthDate).toBeNull();
    expect(rec?.problems.map((p) => p.field)).toEqual(['idNumber']);
    expect(sheet.stats).toMatchObject({ withProblems: 2, problems: 3 });

    expect(row.complete()).toBe(rec);
    expect(rec?.birthDate).toBeNull();
    expect(rec?.relation).toBe('son');
    expect(rec?.problems.map((p) => p.field)).toEqual(['idNumber', 'birthDate']);
    expect(sheet.stats).toMatchObject({ withProblems: 2, problems: 4 });

    row.complete();
    expect(rec?.problems).toHaveLength(2);
    expect(sheet.stats.problems).toBe(4);
  });

  it('counts a row whose first problem comes with complete() among the rows with problems', () => {
    const rec = rows[1].complete();
    expect(rec?.problems.map((p) => p.field)).toEqual(['birthDate']);
    expect(sheet.stats).toMatchObject({ withProblems: 3, problems: 5 });
    expect(rows[0].complete()?.birthDate).toBe('1991-01-01');
    expect(rows[0].record?.problems).toEqual([]);
    expect(sheet.stats).toMatchObject({ withProblems: 3, problems: 5 });
    expect(rows[5].complete()).toBeNull();
  });
});

describe('readSheets recordBatches()', () => {
  it('gives the rows of records(), in order, in batches', async () => {
    const { rows } = await read();
    for await (const sheet of readSheets(file)) {
      const batched: ParsedRow[] = [];
      for await (const batch of sheet.recordBatches()) {
        expect(batch.length).toBeGreaterThan(0);
        batched.push(...batch);
      }
      expect(batched.map((r) => [r.loc, r.record, r.rejected, r.text])).toEqual(rows.map((r) => [r.loc, r.record, r.rejected, r.text]));
      expect(sheet.stats).toMatchObject({ rows: 6, kept: 5, rejected: 1, withProblems: 3, problems: 5 });
    }
  });
});

describe('readSheets passOver', () => {
  it('leaves out the rows it answers true for, unparsed, and counts them', async () => {
    const seen: [string | null, string | null, string | null][] = [];
    for await (const sheet of readSheets(file, {
      passOver: (text) => {
        seen.push([text('name'), text('idNumber'), text('phone')]);
        return text('name') === '王芳' || text('idNumber') === BAD;
      },
    })) {
      const rows: ParsedRow[] = [];
      for await (const batch of sheet.recordBatches()) rows.push(...batch);
      expect(rows.map((r) => r.loc.row)).toEqual([2, 6, 7]);
      // Passed-over rows are neither kept nor rejected and parse nothing: the one problem is the rejected row.
      expect(sheet.stats).toMatchObject({ rows: 6, kept: 2, rejected: 1, passedOver: 3, withProblems: 0, problems: 1 });
    }
    // Text as the reader gave it; '' for an empty cell and for a field without a column.
    expect(seen[1]).toEqual(['王芳', '110102199101010078', '']);
    expect(seen[5]).toEqual(['', '', '']);
  });

  it('gives null for a cell that holds a number, not text', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRows([
      ['乡镇', '行政村', '户主姓名', '户主身份证号', '成员姓名', '成员身份证号', '与户主关系'],
      ['下岭镇', '杨埠村', '李明', HEAD, '李明', 360426199101010000, '户主'],
    ]);
    const xlsx = join(mkdtempSync(join(tmpdir(), 'jz-read-')), '一户一档.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const seen: (string | null)[] = [];
    for await (const sheet of readSheets(xlsx, { passOver: (text) => (seen.push(text('idNumber'), text('name')), false) })) {
      for await (const _ of sheet.records()) void _;
    }
    expect(seen).toEqual([null, '李明']);
  });
});

describe('readSheets skipRows', () => {
  it('leaves out the rows a sheet will not use, but never those the header is looked for in', async () => {
    const lines = ['某县一户一档', CSV.split('\n')[0]];
    for (let i = 0; i < 60; i++) lines.push(`下岭镇,杨埠村,张${i},${HEAD},张${i},${HEAD},户主,1991-01-01,安全`);
    const titled = join(mkdtempSync(join(tmpdir(), 'jz-read-')), '一户一档.csv');
    writeFileSync(titled, lines.join('\n'), 'utf8');
    const asked: string[] = [];
    const passOverRows: number[] = [];
    for await (const sheet of readSheets(titled, {
      skipRows: (name) => (asked.push(name), (row) => row % 2 === 0),
      passOver: (_text, row) => (passOverRows.push(row), false),
    })) {
      const rows: ParsedRow[] = [];
      for await (const r of sheet.records()) rows.push(r);
      const expected = Array.from({ length: 60 }, (_, i) => i + 3).filter((row) => row <= 30 || row % 2 === 1);
      expect(rows.map((r) => r.loc.row)).toEqual(expected);
      expect(passOverRows).toEqual(expected);
      expect(sheet.stats.rows).toBe(expected.length);
    }
    expect(asked).toEqual(['一户一档']);
  });
});

describe('a UTF-8 file with a damaged byte', () => {
  it('is still read as UTF-8, and the damaged cell is a problem of its row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jz-badbyte-'));
    const damaged = join(dir, '一户一档.csv');
    const [head, ...rest] = CSV.split('\n');
    const bytes = Buffer.from([head, ...rest.slice(0, 5)].join('\n') + '\n', 'utf8');
    // 王芳 → 王 + a byte UTF-8 cannot start with + 芳.
    const at = bytes.indexOf(Buffer.from('王芳', 'utf8')) + 3;
    writeFileSync(damaged, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xa0]), bytes.subarray(at)]));
    const rows: ParsedRow[] = [];
    let encoding: string | null = null;
    for await (const sheet of readSheets(damaged)) {
      encoding = sheet.encoding;
      for await (const row of sheet.records()) rows.push(row);
    }
    expect(encoding).toBe('utf-8');
    const records = rows.flatMap((r) => (r.record ? [r.record] : [])) as HouseholdFileRecord[];
    expect(records.map((r) => r.name)).toEqual(['李明', '王\ufffd芳', '李小', '李二', '张三']);
    expect(records[0].headName).toBe('李明');
    const problem = records[1].problems.find((p) => p.field === 'name');
    expect(problem?.message).toContain('无法识别的字符');
    expect(records[0].problems.some((p) => p.message.includes('无法识别的字符'))).toBe(false);
  });
});

describe('a header twice', () => {
  it('the first copy is read, and where it is blank in a row, the other copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jz-dup-'));
    const twice = join(dir, '一户一档.csv');
    writeFileSync(
      twice,
      [
        '户主姓名,户主身份证号,成员姓名,成员身份证号,住房情况,帮扶责任人电话,帮扶责任人电话',
        `李明,${HEAD},李明,${HEAD},安全,,13807971234`,
        `李明,${HEAD},王芳,110102199101010078,安全,13907975678,13807971234`,
        `李明,${HEAD},李二,412723199010050012,安全,,`,
      ].join('\n'),
    );
    const records: HouseholdFileRecord[] = [];
    for await (const sheet of readSheets(twice)) for await (const row of sheet.records()) if (row.record) records.push(row.record as HouseholdFileRecord);
    expect(records.map((r) => r.helperPhone?.phone ?? null)).toEqual(['13807971234', '13907975678', null]);
  });
});
