/** The linking stage on hand-built records: each link method, its limits, and ambiguity reported, never guessed. */
import { describe, expect, it } from 'vitest';
import { national, householdFile, hukou, noticeBoard, deaths, vehicles } from '../../src/sources/index.js';
import { emptyRosters } from '../../src/link/index.js';
import { rosterIdOf } from '../../src/link/rosters.js';
import { linkDataset } from '../../src/link/index.js';
import type { Dataset, Person } from '../../src/link/model.js';
import { parsedRow, policy, sources, validIdFor } from '../rules/data-quality/build.js';
import { idCheckChar } from '../../src/normalize/id.js';
import type { LoadedSources } from '../../src/link/index.js';

const PLACE = { township: '黄金镇', village: '黄金村' };
const A = validIdFor('19600101', '011'); // 刘福, head of H1
const B = validIdFor('19650202', '022'); // 王秀英, spouse
const C = validIdFor('19900303', '031'); // 刘明, son

function nat(no: string, name: string, id: string, relation: string, extra: Record<string, string> = {}) {
  return parsedRow(national, { ...PLACE, householdNo: no, name, idNumber: id, relation, ...extra });
}
const H1 = () => [nat('H1', '刘福', A, '户主'), nat('H1', '王秀英', B, '配偶'), nat('H1', '刘明', C, '之子')];

function link(parts: Partial<LoadedSources>): Dataset {
  return linkDataset(sources({ national: H1(), ...parts }), policy, '2026-11-27');
}
const person = (ds: Dataset, id: string): Person | undefined => ds.households[0].people.find((p) => p.personId === id);

/** One character of an ID changed (a typo), keeping it 18 characters. */
function typo(id: string, at: number): string {
  const d = id[at] === '9' ? '8' : String.fromCharCode(id.charCodeAt(at) + 1);
  return id.slice(0, at) + d + id.slice(at + 1);
}

describe('people across sources', () => {
  it('links by the same ID', () => {
    const ds = link({ hukou: [parsedRow(hukou, { householdNo: '220001', name: '刘明', idNumber: C, relation: '20' })] });
    expect(person(ds, C)?.links.hukou?.method).toBe('id');
    expect(ds.households[0].hukouNos).toEqual(['220001']);
  });

  it('links an ID one digit off with the same name, and says which side is valid', () => {
    const bad = typo(C, 10);
    const ds = link({ 'household-file': [parsedRow(householdFile, { ...PLACE, headName: '刘福', name: '刘明', idNumber: bad })] });
    const p = person(ds, C);
    expect(p?.records['household-file']?.idNumber?.cleaned).toBe(bad);
    expect(p?.links['household-file']?.method).toBe('idTypo');
    expect(p?.links['household-file']?.validSide).toBe('other');
    expect(p?.links['household-file']?.note).toContain('国办系统一侧的号码校验正确');
  });

  it('links two adjacent digits swapped', () => {
    const swapped = C.slice(0, 8) + C[9] + C[8] + C.slice(10);
    expect(swapped).not.toBe(C);
    const ds = link({ 'household-file': [parsedRow(householdFile, { ...PLACE, headName: '刘福', name: '刘明', idNumber: swapped })] });
    expect(person(ds, C)?.links['household-file']?.note).toContain('相邻两位颠倒');
  });

  it('does not link an ID typo when the names disagree', () => {
    const ds = link({ 'household-file': [parsedRow(householdFile, { ...PLACE, headName: '张三', name: '张三', idNumber: typo(C, 10) })] });
    expect(person(ds, C)?.records['household-file']).toBeUndefined();
  });

  it('links an Excel-damaged ID only by its surviving 15 digits and the name, and never takes it as the ID', () => {
    const damaged = { v: Number(`${C.slice(0, 15)}000`), numeric: true, fmt: '0' };
    const ds = link({ 'household-file': [parsedRow(householdFile, { ...PLACE, headName: '刘福', name: '刘明', idNumber: damaged })] });
    const p = person(ds, C);
    expect(p?.links['household-file']?.method).toBe('idDamaged');
    expect(p?.records['household-file']?.idNumber?.status).toBe('damaged');
    expect(p?.records['household-file']?.idNumber?.id).toBeNull();
    expect(p?.personId).toBe(C);

    const stranger = link({ 'household-file': [parsedRow(householdFile, { ...PLACE, headName: '张三', name: '张三', idNumber: damaged })] });
    expect(person(stranger, C)?.records['household-file']).toBeUndefined();
  });

  it('a damaged ID whose check character happens to validate is still damaged, linked only by its first 15 digits', () => {
    // Find a person whose number, with its last three digits lost to Excel (…000), still passes the check.
    let real = '';
    for (let day = 10; day <= 28 && !real; day++) {
      for (let d = 0; d <= 9 && !real; d++) {
        const birth = `199001${String(day)}`;
        const first15 = `360721${birth}${String(d)}`;
        if (idCheckChar(`${first15}00`) === '0') real = validIdFor(birth, `${String(d)}12`);
      }
    }
    expect(real).not.toBe('');
    expect(person(linkDataset(sources({ national: [nat('H1', '刘明', real, '户主')] }), policy, '2026-11-27'), real)).toBeDefined();
    const lost = `${real.slice(0, 15)}000`;
    expect(idCheckChar(lost.slice(0, 17))).toBe(lost[17]);
    const nationalRows = [nat('H1', '刘福', A, '户主'), nat('H1', '刘明', real, '之子')];
    const ds = linkDataset(
      sources({
        national: nationalRows,
        'household-file': [parsedRow(householdFile, { ...PLACE, headName: '刘福', name: '刘明', idNumber: { v: Number(lost), numeric: true } })],
      }),
      policy,
      '2026-11-27',
    );
    const p = person(ds, real);
    expect(p?.records['household-file']?.idNumber?.status).toBe('damaged');
    expect(p?.records['household-file']?.idNumber?.id).toBeNull();
    expect(p?.links['household-file']?.method).toBe('idDamaged');
  });

  it('links an intact ID to a national ID damaged in Excel, by the first 15 digits and the name', () => {
    const damaged = { v: Number(`${C.slice(0, 15)}000`), numeric: true, fmt: '0' };
    const rows = [nat('H1', '刘福', A, '户主'), parsedRow(national, { ...PLACE, householdNo: 'H1', name: '刘明', idNumber: damaged, relation: '之子' })];
    const withArchive = (name: string) =>
      linkDataset(sources({ national: rows, 'household-file': [parsedRow(householdFile, { ...PLACE, headName: '刘福', name, idNumber: C })] }), policy, '2026-11-27');
    const ds = withArchive('刘明');
    const p = ds.households[0].people.find((q) => q.name === '刘明');
    expect(p?.records['household-file']?.idNumber?.id).toBe(C);
    expect(p?.links['household-file']?.method).toBe('idDamaged');
    expect(p?.links['household-file']?.note).toContain('国办系统的身份证号以数字格式保存已损坏');
    // Another name with the same digits is somebody else.
    const other = withArchive('张三');
    expect(other.households[0].people.find((q) => q.name === '刘明')?.records['household-file']).toBeUndefined();
  });

  it('links by name and birth date within the village when the ID is missing', () => {
    const ds = link({ 'household-file': [parsedRow(householdFile, { ...PLACE, headName: '刘福', name: '刘明', birthDate: '1990-03-03' })] });
    expect(person(ds, C)?.links['household-file']?.method).toBe('nameBirth');
  });

  it('links a homophone within the household once the household is attached', () => {
    const rows = [
      parsedRow(householdFile, { ...PLACE, headName: '刘福', headId: A, name: '刘福', idNumber: A }),
      parsedRow(householdFile, { ...PLACE, headName: '刘福', headId: A, name: '王秀瑛' }),
    ];
    const ds = link({ 'household-file': rows });
    expect(person(ds, B)?.links['household-file']?.method).toBe('name');
    expect(person(ds, B)?.links['household-file']?.note).toContain('同音');
  });

  it('a household pasted twice in the national export is one set of people: the others link to them by ID', () => {
    const ds = linkDataset(
      sources({
        national: [...H1(), ...H1()],
        hukou: [parsedRow(hukou, { householdNo: '220001', name: '刘明', idNumber: C, relation: '20' })],
        'household-file': [parsedRow(householdFile, { ...PLACE, headName: '刘福', name: '刘明', idNumber: C })],
      }),
      policy,
      '2026-11-27',
    );
    const [h] = ds.households;
    expect(h.national).toHaveLength(6); // every row stays, for the duplicate rules
    expect(h.people.map((p) => p.personId)).toEqual([A, B, C]);
    expect(ds.ambiguous).toEqual([]);
    expect(person(ds, C)?.links.hukou?.method).toBe('id');
    expect(person(ds, C)?.records['household-file']).toBeDefined();
  });

  it('reports an ID found in two national households as ambiguous instead of guessing', () => {
    const other = [nat('H2', '陈二', validIdFor('19700101', '051'), '户主'), nat('H2', '刘明', C, '之子')];
    const ds = linkDataset(sources({ national: [...H1(), ...other], hukou: [parsedRow(hukou, { householdNo: '9', name: '刘明', idNumber: C })] }), policy, '2026-11-27');
    expect(ds.ambiguous.some((a) => a.kind === 'hukou' && a.householdIds.join() === 'H1,H2')).toBe(true);
  });
});

describe('notice boards (no IDs)', () => {
  const board = (head: string, extra: Record<string, string> = {}) => parsedRow(noticeBoard, { ...PLACE, headName: head, ...extra });

  it('link by township + village + head name, village suffix variants agreeing', () => {
    const ds = link({ 'notice-board': [board('刘福', { village: '黄金村委会' })] });
    expect(ds.households[0].board?.record.headName).toBe('刘福');
  });

  it('tolerate a homophone in the head name', () => {
    const ds = link({ 'notice-board': [board('刘富')] });
    expect(ds.households[0].board?.note).toContain('同音');
  });

  it('use household size only to break a tie, and report what stays ambiguous', () => {
    const twin = [nat('H2', '刘福', validIdFor('19580101', '071'), '户主')];
    const one = linkDataset(sources({ national: [...H1(), ...twin], 'notice-board': [board('刘福', { householdSize: '3' })] }), policy, '2026-11-27');
    expect(one.byHouseholdId.get('H1')?.board).not.toBeNull();
    expect(one.byHouseholdId.get('H2')?.board).toBeNull();
    const tie = linkDataset(sources({ national: [...H1(), ...twin], 'notice-board': [board('刘福')] }), policy, '2026-11-27');
    expect(tie.households.every((h) => h.board === null)).toBe(true);
    expect(tie.ambiguous.filter((a) => a.kind === 'notice-board')).toHaveLength(1);
  });

  it('never link across villages', () => {
    const ds = link({ 'notice-board': [board('刘福', { village: '东山村' })] });
    expect(ds.households[0].board).toBeNull();
    expect(ds.unattached.boards).toHaveLength(1);
  });
});

describe('roster rows with a damaged or mistyped ID', () => {
  const withRosters = (rosters: Partial<ReturnType<typeof emptyRosters>>, nationalRows = H1()) =>
    linkDataset(sources({ national: nationalRows, rosters: { ...emptyRosters(), ...rosters } }), policy, '2026-11-27');

  it('stand for the registered person: one digit off or two swapped with the same name, or Excel damage with the first 15 digits', () => {
    const dead = parsedRow(deaths, { name: '王秀英', idNumber: typo(B, 12), deathDate: '2022-01-01' });
    const swapped = C.slice(0, 8) + C[9] + C[8] + C.slice(10);
    const car = parsedRow(vehicles, { name: '刘明', idNumber: swapped, plate: '赣B12345' });
    const damagedCar = parsedRow(vehicles, { name: '刘福', idNumber: { v: Number(A.slice(0, 17)) * 10, numeric: true }, plate: '赣B54321' });
    expect(damagedCar.idNumber?.status).toBe('damaged');
    const ds = withRosters({ deaths: [dead], vehicles: [car, damagedCar] });
    expect(rosterIdOf(ds.rosterLinks, dead)).toBe(B);
    expect(ds.rosterLinks.get(dead)?.note).toContain('相差一位且姓名相符');
    expect(rosterIdOf(ds.rosterLinks, car)).toBe(C);
    expect(ds.rosterLinks.get(car)?.note).toContain('相邻两位颠倒');
    expect(rosterIdOf(ds.rosterLinks, damagedCar)).toBe(A);
    expect(ds.rosterLinks.get(damagedCar)?.note).toContain('前15位和姓名');
  });

  it('stay apart when the name differs, when two registered namesakes fit, or when the ID is valid', () => {
    const other = parsedRow(deaths, { name: '张三', idNumber: typo(B, 12), deathDate: '2022-01-01' });
    const valid = parsedRow(deaths, { name: '王秀英', idNumber: B, deathDate: '2022-01-01' });
    // A second 王秀英 whose ID is also one digit from the roster's.
    const bad = typo(B, 12);
    // A valid ID one digit from `bad` other than B: a sequence digit changed, the check character kept.
    let twinId = '';
    for (let at = 14; at < 17 && !twinId; at++) {
      for (let d = 0; d <= 9 && !twinId; d++) {
        const cand = bad.slice(0, at) + String(d) + bad.slice(at + 1);
        if (cand !== B && idCheckChar(cand.slice(0, 17)) === cand[17]) twinId = cand;
      }
    }
    expect(twinId).not.toBe('');
    const namesakes = [...H1(), nat('H2', '王秀英', twinId, '户主')];
    const ds = withRosters({ deaths: [other, valid] });
    expect(ds.rosterLinks.size).toBe(0);
    expect(rosterIdOf(ds.rosterLinks, valid)).toBe(B);
    expect(rosterIdOf(ds.rosterLinks, other)).toBeNull();
    const dead = parsedRow(deaths, { name: '王秀英', idNumber: bad, deathDate: '2022-01-01' });
    const both = withRosters({ deaths: [dead] }, namesakes);
    const fits = [B, twinId].filter((id) => [...id].filter((ch, i) => ch !== bad[i]).length === 1);
    expect(fits).toHaveLength(2);
    expect(rosterIdOf(both.rosterLinks, dead)).toBeNull();
  });
});
