/** Fields that several sources share, with the header spellings seen across them (DOMAIN §2). */
import { f } from './fields.js';

export const township = f.place('乡镇', ['乡(镇)', '乡镇', '乡镇(街道)', '镇(乡)', '乡镇名称', '所属乡镇', '乡镇街道', '乡(镇、街道)']);
export const village = f.place('行政村', ['行政村', '村', '村委会', '村(社区)', '行政村(社区)', '所属村', '村名', '居(村)委会', '村(居)委会', '社区(村)']);
export const name = f.name('姓名', ['姓名', '成员姓名', '人员姓名', '家庭成员姓名']);
export const idNumber = f.id('身份证号', [
  '证件号码',
  '身份证号',
  '身份证号码',
  '公民身份号码',
  '身份证件号码',
  '公民身份证号码',
  '成员身份证号',
  '成员身份证号码',
  '证件号',
  '身份证',
]);
export const headName = f.name('户主姓名', ['户主姓名', '户主', '户主名']);
export const headId = f.id('户主身份证号', ['户主身份证号', '户主身份证号码', '户主证件号码', '户主公民身份号码', '户主证件号']);
export const householdSize = f.count('家庭人口', ['人数', '家庭人口数', '家庭人口', '家庭人数', '户人口数', '人口数', '家庭成员数']);
export const gender = f.gender('性别', ['性别']);
export const birthDate = f.date('出生日期', ['出生日期', '出生年月', '出生年月日', '生日']);
export const ethnicity = f.text('民族', ['民族']);
export const attribute = f.attribute('贫困户属性', ['贫困户属性', '户属性', '贫困属性', '扶贫对象属性']);
export const cause = f.cause('致贫原因', ['主要致贫原因', '致贫原因1', '致贫原因', '主要致贫原因1']);
export const income = f.money('人均纯收入', ['人均纯收入', '年人均纯收入', '人均纯收入(元)', '年人均纯收入(元)', '家庭年人均纯收入', '家庭人均纯收入']);
export const exitYear = f.year('脱贫年度', ['脱贫年度', '脱贫年份', '脱贫时间', '计划脱贫年度', '脱贫(计划)年度']);
export const status = f.status('脱贫状态', ['脱贫属性', '脱贫状态', '脱贫标志', '贫困户状态', '脱贫情况']);
export const helperName = f.name('帮扶责任人', ['帮扶责任人', '帮扶责任人姓名', '帮扶人', '帮扶干部', '结对帮扶人']);
export const helperPhone = f.phone('帮扶责任人电话', [
  '帮扶责任人电话',
  '帮扶责任人手机号',
  '帮扶责任人手机',
  '帮扶责任人联系电话',
  '帮扶人电话',
  '帮扶人联系电话',
  '帮扶干部电话',
]);
export const helperUnit = f.text('帮扶单位', ['帮扶单位', '帮扶责任人单位', '帮扶责任人工作单位', '帮扶人单位', '结对帮扶单位']);
export const phone = f.phone('联系电话', ['联系电话', '户联系电话', '电话', '联系方式', '手机号码']);
export const householdNo = f.code('户编号', ['户编号', '户编码', '户码', '户ID', '户编号(国办)']);
export const nationalRelation = f.relation('与户主关系', ['与户主关系', '与户主的关系'], 'national');
export const housing = f.housing('住房情况', ['住房情况', '住房安全', '住房安全情况', '房屋情况']);

/** The member columns the archive and the handbook share (DOMAIN §2.2, §2.3). */
export const memberFields = {
  township,
  village,
  householdNo,
  headName,
  headId,
  householdSize,
  name,
  idNumber,
  relation: nationalRelation,
  gender,
  birthDate,
  attribute,
  status,
  cause,
  income,
  exitYear,
  housing,
  helperName,
  helperPhone,
  phone,
};
