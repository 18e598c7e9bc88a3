/** 公示牌 survey: one row per registered household, no ID number (DOMAIN §2.5). */
import type { Truth } from '../county.js';
import { phoneText } from '../format.js';
import type { Rng } from '../rng.js';
import type { ViewRow } from '../views.js';

export const BOARD_COLUMNS = [
  '乡镇', '行政村', '户主姓名', '家庭人口', '贫困户属性', '致贫原因', '帮扶责任人', '帮扶单位', '帮扶责任人电话', '帮扶措施', '脱贫年度',
  '公示牌状态', '位置',
] as const;

export function boardView(truth: Truth, rng: Rng): ViewRow[] {
  return truth.registered.map((h) => ({
    householdId: h.code,
    personId: h.head.id,
    cells: {
      乡镇: h.village.township.name,
      行政村: h.village.name,
      户主姓名: h.head.name,
      家庭人口: String(h.members.length),
      贫困户属性: h.attribute,
      致贫原因: h.cause,
      帮扶责任人: h.helper.name,
      帮扶单位: h.helper.unit,
      帮扶责任人电话: phoneText(h.helper.phone, rng.chance(0.2) ? 'dashes' : 'plain'),
      帮扶措施: h.measures,
      脱贫年度: h.exitYear === null ? '' : String(h.exitYear),
      公示牌状态: h.board.state,
      位置: h.board.location,
    },
  }));
}
