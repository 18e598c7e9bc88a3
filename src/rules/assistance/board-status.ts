/** A notice board the survey found broken (破损) or not hung (未悬挂): "户外可见、信息准确、电话能通". One finding per board. */
import { BOARD_STATUS_LABELS } from '../../normalize/board-status.js';
import type { Rule } from '../types.js';
import { at } from '../shared/display.js';
import { boardBase, boardOwner, everyBoard } from './boards.js';

export const boardStatus: Rule = {
  id: 'assistance/board-status',
  category: 'assistance',
  title: '公示牌破损或未悬挂',
  description: '公示牌调查中“公示牌状态”为破损或未悬挂的户（含未对应到在册户的公示牌）。未悬挂为高，破损为中。在册户完全没有公示牌记录的，由“在册户在其他来源中缺失”规则列出。',
  severity: 'medium',
  *check(ds) {
    for (const b of everyBoard(ds)) {
      const status = b.record.boardStatus;
      if (status !== 'broken' && status !== 'notHung') continue;
      const text = BOARD_STATUS_LABELS[status];
      const where = b.record.position ? `（位置：${b.record.position}）` : '';
      yield {
        ...boardBase(b),
        severity: status === 'notHung' ? 'high' : undefined,
        field: 'boardStatus',
        values: { 'notice-board': text },
        correct: 'notice-board',
        message: `${boardOwner(b)}的公示牌${text}${where}，不符合“户外可见、信息准确、电话能通”的要求`,
        suggestion:
          status === 'notHung'
            ? '制作并悬挂公示牌（门口或村委会公示栏），内容以国办系统和《一本通》为准'
            : '更换或修复公示牌，确保户外可见、信息准确、电话能通',
        evidence: { 公示牌状态: text, 位置: b.record.position },
        locations: [at('notice-board', b.record.loc, 'boardStatus')],
      };
    }
  },
};
