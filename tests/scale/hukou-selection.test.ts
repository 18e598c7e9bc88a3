/**
 * Which hukou rows the first pass takes as registered people (Interest.matches), against the rule written out
 * plainly: same valid ID; same surviving 15 digits where one side is damaged; or a registered person sharing a
 * name key whose birth date is the row's or whose ID is one typo away from the row's. And the rows' keys
 * (hukou-keys.ts), made from the parsed row or from its plain text, pick every row the rule takes (hukou-pick.ts).
 */
import { describe, expect, it } from 'vitest';
import { Interest } from '../../src/audit/interest.js';
import { SheetKeysMaker } from '../../src/audit/hukou-keys.js';
import { MAY_MATCH, pickRows } from '../../src/audit/hukou-pick.js';
import { idTypo, normalizeId } from '../../src/normalize/id.js';
import { nameKeys } from '../../src/normalize/name.js';
import type { IdResult } from '../../src/normalize/types.js';
import type { HukouRecord } from '../../src/sources/index.js';
import { random } from '../helpers/random.js';

const TODAY = '2026-11-27';

interface Person {
  name: string;
  idNumber: IdResult | null;
  birthDate: string | null;
}

function check(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * weights[i];
  return '10X98765432'[sum % 11];
}


/** The rule, person by person (no index). */
function reference(registered: Person[], r: Person): boolean {
  const id = r.idNumber;
  const prefix = (x: IdResult | null) =>
    !x ? null : x.status === 'damaged' ? x.prefix15 : x.id ? x.id.slice(0, 15) : x.cleaned.length === 18 ? x.cleaned.slice(0, 15) : null;
  const keys = new Set(nameKeys(r.name));
  const birth = r.birthDate ?? id?.birthDate ?? null;
  return registered.some((p) => {
    const pid = p.idNumber;
    if (id?.id && pid?.id === id.id) return true;
    const a = prefix(id);
    if (a && a === prefix(pid) && (pid?.status === 'damaged' || id?.status === 'damaged')) return true;
    if (!nameKeys(p.name).some((k) => keys.has(k))) return false;
    if (birth && pid?.birthDate === birth) return true;
    return !!id && !!pid && id.cleaned.length === 18 && pid.cleaned.length === 18 && idTypo(pid.cleaned, id.cleaned) !== null;
  });
}

describe('hukou rows taken as registered people', () => {
  it('agree with the rule written out person by person', () => {
    const next = random(2026);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    // Few names, so that namesakes abound: 王/黄 and 陈/程 share fuzzy pinyin; one name has more namesakes than
    // are scanned one by one.
    const names = ['王伟', '黄伟', '王伟', '陈丽', '程丽', '李娜', 'wan', '王', '张伟'];
    const newId = () => {
      const year = 1930 + Math.floor(next() * 90);
      const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
      const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
      const first17 = `360733${year}${month}${day}${String(Math.floor(next() * 1000)).padStart(3, '0')}`;
      return first17 + check(first17);
    };
    const typo = (id: string) => {
      const i = Math.floor(next() * 17);
      if (next() < 0.5) return id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
      return id.slice(0, i) + String((Number(id[i]) + 1 + Math.floor(next() * 9)) % 10) + id.slice(i + 1);
    };
    const person = (name: string, text: string | number | null, birthDate: string | null = null): Person => {
      const cell = text === null ? null : typeof text === 'number' ? { v: text, numeric: true } : { v: text };
      const r = normalizeId(cell, { today: TODAY });
      return { name, idNumber: r.status === 'empty' ? null : r, birthDate };
    };

    const registered: Person[] = [];
    for (let i = 0; i < 120; i++) {
      const id = newId();
      const kind = next();
      // Mostly valid IDs; some registered with a typo, some damaged by Excel, a few without an ID.
      const text = kind < 0.75 ? id : kind < 0.85 ? typo(id) : kind < 0.92 ? `${id.slice(0, 15)}000` : null;
      const p = kind >= 0.85 && kind < 0.92 ? person(pick(names), Number(`${id.slice(0, 15)}000`)) : person(pick(names), text);
      registered.push(p);
      // The same person again, as another source has them.
      if (next() < 0.5) registered.push({ ...p });
    }
    for (let i = 0; i < 40; i++) registered.push(person('王伟', newId()));
    // Names only one registered person has: one with a 15-digit ID (a birth date, no 18-character ID to be a typo of).
    const old15 = newId();
    registered.push(person('赵十五', old15.slice(0, 6) + old15.slice(8, 17)));

    const interest = new Interest();
    for (const p of registered) interest.add({ id: p.idNumber, name: p.name });

    const rows: Person[] = [];
    for (const p of registered) {
      const id = p.idNumber?.cleaned ?? newId();
      rows.push(person(p.name, id));
      rows.push(person(pick(names), typo(id.slice(0, 17) + check(id.slice(0, 17)))));
      rows.push(person(p.name, typo(id)));
      rows.push(person(p.name, newId(), p.idNumber?.birthDate ?? null));
      rows.push(person(pick(names), newId()));
      rows.push(person(p.name, Number(`${id.slice(0, 15)}000`)));
      rows.push(person(p.name, `${id.slice(0, 17)}${id[17] === 'X' ? 'x' : id[17]}`));
    }
    // Taken through the birth date alone: another ID, the 15-digit holder's name and birth date.
    rows.push(person('赵十五', newId(), `${old15.slice(6, 10)}-${old15.slice(10, 12)}-${old15.slice(12, 14)}`));
    // Taken through a damaged registered ID alone: a name nobody registered has, an ID keeping its 15 digits.
    for (const p of registered.filter((x) => x.idNumber?.status === 'damaged').slice(0, 5)) {
      const first17 = `${p.idNumber?.prefix15 ?? ''}12`;
      rows.push(person('钱不同', first17 + check(first17)));
    }
    // Taken through the ID alone: registered people under a name none of them has (renamed since).
    for (const p of registered.filter((x) => x.idNumber?.status === 'valid').slice(0, 5)) rows.push(person('孙改名', p.idNumber?.id ?? null));
    let taken = 0;
    let plainTaken = 0;
    const parsedKeys = new SheetKeysMaker('户籍');
    const textKeys = new SheetKeysMaker('户籍');
    for (const [i, r] of rows.entries()) {
      const got = interest.matches(r as unknown as HukouRecord);
      expect([r.name, r.idNumber?.raw, got]).toEqual([r.name, r.idNumber?.raw, reference(registered, r)]);
      if (got) taken++;
      parsedKeys.fromRecord(r as unknown as HukouRecord, i + 2);
      // A row written plainly (ID text of 18 characters, not a number cell; a Han name) gets its keys from its text.
      const id = r.idNumber;
      const text = (field: string) => (field === 'idNumber' ? (id?.raw ?? '') : field === 'name' ? r.name : field === 'birthDate' ? (r.birthDate ?? '') : '');
      if (id?.status === 'damaged' || !textKeys.fromText(text, i + 2)) textKeys.fromRecord(r as unknown as HukouRecord, i + 2);
      else if (got) plainTaken++;
    }
    const [byParsed, byText] = pickRows([parsedKeys.done(), textKeys.done()], interest, new Set());
    let notPicked = 0;
    rows.forEach((r, i) => {
      const got = interest.matches(r as unknown as HukouRecord);
      // The keys say "perhaps" wherever matches says yes.
      if (got) expect([r.name, r.idNumber?.raw, byParsed[i] & MAY_MATCH, byText[i] & MAY_MATCH]).toEqual([r.name, r.idNumber?.raw, MAY_MATCH, MAY_MATCH]);
      if ((byParsed[i] & MAY_MATCH) === 0) notPicked++;
    });
    // And "no" for many rows, or picking would mean nothing.
    expect(notPicked).toBeGreaterThan(rows.length / 10);
    expect(plainTaken).toBeGreaterThan(taken / 3);
    // Both answers occur often enough for the comparison to mean something.
    expect(taken).toBeGreaterThan(rows.length / 5);
    expect(taken).toBeLessThan(rows.length * 0.9);
  });
});

describe('a valid ID one typo away from an invalid registered ID', () => {
  it('is picked through the name alone (birth dates differ), and a namesake with no such typo is not', () => {
    const first17 = '36073319800115123';
    const valid = first17 + check(first17);
    // One birth digit changed (day 15 → 16), and two adjacent birth digits swapped (month 01 → 10): both still
    // real dates, both with the wrong check character now.
    const changed = `${valid.slice(0, 12)}16${valid.slice(14)}`;
    const swapped = `${valid.slice(0, 10)}10${valid.slice(12)}`;
    // A changed year digit in the first nine characters (1980 → 1970), and a swap of the 9th and 10th characters
    // (1980 → 1908: both halves differ).
    const early = `${valid.slice(0, 8)}7${valid.slice(9)}`;
    const across = `${valid.slice(0, 8)}${valid[9]}${valid[8]}${valid.slice(10)}`;
    const other17 = '36073319800115456';
    const far = other17 + check(other17);
    for (const registered of [changed, swapped, early, across]) {
      const interest = new Interest();
      const id = normalizeId(registered, { today: TODAY });
      expect(id.status).toBe('badCheck');
      interest.add({ id, name: '王伟' });
      const rows = [valid, far].map((x) => ({ name: '王伟', idNumber: normalizeId(x, { today: TODAY }), birthDate: null }) as unknown as HukouRecord);
      expect(rows.map((r) => interest.matches(r))).toEqual([true, false]);
      const keys = new SheetKeysMaker('户籍');
      for (const [i, r] of rows.entries()) keys.fromRecord(r, i + 2);
      const [marks] = pickRows([keys.done()], interest, new Set());
      expect([marks[0] & MAY_MATCH, marks[1] & MAY_MATCH]).toEqual([MAY_MATCH, 0]);
    }
  });
});
