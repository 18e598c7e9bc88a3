/**
 * A prefecture audited county by county (src/audit/by-county.ts) gives what one audit of every file gives:
 * five small counties of the prefecture generator, two pairs joined by planted rows (a registered person of
 * one county on another's death roster; a registered person's hukou row moved to another county's hukou file),
 * audited both ways in this process.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countiesOf, joinedCounties, runByCounty, CountyLayoutError } from '../../src/audit/by-county.js';
import { IdCodes, type CountyKeys } from '../../src/audit/county-keys.js';
import { runAudit } from '../../src/audit/run.js';
import { collectFiles } from '../../src/cli/files.js';
import type { AuditResult } from '../../src/model/audit.js';
import { loadPolicy } from '../../src/model/policy.js';
import { PREFECTURE_COUNTIES, generateSample } from '../../src/sample/index.js';
import { readSheets } from '../../src/sources/read.js';
import type { NationalRecord } from '../../src/sources/index.js';

const AS_OF = '2026-11-27';
const COUNTIES = PREFECTURE_COUNTIES.slice(0, 5);

/** Registered people of a county's national export: name and valid ID. */
async function registered(dir: string): Promise<{ name: string; id: string }[]> {
  const out: { name: string; id: string }[] = [];
  for await (const s of readSheets(join(dir, '国办系统导出.xlsx'))) {
    for await (const row of s.records()) {
      const r = row.record as unknown as NationalRecord | null;
      if (r?.name && r.idNumber?.id) out.push({ name: r.name, id: r.idNumber.id });
    }
  }
  return out;
}

let root: string;
let one: AuditResult;
let byCounty: Awaited<ReturnType<typeof runByCounty>>;
let dead: { name: string; id: string };
let moved: { name: string; id: string };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jz-by-county-'));
  for (const [i, c] of COUNTIES.entries()) {
    await generateSample({ out: join(root, c.name), seed: 11 + i, households: 25, hukouPeople: 500, asOf: AS_OF, county: { code: c.code, name: c.name } });
  }
  const [a, b, c, d] = COUNTIES.map((x) => join(root, x.name));
  // A registered person of county a on county b's death roster.
  dead = (await registered(a))[3];
  await appendFile(join(b, '死亡人员.csv'), `${dead.name},${dead.id},2026-03-01\r\n`, 'utf8');
  // A registered person of county c whose hukou row has moved to county d's file.
  const hukouC = iconv.decode(await readFile(join(c, '户籍.xls')), 'gb18030').split('\r\n');
  const people = await registered(c);
  moved = people.find((p) => hukouC.some((l) => l.includes(`'${p.id}`))) ?? people[0];
  const line = hukouC.find((l) => l.includes(`'${moved.id}`)) as string;
  await writeFile(join(c, '户籍.xls'), iconv.encode(hukouC.filter((l) => l !== line).join('\r\n'), 'gb18030'));
  const hukouD = iconv.decode(await readFile(join(d, '户籍.xls')), 'gb18030');
  await writeFile(join(d, '户籍.xls'), iconv.encode(`${hukouD.replace(/(\r\n)?$/, '\r\n')}${line}\r\n`, 'gb18030'));

  const files = (await collectFiles([root])).files;
  const policy = await loadPolicy();
  one = (await runAudit({ inputs: files.map((file) => ({ file })), explicit: new Set(), policy, asOf: AS_OF })).result;
  byCounty = await runByCounty({ counties: countiesOf(root, files), policy, asOf: AS_OF, jobs: 2 });
}, 240_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('audit by county', () => {
  it('joins exactly the counties the planted rows join, and says why', () => {
    // Counties go in the order of their folders' names.
    const byName = (x: string, y: string) => (x < y ? -1 : 1);
    const pair = (i: number, j: number) => [COUNTIES[i].name, COUNTIES[j].name].sort(byName);
    expect(byCounty.joined.map((j) => j.counties)).toEqual([pair(0, 1), pair(2, 3)].sort((g, h) => byName(g[0], h[0])));
    for (const j of byCounty.joined) expect(j.because).toContain('身份证号');
    // Five own audits, then the two pairs together.
    expect(byCounty.runs).toHaveLength(7);
    expect(byCounty.withoutNational).toEqual([]);
  });

  it('gives the findings, summary, households and inputs of one audit of every file', () => {
    expect(byCounty.result.findings).toEqual(one.findings);
    expect(byCounty.result.summary).toEqual(one.summary);
    expect(byCounty.result.households).toEqual(one.households);
    expect(byCounty.result.inputs).toEqual(one.inputs);
    for (const [kind, c] of Object.entries(one.coverage)) {
      expect(byCounty.result.coverage[kind as keyof typeof one.coverage]?.townships).toEqual(c?.townships);
      expect(byCounty.result.coverage[kind as keyof typeof one.coverage]?.households).toEqual(c?.households);
    }
  });

  it('finds the registered person on the other county’s death roster, and the moved one in hukou (only joined audits can)', () => {
    const about = byCounty.result.findings.filter((f) => f.personId === dead.id && f.rule === 'mismatch/member-deceased');
    expect(about.length).toBeGreaterThan(0);
    expect(byCounty.result.findings.filter((f) => f.personId === moved.id && f.rule === 'mismatch/member-absent')).toEqual([]);
  });
});

describe('joinedCounties', () => {
  const codes = (ids: string[]) => {
    const c = new IdCodes();
    for (const id of ids) c.addText(id);
    return c.done();
  };
  const keys = (reach: string[], held: string[], households: string[] = [], villages: string[] = []): CountyKeys => ({
    reach: codes(reach),
    held: codes(held),
    households,
    villages,
  });
  const P = '36070219800101001X';
  const Q = '360703198001010028';
  const R = '360704198001010036';

  it('joins a county reaching for an ID another holds, transitively; an ID held twice but sought by none joins nothing', () => {
    const groups = joinedCounties(['a', 'b', 'c', 'd'], [keys([P], [P]), keys([Q], [P, Q]), keys([], [Q, R]), keys([], [R])]);
    expect(groups.map((g) => g.members)).toEqual([[0, 1, 2]]);
    expect(groups[0].because).toContain('a 在册或相关人员的身份证号出现在 b 的数据中');
  });

  it('joins on a 户编号 or a village in two counties; a county alone and counties without keys stay apart', () => {
    const groups = joinedCounties(['a', 'b', 'c', 'd'], [keys([P], [P], ['3607020001']), null, keys([Q], [Q], ['3607020001'], ['甲镇/乙村']), keys([R], [R], [], ['甲镇/乙村'])]);
    expect(groups.map((g) => g.members)).toEqual([[0, 2, 3]]);
    expect(groups[0].because).toContain('户编号「3607020001」');
    expect(groups[0].because).toContain('村「甲镇/乙村」');
  });
});

describe('countiesOf', () => {
  it('takes each subfolder as a county, in the files’ order', () => {
    const counties = countiesOf('/d', ['/d/甲县/a.xlsx', '/d/甲县/sub/b.csv', '/d/乙县/c.xlsx']);
    expect(counties).toEqual([
      { name: '甲县', files: ['/d/甲县/a.xlsx', '/d/甲县/sub/b.csv'] },
      { name: '乙县', files: ['/d/乙县/c.xlsx'] },
    ]);
  });

  it('refuses files directly in the data folder, in Chinese', () => {
    expect(() => countiesOf('/d', ['/d/甲县/a.xlsx', '/d/b.xlsx'])).toThrow(CountyLayoutError);
    expect(() => countiesOf('/d', ['/d/b.xlsx'])).toThrow(/不能直接放文件：\/d\/b\.xlsx/);
  });
});
