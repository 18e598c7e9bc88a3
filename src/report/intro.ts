/** The 说明 sheet: what the workbook is, how to read it, its inputs, source coverage and the policy in force. */
import type { AuditResult } from '../model/audit.js';
import { CATEGORY_LABELS, SUSPECTED_CATEGORIES } from '../model/finding.js';
import { KIND_LABELS, SOURCE_KINDS } from '../model/kinds.js';
import { describePolicy } from '../model/policy.js';
import { LINE_HEIGHT, STYLES, cellText, wrappedLines, type Out, type StyleName } from './cells.js';
import type { WorkbookWriter } from './table.js';

export interface IntroFacts {
  title: string;
  /** Set for a workbook of one township or village: its name. */
  unit: string | null;
  households: number;
  /** Null when not known for the unit. */
  people: number | null;
  findings: number;
}

type Line = { cells: Out[]; style: StyleName | StyleName[] };

// Column C is the wide one: input errors, covered townships and policy sources are wrapped there.
const WIDTHS = [30, 36, 60, 14, 8, 10, 8, 10];

function guide(): string[] {
  const suspected = SUSPECTED_CATEGORIES.map((c) => `“${CATEGORY_LABELS[c]}”`).join('、');
  return [
    '本工作簿列出国办系统、一户一档、《一本通》、户籍、公示牌及部门名单之间不吻合或不合规的情况，每行一个问题。',
    '“问题清单”列出全部问题，各来源的取值并列显示；标黄的单元格是应更正来源的取值（“入户核实”表示须实地核实，不是改某一来源）。',
    '各类别另有分表，附判断依据列；“数据质量”列出输入文件中的问题行；“来源覆盖”列出每个在册户在各来源中是否存在。',
    `${suspected}是供入户核实的线索，不是结论：请实地核实后再处理。`,
    '严重程度为“风险提示”的条目不算问题，仅提示关注（例如收入略高于标准）。',
    '问题编号每月比对保持不变，可用于台账销号：本月不再出现的问题即视为已整改。',
    '身份证号、户编号按文本保存，请勿改为数字格式（超过15位的数字会被 Excel 截断）。',
  ];
}

function lines(result: AuditResult, facts: IntroFacts): Line[] {
  const out: Line[] = [];
  const text = (s: string, style: StyleName = 'text'): void => {
    out.push({ cells: [s], style });
  };
  const blank = (): void => {
    out.push({ cells: [], style: 'text' });
  };
  const header = (cells: string[]): void => {
    out.push({ cells, style: 'header' });
  };
  text(facts.title, 'title');
  if (facts.unit !== null) text(`本工作簿只含 ${facts.unit} 的问题和在册户。`, 'bold');
  text(`比对基准日期：${result.asOf}`);
  text(`生成程序：${result.generatedBy}`);
  const people = facts.people === null ? '' : `，${String(facts.people)} 人`;
  text(`在册户：${String(facts.households)} 户${people}；问题及提示：${String(facts.findings)} 条`);
  blank();
  text('阅读说明', 'bold');
  guide().forEach((g, i) => {
    text(`${String(i + 1)}. ${g}`);
  });
  blank();
  text('输入文件', 'bold');
  header(['文件', '工作表', '错误', '来源类型', '格式', '编码', '行数', '拒收行数']);
  for (const input of result.inputs) {
    out.push({
      cells: [input.file, input.sheet, input.error, input.kind === null ? '未识别' : KIND_LABELS[input.kind], input.format, input.encoding, input.rows, input.rejected],
      style: ['wrap', 'wrap', 'wrap', 'text', 'text', 'text', 'number', 'number'],
    });
  }
  blank();
  text('来源覆盖范围（缺少某来源的记录只在其覆盖范围内才算问题）', 'bold');
  header(['来源', '户数', '覆盖乡镇', '乡镇数', '村数']);
  for (const kind of SOURCE_KINDS) {
    const c = result.coverage[kind];
    if (c === undefined) continue;
    out.push({
      cells: [KIND_LABELS[kind], c.households, c.townships.join('、'), c.townships.length, c.villages.length],
      style: ['text', 'number', 'wrap', 'number', 'number'],
    });
  }
  blank();
  text(`所用策略：${result.policy.name}`, 'bold');
  header(['参数', '取值', '来源说明']);
  for (const p of describePolicy(result.policy)) out.push({ cells: [p.label, p.value, p.source], style: ['text', 'wrap', 'wrap'] });
  return out;
}

export async function addIntroSheet(wb: WorkbookWriter, result: AuditResult, facts: IntroFacts): Promise<void> {
  const ws = wb.addSheet('说明', { widths: WIDTHS, page: { paperSize: 9, landscape: true, fitToWidth: 1, fitToHeight: 0 } });
  for (const line of lines(result, facts)) {
    const values = line.cells.map((v) => (typeof v === 'string' ? cellText(v) : v));
    let lines = 1;
    const styles = values.map((v, i) => {
      const style = Array.isArray(line.style) ? line.style[i] : line.style;
      if (style === 'wrap' || style === 'header') lines = Math.max(lines, wrappedLines(v, WIDTHS[i]));
      return v === null ? undefined : STYLES[style];
    });
    await ws.addRow(values, styles, lines > 1 ? lines * LINE_HEIGHT : undefined);
  }
  await ws.end();
}
