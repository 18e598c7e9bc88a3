import { describe, expect, it } from 'vitest';
import { ageAt, day, formatDate, isoDate, parseIsoDay, parts } from '../../src/sample/dates.js';
import { fullWidth, moneyVariant, phoneText, yuanText } from '../../src/sample/format.js';
import { IdAllocator, idCheckChar, toOldId } from '../../src/sample/ids.js';
import { excelDamagedValue } from '../../src/sample/plant/ids.js';
import { Rng } from '../../src/sample/rng.js';
import { cents, isValidId } from './read.js';

describe('sample ID numbers', () => {
  it('check character matches the public test vectors of DOMAIN §3.1', () => {
    for (const id of ['360426199101010071', '44011320141005001X', '412723199010050012', '110102199101010078', '371001198010082394', '11010519491231002X']) {
      expect(idCheckChar(id.slice(0, 17))).toBe(id[17]);
    }
    expect(idCheckChar('36042619910102009')).toBe('3');
    expect(idCheckChar('11010119900101123')).not.toBe('4');
  });

  it('old 15-digit form drops the century and the check character', () => {
    expect(toOldId('360426199101010071')).toBe('360426910101007');
    expect(toOldId('11010519491231002X')).toBe('110105491231002');
  });

  it('allocator gives valid, unique numbers with the sex in the 17th digit, even for crowded birthdays', () => {
    const ids = new IdAllocator();
    const seen = new Set<string>();
    const birth = day(1975, 6, 1);
    for (let i = 0; i < 500; i++) {
      for (const male of [true, false]) {
        const id = ids.allocate('360733', birth, male);
        expect(isValidId(id)).toBe(true);
        expect(id.slice(6, 14)).toBe('19750601');
        expect('13579'.includes(id[16])).toBe(male);
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
    expect(() => ids.allocate('360733', birth, true)).toThrow(/顺序码/);
    expect(isValidId(ids.allocate('360781', birth, true))).toBe(true);
  });

  it('an Excel-damaged ID keeps 15 significant digits and loses the last three', () => {
    const n = excelDamagedValue('360426199101010071');
    expect(n.toPrecision(15)).toBe('3.60426199101010e+17');
    expect(Number.isInteger(n)).toBe(true);
  });
});

describe('sample dates', () => {
  it('calendar parts agree with the JS Date for every day from 1900 to 2100', () => {
    for (let d = day(1900, 1, 1); d <= day(2100, 12, 31); d++) {
      const js = new Date(d * 86_400_000);
      expect(parts(d)).toEqual({ year: js.getUTCFullYear(), month: js.getUTCMonth() + 1, day: js.getUTCDate() });
    }
  });

  it('formats the variants village staff type and parses only real ISO dates', () => {
    const d = day(2016, 5, 3);
    expect([formatDate(d, 'dots'), formatDate(d, 'chinese'), formatDate(d, 'iso'), formatDate(d, 'slashes')]).toEqual([
      '2016.5.3',
      '2016年5月3日',
      '2016-05-03',
      '2016/5/3',
    ]);
    expect(parseIsoDay('2016-05-03')).toBe(d);
    expect(parseIsoDay('2026-02-30')).toBeNull();
    expect(parseIsoDay('2026-2-3')).toBeNull();
    expect(isoDate(day(2000, 2, 29))).toBe('2000-02-29');
    expect(ageAt(day(1960, 11, 28), day(2026, 11, 27))).toBe(65);
    expect(ageAt(day(1960, 11, 27), day(2026, 11, 27))).toBe(66);
  });
});

describe('sample format variants', () => {
  it('money text variants all mean the same amount', () => {
    const rng = new Rng('money');
    for (let i = 0; i < 200; i++) {
      const c = rng.int(1, 5_000_000);
      expect(cents(moneyVariant(rng, c))).toBe(BigInt(c));
    }
    expect(yuanText(123450, true)).toBe('1,234.50');
  });

  it('phones and full-width digits', () => {
    expect(phoneText('13807971234', 'dashes')).toBe('138-0797-1234');
    expect(phoneText('13807971234', 'spaces')).toBe('138 0797 1234');
    expect(fullWidth('36X')).toBe('３６Ｘ');
  });
});

describe('sample random numbers', () => {
  it('are reproducible per seed, and forks do not depend on what the parent drew', () => {
    const a = new Rng('s');
    const b = new Rng('s');
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => new Rng('t').next())).not.toEqual(first);
    const fresh = new Rng('s').fork('x').next();
    expect(a.fork('x').next()).toBe(fresh);
    for (let i = 0; i < 1000; i++) {
      const v = a.int(3, 5);
      expect(v >= 3 && v <= 5).toBe(true);
    }
  });
});
