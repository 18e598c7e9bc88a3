/**
 * A registered household with no helper cadre: no 帮扶责任人 in the national record, the handbook or the notice
 * board. Checked only where some source holding the household records helpers at all (some record of the same
 * file names one): a national export without a helper column says nothing about helpers.
 */
import { KIND_LABELS } from '../../model/kinds.js';
import type { Dataset } from '../../link/model.js';
import type { Rule } from '../types.js';
import { householdBase } from '../util.js';
import { at } from '../shared/display.js';
import { perDataset } from '../shared/per-dataset.js';
import { HELPER_ORDER, helperRows } from './helpers.js';

/** Files in which some national, handbook or board record names a helper. */
const filesWithHelpers = perDataset((ds: Dataset) => {
  const files = new Set<string>();
  const note = (rows: readonly { helperName: string | null; loc: { file: string } }[]) => {
    for (const r of rows) if (r.helperName) files.add(r.loc.file);
  };
  for (const h of ds.households) for (const k of HELPER_ORDER) note(helperRows(h, k));
  for (const g of ds.unattached.oneBook) note(g.rows);
  note(ds.unattached.boards);
  return files;
});

export const noHelper: Rule = {
  id: 'assistance/no-helper',
  category: 'assistance',
  title: '贫困户没有帮扶责任人',
  description:
    '在册户在国办系统、《一本通》、公示牌中都没有填写帮扶责任人。只在持有该户的来源文件记录了帮扶责任人（文件中有其他户填写）时检查。每户列一条。',
  severity: 'high',
  *check(ds) {
    const files = filesWithHelpers(ds);
    for (const h of ds.households) {
      // Some source names a helper (what `mentionsOf` would find): nothing to report.
      if (HELPER_ORDER.some((k) => helperRows(h, k).some((r) => r.helperName !== null && r.helperName !== undefined))) continue;
      const held = HELPER_ORDER.filter((k) => helperRows(h, k).length > 0);
      const checked = held.filter((k) => helperRows(h, k).some((r) => files.has(r.loc.file)));
      if (checked.length === 0) continue;
      const names = checked.map((k) => KIND_LABELS[k]).join('、');
      yield {
        ...householdBase(h),
        field: 'helperName',
        values: Object.fromEntries(checked.map((k) => [k, '（空）'])),
        correct: null,
        message: `${h.headName ?? ''}户（户编号 ${h.householdId}）在${names}中${checked.length > 1 ? '都' : ''}没有填写帮扶责任人`,
        suggestion: '为该户明确帮扶责任人，并在国办系统、《一本通》和公示牌上填写帮扶责任人姓名和电话',
        evidence: { 已核查来源: names },
        locations: checked.map((k) => at(k, helperRows(h, k)[0].loc, 'helperName')),
      };
    }
  },
};
