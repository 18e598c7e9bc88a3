/** A hand-built audit result for the report tests: several categories, IDs, and formula-looking values. */
import type { AuditResult } from '../../src/model/audit.js';
import { CATEGORIES, SEVERITIES, type Category, type Finding, type Severity } from '../../src/model/finding.js';
import type { Policy } from '../../src/model/policy.js';

export const ID = '360426199101010071';
export const HOUSEHOLD = '3607211002010012';
export const CHILD_ID = '110102199101010078';

const base = {
  township: '湖江镇',
  village: '夏府村',
  householdId: HOUSEHOLD,
  personId: null,
  name: '王大山',
  field: null,
  values: {},
  correct: null,
  suggestion: '入户核实后更正',
  evidence: {},
  locations: [],
} satisfies Partial<Finding>;

export const FINDINGS: Finding[] = [
  // Listed out of report order on purpose.
  {
    ...base,
    id: 'f-split',
    rule: 'split.elderly',
    ruleTitle: '规则split.elderly',
    category: 'split_household',
    severity: 'high',
    field: 'member',
    values: { hukou: '分户', national: '王大山' },
    message: '户主及配偶均为60岁以上老人，户籍于2015年分户，子女户未建档立卡',
    evidence: { 分户日期: '2015-03-02', 原户号: HOUSEHOLD, 子女姓名: '王小山', 子女身份证号: CHILD_ID, 子女户有车辆: true },
    locations: [{ kind: 'hukou', file: 'hukou.xls', sheet: null, row: 20 }],
  },
  {
    ...base,
    id: 'f-size',
    rule: 'mismatch.householdSize',
    ruleTitle: '规则mismatch.householdSize',
    category: 'mismatch',
    severity: 'medium',
    field: 'householdSize',
    values: { national: 4, hukou: 5, 'one-book': 4, 'notice-board': '=1+1' },
    correct: 'national',
    message: '家庭人口不一致：国办系统4人，户籍5人',
    suggestion: '以户籍为准更正国办系统家庭人口',
    locations: [
      { kind: 'national', file: 'national.xlsx', sheet: '明细', row: 5 },
      { kind: 'hukou', file: 'hukou.xls', sheet: null, row: 20, column: '户号' },
    ],
  },
  {
    ...base,
    id: 'f-name',
    rule: 'mismatch.name',
    ruleTitle: '规则mismatch.name',
    category: 'mismatch',
    severity: 'medium',
    personId: ID,
    name: '王晓明',
    field: 'name',
    values: { hukou: '王小明', national: '王晓明', 'household-file': ['王晓明', null] },
    correct: 'national',
    message: '姓名不一致',
    suggestion: '以户籍为准更正国办系统姓名',
    locations: [{ kind: 'national', file: 'national.xlsx', sheet: '明细', row: 6 }],
  },
  {
    ...base,
    id: 'f-id',
    rule: 'quality.idDamaged',
    ruleTitle: '规则quality.idDamaged',
    category: 'data_quality',
    severity: 'high',
    householdId: null,
    name: '李四',
    field: 'idNumber',
    values: { national: '3.60426E+17' },
    correct: 'national',
    message: '身份证号被 Excel 按数字保存，后三位已丢失',
    suggestion: '按户籍重新录入完整的18位身份证号',
    locations: [{ kind: 'national', file: 'national.xlsx', sheet: '明细', row: 12, column: '证件号码' }],
  },
  {
    ...base,
    id: 'f-exit',
    rule: 'exit.income',
    ruleTitle: '规则exit.income',
    category: 'wrong_exit',
    severity: 'high',
    field: 'income',
    values: { national: 3200, 'one-book': '-5' },
    message: '2017年脱贫，人均纯收入3200元低于当年标准3335元',
    evidence: { 脱贫年度: 2017, 脱贫标准: 3335, 备注: '@SUM(A1)' },
  },
  {
    ...base,
    id: 'f-near',
    rule: 'exit.nearThreshold',
    ruleTitle: '规则exit.nearThreshold',
    category: 'wrong_exit',
    severity: 'warning',
    village: '大坪村',
    householdId: '3607211002020001',
    name: '刘五',
    field: 'income',
    values: { national: 3400 },
    message: '人均纯收入略高于脱贫标准',
    // A control character XML cannot hold: the writer must drop it, not break the file.
    suggestion: '关注收入变化\u0007',
    evidence: { 脱贫年度: 2017, 脱贫标准: 3335 },
  },
  {
    ...base,
    id: 'f-helper',
    rule: 'assist.helperLoad',
    ruleTitle: '规则assist.helperLoad',
    category: 'assistance',
    severity: 'low',
    township: null,
    village: null,
    householdId: null,
    name: '赵帮扶',
    field: 'helperLoad',
    values: { 'one-book': 14, 'notice-board': '\t=1+1' },
    message: '帮扶责任人帮扶14户，超过上限10户',
    evidence: { 帮扶户数: 14, '=HYPERLINK("x")': '+1', 说明: ' @SUM(A1)' },
  },
  {
    ...base,
    id: 'f-dup',
    rule: 'duplicate.person',
    ruleTitle: '规则duplicate.person',
    category: 'duplicate',
    severity: 'high',
    township: '王母渡镇',
    village: '韩坊村',
    householdId: '3607211003010002',
    personId: CHILD_ID,
    name: '王小山',
    field: 'member',
    values: { national: ['3607211003010002', HOUSEHOLD] },
    correct: 'national',
    message: '同一人在两个贫困户中',
    suggestion: '核实后从其中一户删除',
  },
];

function count<K extends string>(keys: readonly K[], pick: (f: Finding) => K, findings: readonly Finding[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const f of findings) out[pick(f)] += 1;
  return out;
}

export function sampleResult(policy: Policy, findings: Finding[] = FINDINGS): AuditResult {
  const problems = findings.filter((f) => f.severity !== 'warning');
  const townships = [...new Set(findings.map((f) => f.township ?? '未注明乡镇'))];
  return {
    schemaVersion: 1,
    generatedBy: 'jingzhun 0.1.0',
    asOf: '2024-06-30',
    policy,
    inputs: [
      { file: 'national.xlsx', sheet: '明细', kind: 'national', format: 'xlsx', encoding: null, rows: 120, rejected: 1, error: null },
      { file: 'hukou.xls', sheet: null, kind: 'hukou', format: 'tsv', encoding: 'gb18030', rows: 3000, rejected: 0, error: null },
      { file: 'broken.xls', sheet: null, kind: null, format: null, encoding: null, rows: 0, rejected: 0, error: '文件 broken.xls 无法读取：不是有效的表格文件' },
    ],
    coverage: {
      national: { townships: ['湖江镇', '王母渡镇'], villages: ['湖江镇/夏府村', '湖江镇/大坪村', '王母渡镇/韩坊村'], households: 3 },
      hukou: { townships: ['湖江镇'], villages: ['湖江镇/夏府村'], households: 2 },
    },
    households: [
      { householdId: HOUSEHOLD, township: '湖江镇', village: '夏府村', headName: '王大山', sources: { national: true, 'household-file': true, 'one-book': false, hukou: true, 'notice-board': null } },
      { householdId: '3607211003010002', township: '王母渡镇', village: '韩坊村', headName: '王小山', sources: { national: true, 'household-file': null, 'one-book': null, hukou: null, 'notice-board': null } },
      { householdId: '3607211002020001', township: '湖江镇', village: '大坪村', headName: '刘五', sources: { national: true, 'household-file': true, 'one-book': true, hukou: false, 'notice-board': true } },
    ],
    summary: {
      households: 3,
      people: 11,
      findings: problems.length,
      warnings: findings.length - problems.length,
      byCategory: count<Category>(CATEGORIES, (f) => f.category, problems),
      bySeverity: count<Severity>(SEVERITIES, (f) => f.severity, findings),
      byTownship: Object.fromEntries(
        townships.map((t) => [t, count<Category>(CATEGORIES, (f) => f.category, problems.filter((f) => (f.township ?? '未注明乡镇') === t))]),
      ),
    },
    findings,
  };
}
