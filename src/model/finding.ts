import { z } from 'zod';
import { SOURCE_KINDS } from './kinds.js';

/** Finding categories (DOMAIN §5). */
export const CATEGORIES = [
  'data_quality',
  'mismatch',
  'duplicate',
  'split_household',
  'wrong_exit',
  'wrong_inclusion',
  'omission',
  'assistance',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  data_quality: '数据质量问题',
  mismatch: '信息不吻合',
  duplicate: '人员重复',
  split_household: '疑似分户造贫',
  wrong_exit: '疑似错退',
  wrong_inclusion: '疑似错评',
  omission: '疑似漏评',
  assistance: '帮扶与公示问题',
};

/** Categories whose findings are leads for a field visit, not verdicts. */
export const SUSPECTED_CATEGORIES: readonly Category[] = ['split_household', 'wrong_exit', 'wrong_inclusion', 'omission'];

export const SEVERITIES = ['high', 'medium', 'low', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { high: '高', medium: '中', low: '低', warning: '风险提示' };

export const FIELDS = [
  'presence',
  'member',
  'householdSize',
  'head',
  'name',
  'idNumber',
  'relation',
  'gender',
  'birthDate',
  'povertyAttribute',
  'povertyStatus',
  'exitYear',
  'firstIdentified',
  'povertyCause',
  'income',
  'housing',
  'schooling',
  'insurance',
  'water',
  'helperName',
  'helperPhone',
  'helperLoad',
  'boardStatus',
  'phone',
  'village',
  'asset',
  'benefitAmount',
] as const;
export type Field = (typeof FIELDS)[number];

export const FIELD_LABELS: Record<Field, string> = {
  presence: '是否在册',
  member: '家庭成员',
  householdSize: '家庭人口',
  head: '户主',
  name: '姓名',
  idNumber: '身份证号',
  relation: '与户主关系',
  gender: '性别',
  birthDate: '出生日期',
  povertyAttribute: '贫困户属性',
  povertyStatus: '脱贫状态',
  exitYear: '脱贫年度',
  firstIdentified: '首次识别时间',
  povertyCause: '致贫原因',
  income: '人均纯收入',
  housing: '住房安全',
  schooling: '义务教育',
  insurance: '医疗保险',
  water: '饮水安全',
  helperName: '帮扶责任人',
  helperPhone: '帮扶责任人电话',
  helperLoad: '帮扶户数',
  boardStatus: '公示牌',
  phone: '联系电话',
  village: '村',
  asset: '资产',
  benefitAmount: '补贴金额',
};

const kindEnum = z.enum(SOURCE_KINDS);
/** A source's value as that source has it; an array where the source has several records. */
const sourceValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))]);

export const locationSchema = z.object({
  kind: kindEnum,
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable().optional(),
});
export type Location = z.infer<typeof locationSchema>;

export const evidenceValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const findingSchema = z.object({
  /** Fingerprint of rule + household or person + field + source: stable from month to month. */
  id: z.string(),
  rule: z.string(),
  /** The rule's Chinese title, for people reading the list. */
  ruleTitle: z.string(),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  township: z.string().nullable(),
  village: z.string().nullable(),
  /** National 户编号 where the household is registered. */
  householdId: z.string().nullable(),
  /** Normalised 18-character ID where a person is concerned. */
  personId: z.string().nullable(),
  /** Name of the person or head the finding is about, for people reading the list. */
  name: z.string().nullable(),
  field: z.enum(FIELDS).nullable(),
  /** kind → the value as that source has it. */
  values: z.partialRecord(kindEnum, sourceValue),
  /** The source kind to correct (null when the fix is a field visit, not a correction of a source). */
  correct: kindEnum.nullable(),
  message: z.string(),
  suggestion: z.string(),
  /** Named pieces of evidence (Chinese labels → values), shown as columns in the category sheets. */
  evidence: z.record(z.string(), evidenceValue),
  locations: z.array(locationSchema),
});
export type Finding = z.infer<typeof findingSchema>;
