/**
 * A hung notice board without a helper phone, where the survey records phones (another board of the same file
 * has one): the board must give a reachable number. A filled phone cell that is not a valid number is the
 * data-quality rule's (field-problem reports every unreadable cell; no finer "unreachable" distinction exists in
 * the data), and a number that differs from the handbook is mismatch/helper's.
 */
import type { Rule } from '../types.js';
import { at } from '../shared/display.js';
import { boardBase, boardOwner, everyBoard } from './boards.js';

export const boardPhone: Rule = {
  id: 'assistance/board-phone',
  category: 'assistance',
  title: '公示牌没有帮扶责任人电话',
  description:
    '已悬挂的公示牌上没有填写帮扶责任人电话（同一调查文件中其他公示牌填写了电话时才检查）。电话无法识别的由数据质量规则列出，与《一本通》不一致的由信息不吻合规则列出。每块公示牌列一条。',
  severity: 'medium',
  *check(ds) {
    const boards = everyBoard(ds);
    const files = new Set(boards.filter((b) => b.record.helperPhone).map((b) => b.record.loc.file));
    for (const b of boards) {
      const r = b.record;
      if (r.helperPhone || r.boardStatus === 'notHung' || !files.has(r.loc.file)) continue;
      const book = b.household?.oneBook?.rows.find((x) => x.helperPhone?.phone)?.helperPhone?.raw ?? null;
      yield {
        ...boardBase(b),
        field: 'helperPhone',
        values: { 'notice-board': '（空）', ...(book ? { 'one-book': book } : {}) },
        correct: 'notice-board',
        message: `${boardOwner(b)}的公示牌没有填写帮扶责任人电话${book ? `（《一本通》记录为 ${book}）` : ''}`,
        suggestion: `在公示牌上补充帮扶责任人电话${book ? '（以《一本通》为准）' : ''}，并确认电话能打通`,
        evidence: { 帮扶责任人: r.helperName },
        locations: [at('notice-board', r.loc, 'helperPhone')],
      };
    }
  },
};
