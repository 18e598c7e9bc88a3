import { describe, expect, test } from 'vitest';
import { ageAt, excelSerialToDate, isDateFormat, parseDate, parseYear } from '../../src/normalize/date.js';
import { isoDay } from '../../src/normalize/calendar.js';
import { readCsv, readWorkbook } from './real-files.js';

const num = (v: number, fmt?: string) => ({ v, numeric: true, fmt });

describe('Excel serial numbers', () => {
  test('1900 system, with the phantom 1900-02-29', () => {
    expect(parseDate(num(1, 'yyyy-mm-dd')).date).toBe('1900-01-01');
    expect(parseDate(num(59, 'yyyy-mm-dd')).date).toBe('1900-02-28');
    expect(parseDate(num(60, 'yyyy-mm-dd')).date).toBeNull();
    expect(parseDate(num(60, 'yyyy-mm-dd')).problem).toContain('1900-02-29');
    expect(parseDate(num(61, 'yyyy-mm-dd')).date).toBe('1900-03-01');
    expect(parseDate(num(42493.75, 'yyyy-mm-dd hh:mm')).date).toBe('2016-05-03');
    expect(parseDate(num(2958465)).date).toBe('9999-12-31');
  });

  test('1904 system', () => {
    expect(parseDate(num(0, 'yyyy-mm-dd'), { date1904: true }).date).toBe('1904-01-01');
    expect(excelSerialToDate(1462, true).date).toBe('1908-01-02');
    expect(excelSerialToDate(-1).problem).not.toBeNull();
  });

  test('numbers without a date format that read as yyyymmdd, yyyymm, yyyy', () => {
    expect(parseDate(num(20160503))).toEqual({ date: '2016-05-03', precision: 'day', problem: null });
    expect(parseDate(num(201605))).toEqual({ date: '2016-05-01', precision: 'month', problem: null });
    expect(parseDate(num(2016))).toEqual({ date: '2016-01-01', precision: 'year', problem: null });
    expect(parseDate(num(2016, 'yyyy-mm-dd')).date).toBe('1905-07-08');
  });

  test('text digits are never serial numbers', () => {
    expect(parseDate('42493').date).toBeNull();
    expect(parseDate('42493').problem).toBe('无法识别的日期：42493');
  });

  test('date formats', () => {
    for (const f of ['yyyy-mm-dd', 'yyyy\\-mm\\-dd', 'm/d/yy', 'yyyy"年"m"月"d"日"', '[$-804]yyyy"年"m"月"', 'mmm-yy', 'd-mmm']) {
      expect(isDateFormat(f)).toBe(true);
    }
    for (const f of ['General', '0', '0.00', '@', 'h:mm:ss', '#,##0.00"元"', undefined]) expect(isDateFormat(f)).toBe(false);
  });
});

describe('text dates', () => {
  test.each([
    ['2016-05-03', '2016-05-03', 'day'],
    ['2016/5/3', '2016-05-03', 'day'],
    ['2016.5.3', '2016-05-03', 'day'],
    ['2016年5月3日', '2016-05-03', 'day'],
    ['2016 年 5 月 3 日', '2016-05-03', 'day'],
    ['２０１６年５月３日', '2016-05-03', 'day'],
    ['20160503', '2016-05-03', 'day'],
    ['2016-05-03T08:30:00', '2016-05-03', 'day'],
    ['2016-05-03T23:30:00+08:00', '2016-05-03', 'day'],
    ['2016/5/3 8:00', '2016-05-03', 'day'],
    ['2016-5', '2016-05-01', 'month'],
    ['201605', '2016-05-01', 'month'],
    ['2016年5月', '2016-05-01', 'month'],
    ['2016', '2016-01-01', 'year'],
    ['2016年', '2016-01-01', 'year'],
  ] as const)('%s', (text, date, precision) => {
    expect(parseDate(text)).toEqual({ date, precision, problem: null });
  });

  test('impossible and unreadable dates', () => {
    expect(parseDate('2016-02-30').problem).toBe('日期无效（2016-02-30）');
    expect(parseDate('2015年2月29日').date).toBeNull();
    expect(parseDate('2016-13').date).toBeNull();
    expect(parseDate('1850-01-01').problem).toBe('日期超出合理范围（1850-01-01）');
    expect(parseDate('去年').problem).toBe('无法识别的日期：去年');
    expect(parseDate('')).toEqual({ date: null, precision: null, problem: null });
    expect(parseDate({ v: null })).toEqual({ date: null, precision: null, problem: null });
  });
});

describe('on real files', () => {
  test('LibreOffice xlsx date serials (1900 system)', () => {
    const { date1904, rows } = readWorkbook('ids-dates.xlsx');
    const dates = rows.filter((r) => r.kind === 'date');
    expect(dates.length).toBe(6);
    for (const { value, expected } of dates) expect(parseDate(value, { date1904 }).date).toBe(expected.slice(2));
  });

  test('exceljs xlsx in the 1904 date system', () => {
    const { date1904, rows } = readWorkbook('dates-1904.xlsx');
    expect(date1904).toBe(true);
    expect(rows.length).toBe(5);
    for (const { value, expected } of rows) expect(parseDate(value, { date1904 }).date).toBe(expected.slice(2));
  });

  test('dates in a CSV written by LibreOffice', () => {
    for (const [kind, text, expected] of readCsv('ids-dates-resaved.csv')) {
      if (kind === 'date') expect(parseDate(text).date).toBe(expected.slice(2));
    }
  });
});

describe('ageAt', () => {
  test('whole years; the birthday counts on the day', () => {
    expect(ageAt('1956-07-01', '2016-07-01')).toBe(60);
    expect(ageAt('1956-07-02', '2016-07-01')).toBe(59);
    expect(ageAt('1956-06-30', '2016-07-01')).toBe(60);
    expect(ageAt('2000-02-29', '2016-02-28')).toBe(15);
    expect(ageAt('2000-02-29', '2016-02-29')).toBe(16);
    expect(ageAt('2000-02-29', '2017-03-01')).toBe(17);
    expect(() => ageAt('2016-5-3', '2020-01-01')).toThrow('日期格式应为YYYY-MM-DD');
  });
});

describe('parseYear', () => {
  test.each([
    ['2017', 2017],
    ['2017年', 2017],
    ['2017年度', 2017],
    ['２０１７年', 2017],
    ['2017-12-31', 2017],
  ] as const)('%s', (text, year) => {
    expect(parseYear(text)).toEqual({ value: year, problem: null });
  });

  test('numbers, serials, blanks and nonsense', () => {
    expect(parseYear(num(2017))).toEqual({ value: 2017, problem: null });
    expect(parseYear(num(42736, 'yyyy-mm-dd'))).toEqual({ value: 2017, problem: null });
    expect(parseYear(num(42736)).value).toBeNull();
    expect(parseYear('')).toEqual({ value: null, problem: null });
    expect(parseYear('明年').problem).toBe('无法识别的年度：明年');
    expect(parseYear('1017').problem).toBe('年度超出合理范围（1017）');
  });
});

describe('plain YYYY-MM-DD and YYYYMMDD text', () => {
  test('read like the general patterns read them', () => {
    expect(parseDate('1982-05-01')).toEqual({ date: '1982-05-01', precision: 'day', problem: null });
    expect(parseDate('19820501')).toEqual({ date: '1982-05-01', precision: 'day', problem: null });
    expect(parseDate('1982-02-30')).toEqual({ date: null, precision: null, problem: '日期无效（1982-02-30）' });
    expect(parseDate('21010101')).toEqual({ date: null, precision: null, problem: '日期超出合理范围（21010101）' });
    // Forms beside the fast path still go through the general patterns.
    expect(parseDate('1982-5-1').date).toBe('1982-05-01');
    expect(parseDate('１９８２-05-01').date).toBe('1982-05-01');
    expect(parseDate('1982-05-01 08:00').date).toBe('1982-05-01');
    expect(parseDate('1982/05/01').date).toBe('1982-05-01');
  });
});

describe('isoDay', () => {
  test('writes every day of the shared years once, and any other date as text of its own', () => {
    const seen = new Set<string>();
    for (const y of [1800, 1999, 2024, 2199]) {
      for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) seen.add(isoDay(y, m, d));
    }
    expect(seen.size).toBe(4 * 12 * 31);
    expect(isoDay(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDay(1799, 12, 31)).toBe('1799-12-31');
    expect(isoDay(2200, 1, 1)).toBe('2200-01-01');
    expect(isoDay(999, 1, 5)).toBe('0999-01-05');
    // Out-of-range months and days are written as they are, not taken for a neighbouring day.
    expect(isoDay(2000, 13, 1)).toBe('2000-13-01');
    expect(isoDay(2001, 0, 1)).toBe('2001-00-01');
    expect(isoDay(2000, 1, 32)).toBe('2000-01-32');
    expect(parseDate('1986-08-19').date).toBe(isoDay(1986, 8, 19));
  });
});
