/** 一户一档: one sheet per village, one row per member (DOMAIN §2.2). */
import type { Truth } from '../county.js';
import { formatDate, type DateStyle } from '../dates.js';
import { paddedName, villageVariant, yuan } from '../format.js';
import { nationalRelation } from '../relations.js';
import type { Rng } from '../rng.js';
import type { ArchiveSheet, ViewRow } from '../views.js';

export const ARCHIVE_COLUMNS = [
  '乡镇', '行政村', '户主姓名', '户主身份证号', '家庭人口', '成员姓名', '成员身份证号', '与户主关系', '性别', '出生日期',
  '贫困户属性', '致贫原因', '年人均纯收入', '脱贫年度', '住房情况', '帮扶责任人', '帮扶责任人电话',
] as const;

/** Columns holding the household's value: merged down over its rows in some sheets. */
export const ARCHIVE_HOUSEHOLD_COLUMNS: readonly string[] = [
  '乡镇', '行政村', '户主姓名', '户主身份证号', '家庭人口', '贫困户属性', '致贫原因', '年人均纯收入', '脱贫年度', '住房情况', '帮扶责任人', '帮扶责任人电话',
];

/** Lower-case x, the commonest typing variant of a final X. */
const typedX = (rng: Rng, id: string): string => (id.endsWith('X') && rng.chance(0.5) ? `${id.slice(0, 17)}x` : id);

export function archiveView(truth: Truth, rng: Rng): ArchiveSheet[] {
  const sheets: ArchiveSheet[] = [];
  const names = new Set<string>();
  const villages = truth.county.townships.flatMap((t) => t.villages);
  const duplicated = new Set(villages.filter((v, i) => villages.findIndex((w) => w.name === v.name) !== i).map((v) => v.name));
  for (const village of villages) {
    const households = truth.registered.filter((h) => h.village === village);
    if (households.length === 0) continue;
    let name = duplicated.has(village.name) ? `${village.township.name}${village.name}` : village.name;
    while (names.has(name)) name += '2';
    names.add(name);
    const villageText = villageVariant(village.name, rng.chance(0.3) ? 'committee' : 'plain');
    const yearSuffix = rng.chance(0.4) ? '年' : '';
    const rows: ViewRow[] = [];
    for (const h of households) {
      const headId = typedX(rng, h.head.id);
      for (const m of h.members) {
        const p = m.person;
        const style = rng.weighted<DateStyle>([['dots', 4], ['chinese', 3], ['iso', 2], ['slashes', 1]]);
        rows.push({
          householdId: h.code,
          personId: p.id,
          cells: {
            乡镇: village.township.name,
            行政村: villageText,
            户主姓名: h.head.name,
            户主身份证号: headId,
            家庭人口: h.members.length,
            成员姓名: rng.chance(0.08) ? paddedName(p.name) : p.name,
            成员身份证号: p === h.head ? headId : typedX(rng, p.id),
            与户主关系: nationalRelation(m.relation),
            性别: p.male ? '男' : '女',
            出生日期: formatDate(p.birth, style),
            贫困户属性: h.attribute,
            致贫原因: h.cause,
            年人均纯收入: yuan(h.incomeCents),
            脱贫年度: h.exitYear === null ? '' : `${h.exitYear}${yearSuffix}`,
            住房情况: h.housing,
            帮扶责任人: h.helper.name,
            帮扶责任人电话: h.helper.phone,
          },
        });
      }
    }
    sheets.push({ name, township: village.township.name, village: village.name, mergeHouseholdCells: rng.chance(0.5), rows });
  }
  return sheets;
}
