/**
 * Poverty-record value lists (DOMAIN §2.1): 贫困户属性 / 户类型, 脱贫属性 / 风险状态, 主要致贫原因,
 * 住房情况 / 危房等级, 健康状况, 在校生状况.
 */
import type {
  CauseResult,
  HealthResult,
  Housing,
  PovertyAttributeResult,
  PovertyBase,
  PovertyCause,
  PovertyStage,
  PovertyStatus,
  SchoolingResult,
  StatusResult,
  ValueResult,
} from './types.js';
import { type CellInput, compactText, cellText } from './text.js';

const BASES: [RegExp, PovertyBase][] = [
  [/^低保(特困供养|特困|五保)$/, 'lowIncomeExtreme'],
  [/^低保$/, 'lowIncome'],
  [/^(特困供养|特困|五保|五保供养)$/, 'extremePoor'],
  [/^一般$/, 'general'],
];

/** Monitoring-era household types that are monitored households (户类型 / 监测对象类型). */
const MONITORED = /^(监测户|监测对象|脱贫不稳定户|边缘易致贫户|突发严重困难户|边缘户|防返贫监测户)$/;

function base(prefix: string): PovertyBase | null | undefined {
  if (prefix === '') return null;
  for (const [re, b] of BASES) if (re.test(prefix)) return b;
  return undefined;
}

/**
 * 贫困户属性 (一般贫困户, 低保贫困户, 特困供养贫困户, 五保贫困户, 一般脱贫户, 低保脱贫户, 特困供养脱贫户,
 * 低保特困供养贫困户) and 户类型 (脱贫户, 监测户, 一般农户, 边缘易致贫户 …), split into base and stage.
 */
export function parsePovertyAttribute(c: CellInput): PovertyAttributeResult {
  const s = compactText(c);
  if (s === '') return { base: null, stage: null, problem: null };
  if (MONITORED.test(s)) return { base: null, stage: 'monitored', problem: null };
  if (/^(一般农户|农户|非贫困户|一般户)$/.test(s)) return { base: null, stage: 'ordinary', problem: null };
  const m = /^(.*?)(贫困户|贫困人口|脱贫户|脱贫人口|户)$/.exec(s);
  if (m) {
    const b = base(m[1]);
    const stage: PovertyStage | null = m[2].startsWith('贫困') ? 'poor' : m[2].startsWith('脱贫') ? 'exited' : null;
    // A bare base with 户 (低保户, 五保户) says nothing of the stage; a bare 贫困户 / 脱贫户 nothing of the base.
    if (b !== undefined && (b !== null || stage !== null)) return { base: b, stage, problem: null };
  }
  return { base: null, stage: null, problem: `无法识别的贫困户属性：${cellText(c)}` };
}

const STATUSES: [RegExp, PovertyStatus][] = [
  [/^(未脱贫|未脱贫户|贫困|贫困户)$/, 'notExited'],
  [/^已?脱贫\(?享受政策\)?$/, 'exitedWithPolicy'],
  [/^已?脱贫\(?不再?享受政策\)?$/, 'exitedNoPolicy'],
  [/^(已脱贫|脱贫|已脱贫户|脱贫户|已出列)$/, 'exited'],
  [/^(返贫|返贫户|已返贫)$/, 'returned'],
  [/^(风险已消除|已消除|消除)$/, 'riskEliminated'],
  [/^(风险未消除|未消除)$/, 'riskNotEliminated'],
];

/** 脱贫属性 / 脱贫状态 / 风险是否消除 texts, with half- or full-width brackets. */
export function parsePovertyStatus(c: CellInput): StatusResult {
  const s = compactText(c).replace(/[【\[]/g, '(').replace(/[】\]]/g, ')');
  if (s === '') return { status: null, problem: null };
  for (const [re, status] of STATUSES) if (re.test(s)) return { status, problem: null };
  return { status: null, problem: `无法识别的脱贫状态：${cellText(c)}` };
}

const CAUSES: [RegExp, PovertyCause][] = [
  [/^因病/, '因病'],
  [/^因残/, '因残'],
  [/^因学/, '因学'],
  [/^因灾/, '因灾'],
  [/^因婚/, '因婚'],
  [/^缺(乏)?(土地|耕地|地)$/, '缺土地'],
  [/^缺(乏)?(水|水源)$/, '缺水'],
  [/^缺(乏)?技术$/, '缺技术'],
  [/^缺(乏)?(劳力|劳动力)$/, '缺劳力'],
  [/^缺(乏)?(资金|发展资金)$/, '缺资金'],
  [/^交通(条件)?落后$/, '交通条件落后'],
  [/^(自身)?发展(动)?力不足$|^自身发展动力不足$|^内生动力不足$/, '自身发展动力不足'],
  [/^(其他|其它)$/, '其他'],
];

/** 主要致贫原因 to its short label (因病致贫 → 因病, 缺乏劳动力 → 缺劳力). With several, the first is kept. */
export function parsePovertyCause(c: CellInput): CauseResult {
  const s = compactText(c);
  if (s === '') return { cause: null, problem: null };
  const first = s.split(/[,，、;；/]/).find((p) => p !== '') ?? '';
  const text = first.replace(/(致贫|返贫|致贫原因)$/, '');
  for (const [re, cause] of CAUSES) if (re.test(text)) return { cause, problem: null };
  return { cause: null, problem: `无法识别的致贫原因：${cellText(c)}` };
}

/** 住房情况 / 危房等级: 安全 / 安全住房 / A级 / B级 → safe; C级危房 → C; D级危房 → D; 危房 → dangerous. */
export function parseHousing(c: CellInput): ValueResult<Housing> {
  const s = compactText(c).toUpperCase();
  if (s === '') return { value: null, problem: null };
  if (/^(安全|安全住房|住房安全|住房安全有保障|非危房|[AB]级?|[AB]级(住房|房屋)?|已改造|已改造安全)$/.test(s)) {
    return { value: 'safe', problem: null };
  }
  if (/^C级?(危房)?$/.test(s)) return { value: 'C', problem: null };
  if (/^D级?(危房)?$/.test(s)) return { value: 'D', problem: null };
  if (/^(危房|危房户|住房不安全|不安全)$/.test(s)) return { value: 'dangerous', problem: null };
  return { value: null, problem: `无法识别的住房情况：${cellText(c)}` };
}

const HEALTH_TOKENS: [RegExp, keyof HealthResult][] = [
  [/^健康$/, 'healthy'],
  [/^(长期)?慢性病$|^患有?长期慢性病$/, 'chronic'],
  [/^(患有|患)?(大病|重病|重大疾病)$/, 'seriousIllness'],
  [/^(残疾|残疾人|残)$/, 'disabled'],
];

/**
 * 健康状况, possibly combined (`长期慢性病,残疾`). Null when blank or when any part is not recognised
 * (the caller reports that). `healthy` only when 健康 is written and nothing else.
 */
export function parseHealth(c: CellInput): HealthResult | null {
  const tokens = compactText(c)
    .split(/[,，、;；/+]|和|及/)
    .filter((t) => t !== '');
  if (tokens.length === 0) return null;
  const r: HealthResult = { healthy: false, chronic: false, seriousIllness: false, disabled: false };
  for (const t of tokens) {
    const hit = HEALTH_TOKENS.find(([re]) => re.test(t));
    if (!hit) return null;
    r[hit[1]] = true;
  }
  if (r.healthy && (r.chronic || r.seriousIllness || r.disabled)) return null;
  return r;
}

const SCHOOL_LEVELS: [RegExp, string][] = [
  [/^(学前教育|学前|幼儿园|学龄前儿童)/, '学前教育'],
  [/^(小学|[一二三四五六]年级)/, '小学'],
  [/^(初中|初[一二三]|[七八九]年级)/, '初中'],
  [/^中职/, '中职'],
  [/^高职/, '高职'],
  [/^(高中|高[一二三])/, '高中'],
  [/^(大专及以上|大专|本科|大学|研究生|硕士|博士)/, '大专及以上'],
];

/** 在校生状况: 非在校生 → not in school; 学前教育 / 小学 / 七年级 / 高中一年级 / 中职 / 高职 / 大专及以上 → in school. */
export function parseSchooling(c: CellInput): SchoolingResult {
  const s = compactText(c);
  if (s === '') return { inSchool: null, level: null, problem: null };
  if (/^(非在校生|不在校|非在校|辍学|失学|未入学|已毕业|毕业)$/.test(s)) return { inSchool: false, level: null, problem: null };
  const stage = s.replace(/^在校生?[:：]?/, '');
  for (const [re, level] of SCHOOL_LEVELS) if (re.test(stage)) return { inSchool: true, level, problem: null };
  if (/^在校生?$/.test(s)) return { inSchool: true, level: null, problem: null };
  return { inSchool: null, level: null, problem: `无法识别的在校生状况：${cellText(c)}` };
}
