import { describe, expect, test } from 'vitest';
import { idCheckChar, idTypo, isIdTypo, isValidId, normalizeId, upgrade15 } from '../../src/normalize/id.js';
import { readCsv, readWorkbook } from './real-files.js';
import { random } from '../helpers/random.js';

/** GB 11643 check character computed from its definition (weights 2^(17-i) mod 11), independent of the code. */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

const TODAY = '2024-06-30';

describe('DOMAIN §3.1 public test vectors', () => {
  test.each(['360426199101010071', '44011320141005001X', '412723199010050012', '110102199101010078', '371001198010082394', '11010519491231002X'])(
    'valid %s',
    (id) => {
      const r = normalizeId(id, { today: TODAY });
      expect(r.status).toBe('valid');
      expect(r.id).toBe(id);
      expect(r.problem).toBeNull();
      expect(isValidId(id)).toBe(true);
      expect(idCheckChar(id.slice(0, 17))).toBe(id[17]);
      expect(referenceCheck(id.slice(0, 17))).toBe(id[17]);
    },
  );

  test('bad check character 36042619910102009X should end in 3', () => {
    const r = normalizeId('36042619910102009X', { today: TODAY });
    expect(r.status).toBe('badCheck');
    expect(r.id).toBeNull();
    expect(r.cleaned).toBe('36042619910102009X');
    expect(r.birthDate).toBe('1991-01-02');
    expect(r.problem).toBe('身份证号校验位错误（应为3）');
    expect(isValidId('36042619910102009X')).toBe(false);
  });

  test('bad date 360426199113010079', () => {
    const r = normalizeId('360426199113010079', { today: TODAY });
    expect(r.status).toBe('badDate');
    expect(r.id).toBeNull();
    expect(r.birthDate).toBeNull();
    expect(r.problem).toBe('身份证号中的出生日期无效（19911301）');
  });

  test.each([
    ['360426910101007', '360426199101010071'],
    ['110105491231002', '11010519491231002X'],
  ])('15-digit %s = %s', (id15, id18) => {
    expect(upgrade15(id15)).toBe(id18);
    const r = normalizeId(id15, { today: TODAY });
    expect(r.status).toBe('upgraded');
    expect(r.id).toBe(id18);
    expect(r.problem).toBe(`身份证号为15位旧号码，应升级为18位（${id18}）`);
  });

  test('the often-quoted 110101199001011234 is invalid', () => {
    expect(isValidId('110101199001011234')).toBe(false);
    expect(normalizeId('110101199001011234', { today: TODAY }).status).toBe('badCheck');
    expect(normalizeId('110101199001011234', { today: TODAY }).problem).toBe(
      `身份证号校验位错误（应为${referenceCheck('11010119900101123')}）`,
    );
  });

  test('birth date, sex from the 17th digit', () => {
    expect(normalizeId('360426199101010071').gender).toBe('M');
    expect(normalizeId('11010519491231002X').gender).toBe('F');
    expect(normalizeId('11010519491231002X').birthDate).toBe('1949-12-31');
    expect(normalizeId('110105491231002').gender).toBe('F');
  });
});

describe('typing damage', () => {
  test.each([
    ['full-width digits and Ｘ', '４４０１１３２０１４１００５００１Ｘ', '44011320141005001X'],
    ['lower-case x', '44011320141005001x', '44011320141005001X'],
    ['spaces and tabs', ' 360426 19910101\t0071 ', '360426199101010071'],
    ['NBSP and ideographic space', '360426\u00a019910101\u30000071', '360426199101010071'],
    ['zero-width characters', '\u200b360426199101010071\ufeff', '360426199101010071'],
    ['leading apostrophe', "'360426199101010071", '360426199101010071'],
    ['apostrophe in a text cell', { v: "'44011320141005001x" }, '44011320141005001X'],
  ] as const)('%s', (_, input, id) => {
    const r = normalizeId(input, { today: TODAY });
    expect(r.status).toBe('valid');
    expect(r.id).toBe(id);
    expect(r.cleaned).toBe(id);
  });

  test('wrong length and wrong characters', () => {
    expect(normalizeId('36042619910101007').status).toBe('badLength');
    expect(normalizeId('36042619910101007').problem).toBe('身份证号位数错误（17位，应为18位）');
    expect(normalizeId('3604261991010100711').status).toBe('badLength');
    expect(normalizeId('36042619910101A071').status).toBe('badChars');
    expect(normalizeId('3604261991X1010071').status).toBe('badChars');
    expect(normalizeId('无').problem).toBe('身份证号含有非法字符（无）');
  });

  test('a birth date after today or before 1900 is a bad date', () => {
    const first17 = '36042620300101007';
    const future = first17 + referenceCheck(first17);
    expect(normalizeId(future, { today: TODAY }).status).toBe('badDate');
    expect(normalizeId(future, { today: TODAY }).problem).toBe('身份证号中的出生日期晚于今天（20300101）');
    expect(normalizeId(future, { today: '2030-01-01' }).status).toBe('valid');
    const old17 = '36042618991231007';
    expect(normalizeId(old17 + referenceCheck(old17), { today: TODAY }).status).toBe('badDate');
    expect(isValidId(future, { today: TODAY })).toBe(false);
  });

  test('empty cells are empty, not problems', () => {
    for (const c of [null, undefined, '', '  ', { v: null }, "'"]) {
      const r = normalizeId(c);
      expect(r.status).toBe('empty');
      expect(r.problem).toBeNull();
    }
  });
});

describe('IDs that went through a spreadsheet number', () => {
  test('18 digits in a numeric cell are damaged: prefix kept, never an ID', () => {
    const r = normalizeId({ v: 3.6042619910101e17, numeric: true });
    expect(r.status).toBe('damaged');
    expect(r.id).toBeNull();
    expect(r.prefix15).toBe('360426199101010');
    expect(r.birthDate).toBe('1991-01-01');
    expect(r.gender).toBeNull();
    expect(r.raw).toBe('360426199101010000');
    expect(r.problem).toBe('身份证号以数字格式保存，后三位已丢失（360426199101010000），须按原件重新录入');
  });

  test('damaged even when the ruined number happens to pass the check', () => {
    // Find a real-looking number whose last three digits are 000 and whose check character is 0.
    let passing = '';
    for (let day = 1; day <= 28 && passing === ''; day++) {
      for (let digit = 0; digit <= 9 && passing === ''; digit++) {
        const first17 = `360426199101${String(day).padStart(2, '0')}${digit}00`;
        if (referenceCheck(first17) === '0') passing = `${first17}0`;
      }
    }
    expect(passing).toMatch(/^\d{15}000$/);
    expect(normalizeId(passing).status).toBe('valid');
    const asNumber = { v: null, numeric: true };
    const r = normalizeId({ ...asNumber, v: passing });
    expect(r.status).toBe('damaged');
    expect(r.id).toBeNull();
    expect(r.prefix15).toBe(passing.slice(0, 15));
  });

  test('E-notation text is damaged; a 6-digit mantissa keeps no usable prefix', () => {
    const r = normalizeId('3.60426E+17');
    expect(r.status).toBe('damaged');
    expect(r.id).toBeNull();
    expect(r.prefix15).toBeNull();
    expect(r.problem).toBe('身份证号以数字格式保存，后三位已丢失（3.60426E+17），须按原件重新录入');
    expect(normalizeId('３.６０４２６Ｅ＋１７').status).toBe('damaged');
    expect(normalizeId('3.60426e17').status).toBe('damaged');
  });

  test('text ending in 000 that fails the check is damaged (a number saved as text since); passing, it is valid', () => {
    const typed = '360426199101010000';
    expect(referenceCheck(typed.slice(0, 17))).not.toBe('0');
    for (const cell of [typed, { v: typed }]) {
      const r = normalizeId(cell);
      expect(r.status).toBe('damaged');
      expect(r.id).toBeNull();
      expect(r.prefix15).toBe('360426199101010');
      expect(r.birthDate).toBe('1991-01-01');
      expect(r.problem).toBe('身份证号末三位为000且校验位不符，应是曾以数字格式保存、后三位已丢失（360426199101010000），须按原件重新录入');
    }
    // One digit off elsewhere is still a typo with a wrong check character.
    expect(normalizeId('360426199101010001').status).toBe('badCheck');
    // Text cannot tell a damaged number that passes the check from a real ID: it is taken as typed.
    let passing = '';
    for (let day = 1; day <= 28 && passing === ''; day++) {
      for (let digit = 0; digit <= 9 && passing === ''; digit++) {
        const first17 = `360426199101${String(day).padStart(2, '0')}${digit}00`;
        if (referenceCheck(first17) === '0') passing = `${first17}0`;
      }
    }
    expect(normalizeId(passing).status).toBe('valid');
  });

  test('a 15-digit number is exact even from a numeric cell', () => {
    const r = normalizeId({ v: 360426910101007, numeric: true });
    expect(r.status).toBe('upgraded');
    expect(r.id).toBe('360426199101010071');
  });

  test('short numbers are too short, not damaged', () => {
    expect(normalizeId({ v: 12345, numeric: true }).status).toBe('badLength');
  });
});

describe('on real files made by LibreOffice', () => {
  test('xlsx: IDs typed into a CSV become numbers of 15 significant digits', () => {
    const { rows } = readWorkbook('ids-dates.xlsx');
    const ids = rows.filter((r) => r.kind === 'id');
    expect(ids.length).toBe(4);
    for (const { value, expected } of ids) {
      const r = normalizeId(value, { today: TODAY });
      const [tag, want] = expected.split(':');
      if (tag === 'p') {
        expect(r.status).toBe('damaged');
        expect(r.prefix15).toBe(want);
        expect(r.id).toBeNull();
      } else if (tag === 'u') {
        expect(r.status).toBe('upgraded');
        expect(r.id).toBe(want);
      } else {
        expect(r.status).toBe('valid');
        expect(r.id).toBe(want);
      }
    }
  });

  test('CSV saved back: damaged IDs arrive as E-notation text, still recognised', () => {
    const ids = readCsv('ids-dates-resaved.csv').filter(([kind]) => kind === 'id');
    const damagedRows = ids.filter(([, , expected]) => expected.startsWith('p:'));
    expect(damagedRows.length).toBe(2);
    for (const [, text, expected] of damagedRows) {
      expect(text).toMatch(/E\+0?17$/);
      const r = normalizeId(text);
      expect(r.status).toBe('damaged');
      expect(r.prefix15).toBe(expected.slice(2));
    }
  });
});

describe('idTypo', () => {
  test('one digit, one adjacent swap, or neither', () => {
    expect(idTypo('360426199101010071', '360426199101010072')).toBe('oneDigit');
    expect(idTypo('36042619910102009X', '360426199101020093')).toBe('oneDigit');
    expect(idTypo('360426199101010071', '360426199101010017')).toBe('adjacentSwap');
    expect(idTypo('360426199101010071', '360426199101010071')).toBeNull();
    expect(idTypo('360426199101010071', '360426199101010182')).toBeNull();
    expect(idTypo('360426199101010071', '360426199101010107')).toBeNull();
    expect(idTypo('44011320141005001x', '44011320141005001X')).toBeNull();
    expect(idTypo('36042619910101007', '360426199101010071')).toBeNull();
  });
});

describe('fast path for plain typed IDs', () => {
  test('text of 17 digits and a digit or X takes the same result as the general path', () => {
    const plain = normalizeId('11010519491231002x', { today: TODAY });
    expect(plain).toEqual({
      raw: '11010519491231002x',
      status: 'valid',
      id: '11010519491231002X',
      cleaned: '11010519491231002X',
      prefix15: null,
      birthDate: '1949-12-31',
      gender: 'F',
      problem: null,
    });
    // Same ID with something the fast path does not take: cleaned by the general path to the same person.
    for (const messy of ['11010519491231002x\u3000', ' 11010519491231002X', "'11010519491231002X", '１１０１０５１９４９１２３１００２Ｘ']) {
      const r = normalizeId(messy, { today: TODAY });
      expect([r.status, r.id, r.birthDate, r.gender], messy).toEqual(['valid', '11010519491231002X', '1949-12-31', 'F']);
    }
  });

  test('a cell marked numeric is not typed text, even when its value is a digit string', () => {
    expect(normalizeId({ v: '360426199101010071', numeric: true }, { today: TODAY }).status).toBe('damaged');
    expect(normalizeId({ v: '360426199101010071' }, { today: TODAY }).status).toBe('valid');
  });

  test('plain 18-character text still gets every verdict', () => {
    expect(normalizeId('36042619910102009X', { today: TODAY }).status).toBe('badCheck');
    expect(normalizeId('360426199113010079', { today: TODAY }).status).toBe('badDate');
    expect(normalizeId('360426202501010071', { today: TODAY }).problem).toBe('身份证号中的出生日期晚于今天（20250101）');
    expect(normalizeId('360426189912310071', { today: TODAY }).problem).toBe('身份证号中的出生日期早于1900年（18991231）');
    expect(normalizeId('36042619910101007Y', { today: TODAY }).status).toBe('badChars');
  });
});

describe('isIdTypo', () => {

  test('agrees with idTypo, case and characters beyond ASCII included', () => {
    const next = random(5);
    const alphabet = '0123456789Xxaßİ ';
    const base = '360426199101010071';
    for (let round = 0; round < 20000; round++) {
      const change = (s: string) => {
        const chars = [...s];
        const edits = Math.floor(next() * 4);
        for (let e = 0; e < edits; e++) {
          const i = Math.floor(next() * chars.length);
          if (next() < 0.5 && i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
          else chars[i] = alphabet[Math.floor(next() * (next() < 0.8 ? 11 : alphabet.length))];
        }
        if (next() < 0.05) chars.pop();
        return chars.join('');
      };
      const a = change(base);
      const b = change(a);
      expect([a, b, isIdTypo(a, b)]).toEqual([a, b, idTypo(a, b) !== null]);
    }
  });

  test('two valid IDs are never one typo apart: the check character catches every such change', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      let first17 = '';
      for (let i = 0; i < 17; i++) first17 += String(Math.floor(next() * 10));
      const id = first17 + referenceCheck(first17);
      for (let i = 0; i < 18; i++) {
        for (const ch of '0123456789X') {
          const typo = id.slice(0, i) + ch + id.slice(i + 1);
          if (typo !== id && /^\d{17}[\dX]$/.test(typo)) expect(referenceCheck(typo.slice(0, 17)) === typo[17], typo).toBe(false);
        }
        if (i < 17) {
          const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
          if (swapped !== id && /^\d{17}[\dX]$/.test(swapped)) expect(referenceCheck(swapped.slice(0, 17)) === swapped[17], swapped).toBe(false);
        }
      }
    }
  });
});

describe('isValidId', () => {
  /** An 18-character text near an ID: some with a good check character, some with damage of every kind. */
  function candidate(next: () => number): string {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    const y = pick(['1899', '1900', '1949', '2000', '2024', '2025', '2099']);
    const m = pick(['00', '01', '02', '06', '12', '13']);
    const d = pick(['00', '01', '28', '29', '30', '31', '32']);
    const first17 = `3607${String(Math.floor(next() * 90) + 10)}${y}${m}${d}${String(Math.floor(next() * 900) + 100)}`;
    const check = /^\d{17}$/.test(first17) ? idCheckChar(first17) : '0';
    let id = first17 + pick([check, check, check.toLowerCase(), '0', 'X', 'x', 'Y']);
    const at = Math.floor(next() * 18);
    const damage = next();
    if (damage < 0.1) id = id.slice(0, at) + pick(['A', ' ', '０', '٣', '/']) + id.slice(at + 1);
    else if (damage < 0.15) id = id.slice(0, 17);
    else if (damage < 0.2) id = `${id}1`;
    return id;
  }

  test('agrees with normalizeId on 20,000 near-IDs (bounds of dates, check characters, damage)', () => {
    const next = random(11);
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      const id = candidate(next);
      const expected = normalizeId(id, { today: TODAY }).status === 'valid' && id.length === 18 && /^\d{17}[\dXx]$/.test(id);
      expect(isValidId(id, { today: TODAY }), id).toBe(expected);
      if (expected) valid++;
    }
    expect(valid).toBeGreaterThan(1000);
  });

  test('birth dates at the bounds', () => {
    const make = (first17: string) => first17 + idCheckChar(first17);
    expect(isValidId(make('36072119000101123'), { today: TODAY })).toBe(true);
    expect(isValidId(make('36072118991231123'), { today: TODAY })).toBe(false);
    expect(isValidId(make('36072120240630123'), { today: TODAY })).toBe(true);
    expect(isValidId(make('36072120240701123'), { today: TODAY })).toBe(false);
    expect(isValidId(make('36072120000229123'), { today: TODAY })).toBe(true);
    expect(isValidId(make('36072119000229123'), { today: TODAY })).toBe(false);
  });
});
