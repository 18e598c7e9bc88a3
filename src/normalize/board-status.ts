import type { Cell } from '../io/types.js';
import { cellText } from './text.js';

/** 公示牌状态 (DOMAIN §2.5). */
export type BoardStatus = 'intact' | 'broken' | 'notHung';

export const BOARD_STATUS_LABELS: Record<BoardStatus, string> = { intact: '完好', broken: '破损', notHung: '未悬挂' };

export function parseBoardStatus(c: Cell | string | null | undefined): { value: BoardStatus | null; problem: string | null } {
  const text = cellText(c);
  if (!text) return { value: null, problem: null };
  // 无 / 有 only on their own: 完好无损 is intact.
  if (/未悬挂|未挂|没挂|没有悬挂|未张贴|缺失|丢失|^无$|^没有$/.test(text)) return { value: 'notHung', problem: null };
  if (/破损|损坏|模糊|褪色|脱落|残缺/.test(text)) return { value: 'broken', problem: null };
  if (/完好|正常|良好|已悬挂|^有$/.test(text)) return { value: 'intact', problem: null };
  return { value: null, problem: `无法识别的公示牌状态：${text}` };
}
