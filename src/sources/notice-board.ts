import { defineSource } from './define.js';
import { f } from './fields.js';
import * as c from './common.js';

/** 公示牌 survey: one row per household, usually without ID numbers (DOMAIN §2.5). */
export const noticeBoard = defineSource({
  id: 'notice-board',
  kind: 'notice-board',
  role: 'board',
  label: '公示牌',
  nameHints: ['公示牌', '公示', '明白卡'],
  fields: {
    township: c.township,
    village: c.village,
    headName: c.headName,
    headId: c.headId,
    householdSize: c.householdSize,
    attribute: c.attribute,
    cause: c.cause,
    helperName: c.helperName,
    helperUnit: c.helperUnit,
    helperPhone: c.helperPhone,
    measures: f.text('帮扶措施', ['帮扶措施', '帮扶计划', '帮扶内容']),
    exitYear: c.exitYear,
    boardStatus: f.boardStatus('公示牌状态', ['公示牌状态', '公示牌情况', '公示牌', '是否悬挂']),
    position: f.text('位置', ['位置', '悬挂位置', '公示位置']),
  },
  required: ['headName'],
  distinguishing: ['boardStatus', 'position', 'measures'],
  identifying: ['headName'],
});
