/**
 * A hung notice board must give a reachable helper phone ("电话能通"): a phone that is not a valid number, or none
 * where the survey records phones (another board of the same file has one). A board without a helper at all is
 * assistance/no-helper's; a valid number that differs from the handbook is mismatch/helper's.
 */
import type { FindingDraft, Rule } from '../types.js';
import { at } from '../shared/display.js';
import { boardBase, boardOwner, everyBoard } from './boards.js';

export const boardPhone: Rule = {
  id: 'assistance/board-phone',
  category: 'assistance',
  title: '公示牌帮扶责任人电话缺失或无效',
  description:
    '已悬挂的公示牌上帮扶责任人电话不是有效号码，或没有填写电话（同一调查文件中其他公示牌填写了电话时才检查）。没有帮扶责任人的由“无帮扶责任人”规则列出，与《一本通》不一致的由信息不吻合规则列出。每块公示牌列一条。',
  severity: 'medium',
  *check(ds): Generator<FindingDraft> {
    const boards = everyBoard(ds);
    const files = new Set(boards.filter((b) => b.record.helperPhone).map((b) => b.record.loc.file));
    for (const b of boards) {
      const r = b.record;
      if (r.boardStatus === 'notHung' || !r.helperName) continue;
      const book = b.household?.oneBook?.rows.find((x) => x.helperPhone?.phone)?.helperPhone?.raw ?? null;
      if (r.helperPhone) {
        if (r.helperPhone.phone) continue;
        yield {
          ...boardBase(b),
          field: 'helperPhone',
          values: { 'notice-board': r.helperPhone.raw, ...(book ? { 'one-book': book } : {}) },
          correct: 'notice-board',
          message: `${boardOwner(b)}的公示牌上帮扶责任人电话“${r.helperPhone.raw}”不是有效的电话号码${book ? `（《一本通》记录为 ${book}）` : ''}，群众无法打通`,
          suggestion: `更正公示牌上的帮扶责任人电话${book ? '（以《一本通》为准）' : ''}，并确认电话能打通`,
          evidence: { 帮扶责任人: r.helperName, 问题: r.helperPhone.problem },
          locations: [at('notice-board', r.loc, 'helperPhone')],
        };
        continue;
      }
      if (!files.has(r.loc.file)) continue;
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
