/** Rows the readers could not use (nothing identifying, national rows without 户编号): never lost silently. */
import { KIND_LABELS } from '../../model/kinds.js';
import type { FindingDraft, Rule } from '../types.js';
import { location } from '../util.js';

export const rejectedRow: Rule = {
  id: 'data-quality/rejected-row',
  category: 'data_quality',
  title: '无法使用的数据行',
  description: '读取时因缺少姓名、身份证号或户编号等关键信息而无法归户使用的行，逐行列出文件、工作表、行号和原因。',
  severity: 'medium',
  *check(ds) {
    // Rows alike in reason and content (a footer on every village sheet) are told apart by their order.
    const seen = new Map<string, number>();
    for (const r of ds.rejected) {
      const label = KIND_LABELS[r.kind];
      const place = `${r.loc.file}${r.loc.sheet ? `（工作表“${r.loc.sheet}”）` : ''}第${r.loc.row}行`;
      const content = r.text ? `，该行内容：${r.text}` : '';
      const same = `${r.reason}|${r.text || `${r.loc.file}#${r.loc.sheet ?? ''}`}`;
      const n = (seen.get(same) ?? 0) + 1;
      seen.set(same, n);
      const draft: FindingDraft = {
        township: null,
        village: null,
        householdId: null,
        personId: null,
        name: null,
        // The row's content and the reason identify it from month to month; file and row number do not.
        subject: n === 1 ? same : `${same}|${String(n)}`,
        severity: r.kind === 'national' ? 'high' : 'medium',
        field: null,
        values: { [r.kind]: r.text || null },
        correct: r.kind,
        message: `${label}数据 ${place}：${r.reason}${content}`,
        suggestion:
          r.kind === 'national'
            ? '核对该行对应的户，在国办系统中补全户编号后重新导出'
            : `补全${label}该行的姓名、身份证号等关键信息；确属无效的行请删除`,
        evidence: { 文件: r.loc.file, 工作表: r.loc.sheet, 行号: r.loc.row, 原因: r.reason },
        locations: [location(r.kind, r.loc)],
      };
      yield draft;
    }
  },
};
