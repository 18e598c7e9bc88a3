/** 《一本通》: members sheet and the 收支流水 ledger (DOMAIN §2.3). */
import type { Truth } from '../county.js';
import { excelSerial } from '../dates.js';
import { moneyVariant, phoneText, typedId, type PhoneStyle } from '../format.js';
import { nationalRelation } from '../relations.js';
import type { Rng } from '../rng.js';
import type { ViewRow } from '../views.js';

export const ONE_BOOK_MEMBER_COLUMNS = [
  '乡镇', '行政村', '户主姓名', '户主身份证号', '家庭人口', '成员姓名', '成员身份证号', '与户主关系', '性别', '出生日期',
  '贫困户属性', '致贫原因', '脱贫年度', '住房情况', '帮扶责任人', '帮扶责任人单位', '帮扶责任人电话', '户主签字', '年人均纯收入',
] as const;

export const ONE_BOOK_LEDGER_COLUMNS = ['户主姓名', '户主身份证号', '年度', '项目类别', '项目名称', '金额', '发放日期', '签字'] as const;

const DATE_FORMATS = ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'yyyy/m/d'];

export function oneBookViews(truth: Truth, rng: Rng): { members: ViewRow[]; ledger: ViewRow[] } {
  const members: ViewRow[] = [];
  const ledger: ViewRow[] = [];
  for (const h of truth.registered) {
    const phoneStyle = rng.weighted<PhoneStyle>([['plain', 2], ['dashes', 2], ['spaces', 1]]);
    const income = moneyVariant(rng, h.incomeCents);
    const headId = typedId(rng, h.head.id, 0.08);
    const dateFormat = rng.pick(DATE_FORMATS);
    for (const m of h.members) {
      const p = m.person;
      members.push({
        householdId: h.code,
        personId: p.id,
        cells: {
          乡镇: h.village.township.name,
          行政村: h.village.name,
          户主姓名: h.head.name,
          户主身份证号: headId,
          家庭人口: h.members.length,
          成员姓名: p.name,
          成员身份证号: p === h.head ? headId : typedId(rng, p.id, 0.08),
          与户主关系: nationalRelation(m.relation),
          性别: p.male ? '男' : '女',
          出生日期: { num: excelSerial(p.birth), fmt: dateFormat },
          贫困户属性: h.attribute,
          致贫原因: h.cause,
          脱贫年度: h.exitYear,
          住房情况: h.housing,
          帮扶责任人: h.helper.name,
          帮扶责任人单位: h.helper.unit,
          帮扶责任人电话: phoneText(h.helper.phone, phoneStyle),
          户主签字: '是',
          年人均纯收入: income,
        },
      });
    }
    for (const line of h.ledger) {
      ledger.push({
        householdId: h.code,
        personId: h.head.id,
        cells: {
          户主姓名: h.head.name,
          户主身份证号: h.head.id,
          年度: line.year,
          项目类别: line.category,
          项目名称: line.item,
          金额: moneyVariant(rng, line.cents),
          发放日期: { num: excelSerial(line.date), fmt: 'yyyy-mm-dd' },
          签字: rng.chance(0.7) ? '是' : '√',
        },
      });
    }
  }
  return { members, ledger };
}
