/** 国办系统 export: one row per registered person, household fields repeated (DOMAIN §2.1). */
import type { Truth } from '../county.js';
import { isoDate } from '../dates.js';
import { yuan } from '../format.js';
import { nationalRelation } from '../relations.js';
import type { ViewRow } from '../views.js';

export const NATIONAL_COLUMNS = [
  '县(市、区、旗)', '乡(镇)', '行政村', '自然村', '户编号', '人编号', '姓名', '证件号码', '人数', '与户主关系', '民族', '文化程度',
  '在校生状况', '健康状况', '劳动技能', '务工状况', '务工时间（月）', '参加大病医疗', '脱贫属性', '脱贫年度', '贫困户属性',
  '主要致贫原因', '危房户', '饮水安全', '人均纯收入', '联系电话', '首次识别时间', '是否参加城乡居民基本医疗保险', '帮扶责任人',
  '帮扶责任人电话',
] as const;

const yesNo = (b: boolean): string => (b ? '是' : '否');

export function nationalView(truth: Truth): ViewRow[] {
  const rows: ViewRow[] = [];
  for (const h of truth.registered) {
    h.members.forEach((m, i) => {
      rows.push({
        householdId: h.code,
        personId: m.person.id,
        cells: {
          '县(市、区、旗)': truth.county.name,
          '乡(镇)': h.village.township.name,
          行政村: h.village.name,
          自然村: h.hamlet,
          户编号: h.code,
          人编号: `${h.code}${String(i + 1).padStart(3, '0')}`,
          姓名: m.person.name,
          证件号码: m.person.id,
          人数: h.members.length,
          与户主关系: nationalRelation(m.relation),
          民族: m.person.ethnicity,
          文化程度: m.education,
          在校生状况: m.schooling,
          健康状况: m.health,
          劳动技能: m.labour,
          务工状况: m.work,
          '务工时间（月）': m.workMonths,
          参加大病医疗: yesNo(m.seriousIllnessInsurance),
          脱贫属性: h.status,
          脱贫年度: h.exitYear,
          贫困户属性: h.attribute,
          主要致贫原因: h.cause,
          危房户: yesNo(h.housing !== '安全'),
          饮水安全: yesNo(h.waterSafe),
          人均纯收入: yuan(h.incomeCents),
          联系电话: h.phone,
          首次识别时间: isoDate(h.firstIdentified),
          是否参加城乡居民基本医疗保险: yesNo(m.medicalInsurance),
          帮扶责任人: h.helper.name,
          帮扶责任人电话: h.helper.phone,
        },
      });
    });
  }
  return rows;
}
