import { describe, expect, it } from 'vitest';
import { detect } from '../../src/sources/detect.js';
import { matchColumns } from '../../src/sources/match.js';
import { parseMapping, MappingError } from '../../src/sources/mapping.js';
import { national, householdFile } from '../../src/sources/index.js';
import type { TableColumn } from '../../src/io/table.js';
import { normalizeHeaderText } from '../../src/io/table.js';

const cols = (...headers: string[]): TableColumn[] =>
  headers.map((h, index) => {
    const header = normalizeHeaderText(h);
    return { index, header, parts: [header] };
  });

const NATIONAL = cols(
  '县(市、区、旗)', '乡(镇)', '行政村', '自然村', '户编号', '人编号', '姓名', '证件号码', '人数', '与户主关系', '民族',
  '文化程度', '在校生状况', '健康状况', '劳动技能', '务工状况', '务工时间（月）', '参加大病医疗', '脱贫属性', '脱贫年度',
  '贫困户属性', '主要致贫原因', '危房户', '饮水安全', '饮水困难', '人均纯收入', '联系电话',
);
const MEMBERS = ['乡镇', '行政村', '户主姓名', '户主身份证号', '家庭人口', '成员姓名', '成员身份证号', '与户主关系', '性别', '出生日期', '贫困户属性', '致贫原因', '年人均纯收入', '帮扶责任人', '帮扶责任人电话'];

describe('layout recognition', () => {
  it('recognises the national export by its distinguishing columns', () => {
    const d = detect(NATIONAL);
    expect(d.spec?.id).toBe('national');
    expect(d.decidedBy).toContain('户编号');
    const byField = new Map(d.columns.map((c) => [c.field, c.header]));
    expect(byField.get('idNumber')).toBe('证件号码');
    expect(byField.get('workMonths')).toBe('务工时间(月)');
    expect(byField.get('income')).toBe('人均纯收入');
  });

  it('tells the archive from the handbook by 住房情况 / 户主签字 and 帮扶单位', () => {
    expect(detect(cols(...MEMBERS, '住房情况')).spec?.id).toBe('household-file');
    expect(detect(cols(...MEMBERS, '户主签字')).spec?.id).toBe('one-book');
    expect(detect(cols(...MEMBERS, '帮扶责任人单位')).spec?.id).toBe('one-book');
  });

  it('reports a tie between archive and handbook instead of guessing', () => {
    const d = detect(cols(...MEMBERS));
    expect(d.spec).toBeNull();
    expect(d.problem).toContain('得分相同');
    expect(d.problem).toContain('一户一档');
  });

  it('breaks the tie by a file or sheet name hint, and says which layout it tied with', () => {
    expect(detect(cols(...MEMBERS), { names: '某某村一本通.xlsx 家庭成员' }).spec?.id).toBe('one-book');
    const d = detect(cols(...MEMBERS), { names: '一户一档汇总.xls 黄金村' });
    expect(d.spec?.id).toBe('household-file');
    expect(d.decidedBy).toBe('与《一本通》家庭成员得分相同，按文件名/工作表名判断');
  });

  it('an archive with 户编号 and 与户主关系 but no 住房情况 is not taken for the national export', () => {
    const archive = cols('乡镇', '行政村', '户编号', ...MEMBERS.slice(2));
    expect(detect(archive).spec?.id).not.toBe('national');
    expect(detect(archive, { names: '一户一档.xlsx 一户一档' }).spec?.id).toBe('household-file');
    // Without 出生日期 nothing speaks against the national export: its 户编号 decides.
    expect(detect(cols('乡镇', '行政村', '户编号', ...MEMBERS.slice(2).filter((h) => h !== '出生日期'))).spec?.id).toBe('national');
  });

  it('a forced kind overrides recognition', () => {
    expect(detect(cols(...MEMBERS), { forced: 'household-file' }).spec?.id).toBe('household-file');
    const d = detect(cols('序号', '备注'), { forced: 'national' });
    expect(d.spec).toBeNull();
    expect(d.problem).toContain('国办系统');
  });

  it('recognises hukou, boards, the ledger and every roster', () => {
    const cases: [string[], string][] = [
      [['户号', '姓名', '公民身份号码', '与户主关系', '性别', '民族', '出生日期', '住址', '乡镇(街道)', '居(村)委会', '人员状态', '立户日期'], 'hukou'],
      [['乡镇', '行政村', '户主姓名', '家庭人口', '贫困户属性', '致贫原因', '帮扶责任人', '帮扶单位', '帮扶责任人电话', '帮扶措施', '脱贫年度', '公示牌状态', '位置'], 'notice-board'],
      [['户主姓名', '户主身份证号', '年度', '项目类别', '项目名称', '金额', '发放日期', '签字'], 'one-book-ledger'],
      [['姓名', '身份证号', '保障类别', '保障人数', '乡镇', '村'], 'civil-affairs'],
      [['所有人', '身份证号', '号牌号码', '车辆类型', '初次登记日期'], 'vehicles'],
      [['法定代表人', '身份证号', '企业名称', '注册资本', '成立日期', '登记状态'], 'business'],
      [['权利人', '身份证号', '坐落', '建筑面积', '用途', '登记日期'], 'property'],
      [['姓名', '身份证号', '工作单位'], 'payroll'],
      [['姓名', '身份证号', '死亡日期'], 'deaths'],
      [['姓名', '身份证号', '补贴项目', '发放金额', '发放日期'], 'payouts'],
    ];
    for (const [headers, id] of cases) expect(detect(cols(...headers)).spec?.id, headers.join(',')).toBe(id);
  });

  it('finds nothing in a sheet without known headers', () => {
    const d = detect(cols('序号', '备注', '金额合计'));
    expect(d.spec).toBeNull();
    expect(d.problem).toContain('无法识别');
  });
});

describe('header matching', () => {
  it('qualifies a two-row header by its upper cell', () => {
    const columns: TableColumn[] = [
      { index: 0, header: '户主信息姓名', parts: ['户主信息', '姓名'] },
      { index: 1, header: '户主信息身份证号', parts: ['户主信息', '身份证号'] },
      { index: 2, header: '家庭成员姓名', parts: ['家庭成员', '姓名'] },
      { index: 3, header: '家庭成员身份证号码', parts: ['家庭成员', '身份证号码'] },
      { index: 4, header: '帮扶责任人姓名', parts: ['帮扶责任人', '姓名'] },
      { index: 5, header: '帮扶责任人电话', parts: ['帮扶责任人', '电话'] },
    ];
    const fields = matchColumns(householdFile, columns).map((c) => c.field);
    expect(fields).toEqual(['headName', 'headId', 'name', 'idNumber', 'helperName', 'helperPhone']);
  });

  it('keeps the same column twice apart: the first is used, the second is reported', () => {
    const m = matchColumns(national, cols('户编号', '姓名', '证件号码', '姓名'));
    expect(m[1].field).toBe('name');
    expect(m[3].field).toBeNull();
    expect(m[3].duplicateOf).toBe(1);
  });

  it('reads headers with notes, line breaks and full-width brackets', () => {
    const m = matchColumns(national, cols('身份证号码（必填）', '务工时间\n（月）', ' 户 编 号 '));
    expect(m.map((c) => c.field)).toEqual(['idNumber', 'workMonths', 'householdNo']);
  });
});

describe('user mapping', () => {
  it('adds a layout nobody has seen', () => {
    const mapping = parseMapping({ national: { 户主名称: 'headName', 户识别码: 'householdNo', 成员证件: 'idNumber', 成员: 'name' } });
    const d = detect(cols('户识别码', '成员', '成员证件', '户主名称'), { mapping });
    expect(d.spec?.id).toBe('national');
    expect(d.columns.map((c) => c.field)).toEqual(['householdNo', 'name', 'idNumber', 'headName']);
  });

  it('rejects unknown kinds and fields with a Chinese message', () => {
    expect(() => parseMapping({ nationl: { a: 'name' } })).toThrow(MappingError);
    expect(() => parseMapping({ nationl: { a: 'name' } })).toThrow(/来源类型“nationl”不存在/);
    expect(() => parseMapping({ national: { a: 'nme' } })).toThrow(/字段“nme”不是国办系统/);
  });
});
