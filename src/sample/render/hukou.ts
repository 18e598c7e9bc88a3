/** 户籍 export: every resident, poor or not; GB/T 4761 relation codes and 人员状态 codes (DOMAIN §2.4). */
import type { Truth } from '../county.js';
import { isoDate } from '../dates.js';
import type { County, HukouHousehold, Person } from '../model.js';
import { address } from '../places.js';
import { gbt4761 } from '../relations.js';
import type { ViewRow } from '../views.js';

export const HUKOU_COLUMNS = [
  '户号', '姓名', '公民身份号码', '与户主关系', '性别', '民族', '出生日期', '住址', '乡镇(街道)', '居(村)委会', '人员状态',
  '立户日期', '变动类型', '变动日期', '原户号', '父亲公民身份号码', '母亲公民身份号码', '配偶公民身份号码',
] as const;

const STATUS_CODE: Record<Person['status'], string> = { normal: '0', dead: '1', movedOut: '2' };

/** The person's last registered change: death, moving out, the household split, or moving in by marriage. */
function change(h: HukouHousehold, p: Person): { type: string; date: string; from: string } {
  if (p.status === 'dead' && p.statusDate !== null) return { type: '死亡注销', date: isoDate(p.statusDate), from: '' };
  if (p.status === 'movedOut' && p.statusDate !== null) return { type: '迁出', date: isoDate(p.statusDate), from: '' };
  if (h.split && p.birth < h.split.date && (p.movedIn === null || p.movedIn < h.split.date)) {
    return { type: '分户', date: isoDate(h.split.date), from: h.split.from };
  }
  if (p.movedIn !== null) return { type: '迁入', date: isoDate(p.movedIn), from: '' };
  return { type: '', date: '', from: '' };
}

export function hukouRows(county: County, h: HukouHousehold, registeredCode: (p: Person) => string | null): ViewRow[] {
  const place = address(county, h.village, h.hamlet, h.houseNumber);
  return h.members.map((p) => {
    const c = change(h, p);
    return {
      householdId: registeredCode(p),
      personId: p.id,
      cells: {
        户号: h.no,
        姓名: p.name,
        公民身份号码: p.id,
        与户主关系: gbt4761(p),
        性别: p.male ? '男' : '女',
        民族: p.ethnicity,
        出生日期: isoDate(p.birth),
        住址: place,
        '乡镇(街道)': h.village.township.name,
        '居(村)委会': `${h.village.name}委会`,
        人员状态: STATUS_CODE[p.status],
        立户日期: isoDate(h.created),
        变动类型: c.type,
        变动日期: c.date,
        原户号: c.from,
        父亲公民身份号码: p.fatherId,
        母亲公民身份号码: p.motherId,
        配偶公民身份号码: p.spouseId,
      },
    };
  });
}

/** Rows of the in-memory households, by 户号, for the plants step to work on. */
export function hukouView(truth: Truth): Map<string, ViewRow[]> {
  const codeOf = new Map<string, string>();
  for (const h of truth.registered) for (const m of h.members) codeOf.set(m.person.id, h.code);
  const view = new Map<string, ViewRow[]>();
  for (const h of truth.inMemory) view.set(h.no, hukouRows(truth.county, h, (p) => codeOf.get(p.id) ?? null));
  return view;
}
