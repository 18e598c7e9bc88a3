import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY_FILE,
  PolicyError,
  describePolicy,
  incomePlausible,
  incomesDiffer,
  loadPolicy,
  nearThreshold,
  policySchema,
  thresholdFor,
  type Policy,
} from '../../src/model/policy.js';

let dir: string;
let policy: Policy;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jz-policy-'));
  policy = await loadPolicy();
});

async function userFile(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
  return file;
}

async function policyError(file: string): Promise<PolicyError> {
  const err: unknown = await loadPolicy(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PolicyError);
  return err as PolicyError;
}

/** Every object holding a number must also hold a non-empty `source` (directly or, for tables, beside `values`). */
function unsourcedNumbers(node: unknown, path: string): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const obj = node as Record<string, unknown>;
  const hasSource = typeof obj.source === 'string' && obj.source.trim() !== '';
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'number' && !hasSource) out.push(`${path}.${k}`);
    if (k === 'values' && hasSource) continue;
    out.push(...unsourcedNumbers(v, `${path}.${k}`));
  }
  return out;
}

describe('default policy', () => {
  it('loads the shipped file with the DOMAIN §4 values', () => {
    expect(policy.exitThresholds.values).toEqual({
      '2013': 2736,
      '2014': 2800,
      '2015': 2855,
      '2016': 2952,
      '2017': 3335,
      '2018': 3535,
      '2019': 3747,
      '2020': 4000,
    });
    expect(policy.monitoringThresholds.values['2021']).toBe(6000);
    expect(policy.warningMargin.value).toBe(0.1);
    expect(policy.ages.elderly.value).toBe(60);
    expect([policy.ages.school.min, policy.ages.school.max]).toEqual([6, 15]);
    expect([policy.ages.working.min, policy.ages.working.max]).toEqual([16, 60]);
    expect(policy.helperCap.value).toBe(10);
    expect([policy.incomeTolerance.absolute, policy.incomeTolerance.relative]).toEqual([100, 0.05]);
    expect(policy.registrationStart.value).toBe('2014-01-01');
    expect(policy.splitWindowDays.value).toBe(365);
    expect([policy.incomeRange.min, policy.incomeRange.max]).toEqual([0, 100000]);
  });

  it('gives every number a source note', async () => {
    const raw: unknown = JSON.parse(await readFile(DEFAULT_POLICY_FILE, 'utf8'));
    expect(policySchema.safeParse(raw).success).toBe(true);
    expect(unsourcedNumbers(raw, 'policy')).toEqual([]);
    // The note must say which values were verified and which were not.
    expect(policy.exitThresholds.source).toMatch(/已核实/);
    expect(policy.exitThresholds.source).toMatch(/未逐一核实/);
    expect(policy.monitoringThresholds.source).toMatch(/本地/);
  });

  it('rejects a number without its source', () => {
    const copy = structuredClone(policy) as unknown as { helperCap: Record<string, unknown> };
    delete copy.helperCap.source;
    expect(policySchema.safeParse(copy).success).toBe(false);
  });
});

describe('user policy files', () => {
  it('merges a partial file over the default', async () => {
    const file = await userFile('partial.json', {
      exitThresholds: { values: { '2017': 3300 } },
      monitoringThresholds: { values: { '2022': 6500 }, source: '某省2022年文件' },
      helperCap: { value: 5 },
    });
    const p = await loadPolicy(file);
    expect(p.exitThresholds.values['2017']).toBe(3300);
    expect(p.exitThresholds.values['2018']).toBe(3535);
    expect(p.exitThresholds.source).toBe(policy.exitThresholds.source);
    expect(p.monitoringThresholds.values).toEqual({ '2021': 6000, '2022': 6500 });
    expect(p.monitoringThresholds.source).toBe('某省2022年文件');
    expect(p.helperCap).toEqual({ value: 5, source: policy.helperCap.source });
    expect(p.ages).toEqual(policy.ages);
  });

  it('accepts a UTF-8 file with a byte-order mark', async () => {
    const file = await userFile('bom.json', '\uFEFF{"splitWindowDays": {"value": 730}}');
    expect((await loadPolicy(file)).splitWindowDays.value).toBe(730);
  });

  it('names the file and the key of a wrong value, in Chinese', async () => {
    const file = await userFile('x.json', { exitThresholds: { values: { '2017': '三千' } } });
    const err = await policyError(file);
    expect(err.message).toBe(`策略文件 ${file} 有误：exitThresholds.values.2017 应为数字`);
    expect(err.file).toBe(file);
  });

  it('reports misspelt keys, bad dates, reversed ranges and bad years', async () => {
    const cases: [unknown, string][] = [
      [{ helpercap: { value: 5 } }, 'helpercap 是未知的键'],
      [{ ages: { elderly: { value: 60, sorce: 'x' } } }, 'ages.elderly.sorce 是未知的键'],
      [{ registrationStart: { value: '2014-13-01' } }, 'registrationStart.value 不是有效日期'],
      [{ registrationStart: { value: '2014/01/01' } }, 'registrationStart.value 应为 YYYY-MM-DD 格式的日期'],
      [{ ages: { school: { min: 16, max: 6 } } }, 'ages.school 下限不能大于上限'],
      [{ helperCap: { value: 2.5 } }, 'helperCap.value 应为整数'],
      [{ warningMargin: { value: 1.5 } }, 'warningMargin.value 应不大于 1'],
      [{ exitThresholds: { values: { '17': 3335 } } }, 'exitThresholds.values.17 应为四位年份'],
      [{ helperCap: 10 }, 'helperCap 应为对象'],
    ];
    for (const [content, expected] of cases) {
      const err = await policyError(await userFile('case.json', content));
      expect(err.message).toContain(expected);
      expect(err.message.startsWith('策略文件 ')).toBe(true);
    }
  });

  it('reports broken JSON with its line, and a missing file', async () => {
    const broken = await policyError(await userFile('broken.json', '{\n  "helperCap": { "value": 5, }\n}'));
    expect(broken.message).toMatch(/^策略文件 .*broken\.json 不是有效的 JSON：第 2 行第 \d+ 列附近有语法错误$/);
    const missing = await policyError(join(dir, 'nope.json'));
    expect(missing.message).toBe(`策略文件 ${join(dir, 'nope.json')} 无法打开：文件不存在`);
    const notObject = await policyError(await userFile('array.json', '[1, 2]'));
    expect(notObject.message).toContain('最外层应为对象');
  });
});

describe('thresholdFor', () => {
  it('uses the exit table up to 2020 and the monitoring table after', () => {
    expect(thresholdFor(policy, 2012)).toBeNull();
    expect(thresholdFor(policy, 2013)).toMatchObject({ value: 2736, kind: 'exit', fromYear: 2013 });
    expect(thresholdFor(policy, 2017)).toMatchObject({ value: 3335, kind: 'exit', fromYear: 2017 });
    expect(thresholdFor(policy, 2020)).toMatchObject({ value: 4000, kind: 'exit', fromYear: 2020 });
    expect(thresholdFor(policy, 2021)).toMatchObject({ value: 6000, kind: 'monitoring', fromYear: 2021 });
    expect(thresholdFor(policy, 2024)).toMatchObject({ year: 2024, value: 6000, kind: 'monitoring', fromYear: 2021 });
    expect(thresholdFor(policy, 2017.5)).toBeNull();
  });

  it('carries a locally set year forward', async () => {
    const p = await loadPolicy(await userFile('mon.json', { monitoringThresholds: { values: { '2023': 7000 } } }));
    expect(thresholdFor(p, 2022)?.value).toBe(6000);
    expect(thresholdFor(p, 2023)?.value).toBe(7000);
    expect(thresholdFor(p, 2026)).toMatchObject({ value: 7000, fromYear: 2023 });
  });
});

describe('income helpers', () => {
  it('warns only within the margin above the threshold', () => {
    expect(nearThreshold(policy, 3334, 3335)).toBe(false);
    expect(nearThreshold(policy, 3335, 3335)).toBe(true);
    expect(nearThreshold(policy, 3668, 3335)).toBe(true);
    expect(nearThreshold(policy, 3669, 3335)).toBe(false);
  });

  it('calls incomes different only beyond both tolerances', () => {
    expect(incomesDiffer(policy, 3000, 3100)).toBe(false); // 100 元: not more than 100
    expect(incomesDiffer(policy, 3000, 3150)).toBe(false); // 150 元 but under 5 % of 3150
    expect(incomesDiffer(policy, 3000, 3200)).toBe(true); // 200 元 and 6.25 %
    expect(incomesDiffer(policy, 1000, 1090)).toBe(false); // 9 % but only 90 元
    expect(incomesDiffer(policy, 3200, 3000)).toBe(true);
  });

  it('keeps incomes in 0 < x ≤ 100000', () => {
    expect(incomePlausible(policy, 0)).toBe(false);
    expect(incomePlausible(policy, -1)).toBe(false);
    expect(incomePlausible(policy, 0.5)).toBe(true);
    expect(incomePlausible(policy, 100000)).toBe(true);
    expect(incomePlausible(policy, 100000.5)).toBe(false);
  });
});

describe('describePolicy', () => {
  it('lists every parameter in Chinese with its source', () => {
    const rows = describePolicy(policy);
    expect(rows.map((r) => r.label)).toEqual([
      '脱贫标准（元/人·年）',
      '防返贫监测标准（元/人·年）',
      '临界预警幅度',
      '老年人年龄',
      '义务教育年龄',
      '劳动年龄',
      '帮扶户数上限',
      '收入差异容差',
      '建档立卡起始日期',
      '分户核查时间窗',
      '人均纯收入合理范围',
    ]);
    for (const r of rows) expect(r.source.length).toBeGreaterThan(10);
    const exit = rows[0].value.split('\n');
    expect(exit).toHaveLength(8);
    expect(exit[0]).toBe('2013年：2736 元');
    expect(exit).toContain('2017年：3335 元');
    expect(rows.find((r) => r.label === '临界预警幅度')?.value).toContain('10%');
    expect(rows.find((r) => r.label === '收入差异容差')?.value).toBe('相差超过 100 元且超过 5% 才列为问题');
    expect(rows.find((r) => r.label === '义务教育年龄')?.value).toBe('6—15 周岁（含）');
  });
});
