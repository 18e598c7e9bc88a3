import { defineSource } from './define.js';
import { f } from './fields.js';
import * as c from './common.js';

/** Rosters from other departments (DOMAIN §2.6): each at least a name and an ID number. */

export const civilAffairs = defineSource({
  id: 'civil-affairs',
  kind: 'civil-affairs',
  role: 'roster',
  label: '民政（低保/特困/孤儿）',
  nameHints: ['民政', '低保', '特困', '孤儿', '五保'],
  fields: {
    name: f.name('姓名', ['姓名', '保障对象姓名', '救助对象姓名', '申请人姓名']),
    idNumber: c.idNumber,
    category: f.text('保障类别', ['保障类别', '救助类别', '类别', '保障类型', '人员类别']),
    count: f.count('保障人数', ['保障人数', '救助人数', '享受人数']),
    township: c.township,
    village: c.village,
  },
  required: ['name', 'idNumber', 'category'],
  distinguishing: ['category', 'count'],
  identifying: ['name', 'idNumber'],
});

export const vehicles = defineSource({
  id: 'vehicles',
  kind: 'vehicles',
  role: 'roster',
  label: '车辆登记',
  nameHints: ['车辆', '机动车', '车管'],
  fields: {
    name: f.name('所有人', ['所有人', '车主', '车主姓名', '机动车所有人']),
    idNumber: f.id('身份证号', ['身份证号', '身份证明号码', '证件号码', '身份证号码', '所有人身份证号']),
    plate: f.code('号牌号码', ['号牌号码', '车牌号', '车牌号码', '号牌']),
    vehicleType: f.text('车辆类型', ['车辆类型', '车型', '号牌种类']),
    registered: f.date('初次登记日期', ['初次登记日期', '注册日期', '初登日期', '登记日期']),
  },
  required: ['idNumber', 'plate'],
  distinguishing: ['plate', 'vehicleType'],
  identifying: ['name', 'idNumber'],
});

export const business = defineSource({
  id: 'business',
  kind: 'business',
  role: 'roster',
  label: '工商登记',
  nameHints: ['工商', '市场主体', '企业', '个体'],
  fields: {
    name: f.name('法定代表人', ['法定代表人', '投资人', '法定代表人/投资人', '法定代表人(负责人)', '经营者', '负责人']),
    idNumber: c.idNumber,
    company: f.text('企业名称', ['企业名称', '名称', '字号名称', '市场主体名称', '主体名称']),
    capital: f.money('注册资本', ['注册资本', '注册资本(万元)', '出资额']),
    established: f.date('成立日期', ['成立日期', '登记日期', '注册日期']),
    status: f.text('登记状态', ['登记状态', '经营状态', '企业状态', '状态']),
  },
  required: ['idNumber', 'company'],
  distinguishing: ['company', 'capital'],
  identifying: ['name', 'idNumber'],
});

export const property = defineSource({
  id: 'property',
  kind: 'property',
  role: 'roster',
  label: '不动产登记',
  nameHints: ['不动产', '房产', '房屋'],
  fields: {
    name: f.name('权利人', ['权利人', '产权人', '所有权人', '房屋所有权人']),
    idNumber: f.id('身份证号', ['身份证号', '证件号码', '身份证号码', '权利人证件号', '权利人证件号码']),
    location: f.text('坐落', ['坐落', '房屋坐落', '坐落地址', '不动产坐落']),
    area: f.number('建筑面积', ['建筑面积', '建筑面积(平方米)', '面积']),
    use: f.text('用途', ['用途', '规划用途', '房屋用途']),
    registered: f.date('登记日期', ['登记日期', '登记时间', '登簿日期']),
  },
  required: ['idNumber', 'location'],
  distinguishing: ['location', 'area', 'use'],
  identifying: ['name', 'idNumber'],
});

export const payroll = defineSource({
  id: 'payroll',
  kind: 'payroll',
  role: 'roster',
  label: '财政供养人员',
  nameHints: ['财政供养', '工资', '供养人员', '在编'],
  fields: {
    name: c.name,
    idNumber: c.idNumber,
    employer: f.text('工作单位', ['工作单位', '单位', '单位名称', '所在单位']),
  },
  required: ['idNumber', 'employer'],
  distinguishing: ['employer'],
  identifying: ['name', 'idNumber'],
});

export const deaths = defineSource({
  id: 'deaths',
  kind: 'deaths',
  role: 'roster',
  label: '死亡人员',
  nameHints: ['死亡', '殡葬', '火化'],
  fields: {
    name: c.name,
    idNumber: c.idNumber,
    deathDate: f.date('死亡日期', ['死亡日期', '死亡时间', '火化日期']),
  },
  required: ['idNumber', 'deathDate'],
  distinguishing: ['deathDate'],
  identifying: ['name', 'idNumber'],
});

export const payouts = defineSource({
  id: 'payouts',
  kind: 'payouts',
  role: 'roster',
  label: '惠农一卡通发放',
  nameHints: ['一卡通', '惠农', '发放', '补贴'],
  fields: {
    name: c.name,
    idNumber: c.idNumber,
    item: f.text('补贴项目', ['补贴项目', '项目名称', '补贴名称', '资金项目']),
    amount: f.money('发放金额', ['发放金额', '金额', '补贴金额', '发放金额(元)']),
    date: f.date('发放日期', ['发放日期', '发放时间', '到账日期']),
  },
  required: ['idNumber', 'item', 'amount'],
  distinguishing: ['item', 'amount', 'date'],
  identifying: ['name', 'idNumber'],
});
