/**
 * Policy parameters (DOMAIN §4): thresholds, ages, tolerances. Every number carries a `source` note saying
 * where it came from and whether it was verified. The shipped default is `policy/default.json`; a user file
 * holds only what it changes and is merged over the default.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const source = z.string().min(1, { error: '应填写数值来源说明' });
const year = z.string().regex(/^(19|20)\d{2}$/, { error: '应为四位年份' });
const money = z.number().positive({ error: '应为大于0的数字' });
const age = z.number().int({ error: '应为整数' }).min(0).max(120);

const yearTable = z.strictObject({
  /** Year → 元 per person and year. */
  values: z.record(year, money),
  source,
});

const ageRange = z
  .strictObject({ min: age, max: age, source })
  .refine((r) => r.min <= r.max, { error: '下限不能大于上限' });

export const policySchema = z.strictObject({
  /** Shown in the report as the policy in force. */
  name: z.string().min(1),
  /** Exit thresholds by year (≤ 2020): an exited household's per-capita income below the year's value is suspect. */
  exitThresholds: yearTable,
  /** 防返贫 monitoring thresholds by year (2021+), set by each province: configure locally. */
  monitoringThresholds: yearTable,
  /** Income above the threshold by at most this share of it is a risk warning, not a finding. */
  warningMargin: z.strictObject({ value: z.number().min(0).max(1), source }),
  ages: z.strictObject({
    /** Elderly from this age (inclusive). */
    elderly: z.strictObject({ value: age, source }),
    /** Compulsory-education age, both ends inclusive. */
    school: ageRange,
    /** Working age, both ends inclusive. */
    working: ageRange,
  }),
  /** Most households one helper cadre may have. */
  helperCap: z.strictObject({ value: z.number().int({ error: '应为整数' }).min(1), source }),
  /** Incomes differ only when the difference exceeds BOTH the absolute (元) and the relative tolerance. */
  incomeTolerance: z.strictObject({ absolute: z.number().min(0), relative: z.number().min(0).max(1), source }),
  /** Start of registration (建档立卡): splits on or after this date are suspect. */
  registrationStart: z.strictObject({
    value: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '应为 YYYY-MM-DD 格式的日期' })
      .refine(isRealDate, { error: '不是有效日期' }),
    source,
  }),
  /** Splits within this many days before 首次识别时间 are suspect too. */
  splitWindowDays: z.strictObject({ value: z.number().int({ error: '应为整数' }).min(0), source }),
  /** Plausible per-capita income: min < x ≤ max (元). */
  incomeRange: z
    .strictObject({ min: z.number().min(0), max: money, source })
    .refine((r) => r.min < r.max, { error: '下限应小于上限' }),
});
export type Policy = z.infer<typeof policySchema>;

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A policy file that cannot be used. The message is Chinese and names the file and the bad key. */
export class PolicyError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'PolicyError';
  }
}

/** The shipped default, found relative to this module: src/model/ and dist/model/ are both two levels deep. */
export const DEFAULT_POLICY_FILE = fileURLToPath(new URL('../../policy/default.json', import.meta.url));

/** Loads the default policy, or a user file merged over it (deep merge), and validates the result. */
export async function loadPolicy(file?: string): Promise<Policy> {
  const base = await readJson(DEFAULT_POLICY_FILE);
  const merged = file === undefined ? base : deepMerge(base, await readJson(file));
  const shown = file ?? DEFAULT_POLICY_FILE;
  const parsed = policySchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 5).map(issueText);
    const more = parsed.error.issues.length > 5 ? `；另有 ${parsed.error.issues.length - 5} 处` : '';
    throw new PolicyError(shown, `策略文件 ${shown} 有误：${details.join('；')}${more}`);
  }
  return parsed.data;
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : '无法读取';
    throw new PolicyError(file, `策略文件 ${file} 无法打开：${why}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new PolicyError(file, `策略文件 ${file} 不是有效的 JSON：${jsonErrorText(text, err)}`);
  }
  if (!isPlainObject(value)) {
    throw new PolicyError(file, `策略文件 ${file} 有误：最外层应为对象（{ … }）`);
  }
  return value;
}

function jsonErrorText(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : '';
  const at = /position (\d{1,9})/.exec(msg);
  if (!at) return /end of JSON input/.test(msg) ? '内容不完整' : '语法错误';
  const lines = text.replace(/^\uFEFF/, '').slice(0, parseDecimal(at[1])).split('\n');
  return `第 ${lines.length} 行第 ${lines[lines.length - 1].length + 1} 列附近有语法错误`;
}

/** Decimal digits → number, for error positions only (never for IDs). */
function parseDecimal(digits: string): number {
  let n = 0;
  for (const c of digits) n = n * 10 + (c.charCodeAt(0) - 48);
  return n;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? deepMerge(b, v) : v;
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文本',
  object: '对象（{ … }）',
  boolean: '是/否（true 或 false）',
  array: '数组',
};

function issueText(issue: z.core.$ZodIssue): string {
  const key = issue.path.map(String).join('.');
  const at = key === '' ? '' : `${key} `;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `缺少 ${key}`;
      return `${at}应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return `${at}应${issue.inclusive === false ? '大于' : '不小于'} ${String(issue.minimum)}`;
    case 'too_big':
      return `${at}应${issue.inclusive === false ? '小于' : '不大于'} ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `${issue.keys.map((k) => (key === '' ? k : `${key}.${k}`)).join('、')} 是未知的键（请检查拼写）`;
    case 'invalid_key':
      return `${at}${issue.issues.map((i) => i.message).join('，')}`;
    case 'invalid_format':
    case 'custom':
      return `${at}${issue.message}`;
    default:
      return `${at}取值无效`;
  }
}

/** The income threshold that applies to a year. */
export interface Threshold {
  year: number;
  /** 元 per person and year. */
  value: number;
  kind: 'exit' | 'monitoring';
  /** The table year whose value is used: the latest configured year not after `year`. */
  fromYear: number;
  source: string;
}

const EARLIEST_YEAR = 1900;

/**
 * Threshold for a year: the exit table up to 2020, the monitoring table from 2021; a year missing from the
 * tables uses the latest earlier configured year (exit table first on the same year). Null before any table year.
 */
export function thresholdFor(policy: Policy, year: number): Threshold | null {
  if (!Number.isInteger(year)) return null;
  for (let y = year; y >= EARLIEST_YEAR; y--) {
    const key = String(y);
    const exit = policy.exitThresholds.values[key];
    if (exit !== undefined) return { year, value: exit, kind: 'exit', fromYear: y, source: policy.exitThresholds.source };
    const mon = policy.monitoringThresholds.values[key];
    if (mon !== undefined) {
      return { year, value: mon, kind: 'monitoring', fromYear: y, source: policy.monitoringThresholds.source };
    }
  }
  return null;
}

/** True when income is above the threshold by no more than the warning margin (a risk warning, not a finding). */
export function nearThreshold(policy: Policy, income: number, threshold: number): boolean {
  return income >= threshold && income <= threshold * (1 + policy.warningMargin.value);
}

/** True when two incomes differ by more than both the absolute and the relative tolerance. */
export function incomesDiffer(policy: Policy, a: number, b: number): boolean {
  const diff = Math.abs(a - b);
  const larger = Math.max(Math.abs(a), Math.abs(b));
  return diff > policy.incomeTolerance.absolute && diff > larger * policy.incomeTolerance.relative;
}

/** True when a per-capita income lies in the plausible range (min < x ≤ max). */
export function incomePlausible(policy: Policy, income: number): boolean {
  return income > policy.incomeRange.min && income <= policy.incomeRange.max;
}

export interface PolicyRow {
  label: string;
  value: string;
  source: string;
}

const percent = (x: number): string => `${String(Math.round(x * 10000) / 100)}%`;

/** The policy as rows of Chinese text, for the report's 说明 sheet. */
export function describePolicy(policy: Policy): PolicyRow[] {
  const rows: PolicyRow[] = [];
  const table = (label: string, t: Policy['exitThresholds']): void => {
    const years = Object.keys(t.values).sort();
    const value = years.map((y) => `${y}年：${String(t.values[y])} 元`).join('\n');
    rows.push({ label: `${label}（元/人·年）`, value: value === '' ? '未设定' : value, source: t.source });
  };
  table('脱贫标准', policy.exitThresholds);
  table('防返贫监测标准', policy.monitoringThresholds);
  const { ages } = policy;
  rows.push(
    {
      label: '临界预警幅度',
      value: `收入高于标准不超过 ${percent(policy.warningMargin.value)} 时只作风险提示`,
      source: policy.warningMargin.source,
    },
    { label: '老年人年龄', value: `${String(ages.elderly.value)} 周岁及以上`, source: ages.elderly.source },
    { label: '义务教育年龄', value: `${String(ages.school.min)}—${String(ages.school.max)} 周岁（含）`, source: ages.school.source },
    { label: '劳动年龄', value: `${String(ages.working.min)}—${String(ages.working.max)} 周岁（含）`, source: ages.working.source },
    { label: '帮扶户数上限', value: `每名帮扶责任人不超过 ${String(policy.helperCap.value)} 户`, source: policy.helperCap.source },
    {
      label: '收入差异容差',
      value: `相差超过 ${String(policy.incomeTolerance.absolute)} 元且超过 ${percent(policy.incomeTolerance.relative)} 才列为问题`,
      source: policy.incomeTolerance.source,
    },
    { label: '建档立卡起始日期', value: policy.registrationStart.value, source: policy.registrationStart.source },
    {
      label: '分户核查时间窗',
      value: `首次识别时间前 ${String(policy.splitWindowDays.value)} 天内`,
      source: policy.splitWindowDays.source,
    },
    {
      label: '人均纯收入合理范围',
      value: `大于 ${String(policy.incomeRange.min)} 元且不超过 ${String(policy.incomeRange.max)} 元`,
      source: policy.incomeRange.source,
    },
  );
  return rows;
}
