import type { Cell } from '../io/types.js';
import { cellText } from './text.js';

/** 人员状态 of the hukou system (DOMAIN §2.4). */
export type PersonStatus = 'normal' | 'dead' | 'movedOut' | 'military' | 'abroad' | 'missing' | 'cancelled' | 'other';

const BY_CODE: Record<string, PersonStatus> = {
  '0': 'normal',
  '1': 'dead',
  '2': 'movedOut',
  '3': 'military',
  '4': 'abroad',
  '6': 'missing',
  '8': 'cancelled',
  '9': 'other',
};

const BY_TEXT: [RegExp, PersonStatus][] = [
  [/^(正常|在册|现住|常住)/, 'normal'],
  [/死亡/, 'dead'],
  [/迁出|迁移/, 'movedOut'],
  [/兵役|服役/, 'military'],
  [/出国|境外|国境/, 'abroad'],
  [/失踪/, 'missing'],
  [/注销/, 'cancelled'],
  [/其它|其他/, 'other'],
];

export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = {
  normal: '正常',
  dead: '死亡',
  movedOut: '迁出',
  military: '服兵役',
  abroad: '出国境定居',
  missing: '失踪',
  cancelled: '注销',
  other: '其它',
};

export function parsePersonStatus(c: Cell | string | null | undefined): { value: PersonStatus | null; problem: string | null } {
  const text = cellText(c);
  if (!text) return { value: null, problem: null };
  const code = text.replace(/^0+(?=\d)/, '');
  if (BY_CODE[code]) return { value: BY_CODE[code], problem: null };
  for (const [re, status] of BY_TEXT) if (re.test(text)) return { value: status, problem: null };
  return { value: null, problem: `无法识别的人员状态：${text}` };
}
