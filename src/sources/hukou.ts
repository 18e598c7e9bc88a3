import { defineSource } from './define.js';
import { f } from './fields.js';
import * as c from './common.js';

/** 户籍: household registration of ALL residents; GB/T 4761 relation codes (DOMAIN §2.4). */
export const hukou = defineSource({
  id: 'hukou',
  kind: 'hukou',
  role: 'members',
  label: '户籍',
  nameHints: ['户籍', '户口', '人口信息', '公安'],
  fields: {
    householdNo: f.code('户号', ['户号', '户籍户号', '户口号']),
    name: c.name,
    idNumber: c.idNumber,
    relation: f.relation('与户主关系', ['与户主关系', '与户主的关系'], 'gbt4761'),
    gender: c.gender,
    ethnicity: c.ethnicity,
    birthDate: c.birthDate,
    address: f.text('住址', ['住址', '户籍地址', '住所', '户籍地详址', '详细地址']),
    township: f.place('乡镇(街道)', ['乡镇(街道)', '乡镇', '乡镇街道', '街道(乡镇)', '乡(镇)']),
    village: f.place('居(村)委会', ['居(村)委会', '村(居)委会', '居委会', '村委会', '社区(村)', '行政村', '村']),
    personStatus: f.personStatus('人员状态', ['人员状态', '人口状态', '户口状态']),
    created: f.date('立户日期', ['立户日期', '建户时间', '建户日期', '立户时间']),
    changeType: f.text('变动类型', ['变动类型', '变动范围', '变动原因', '户口变动类型']),
    changeDate: f.date('变动日期', ['变动日期', '变动时间']),
    formerHouseholdNo: f.code('原户号', ['原户号', '变动前户号', '迁出前户号']),
    fatherId: f.id('父亲公民身份号码', ['父亲公民身份号码', '父亲身份证号', '父亲身份证号码']),
    motherId: f.id('母亲公民身份号码', ['母亲公民身份号码', '母亲身份证号', '母亲身份证号码']),
    spouseId: f.id('配偶公民身份号码', ['配偶公民身份号码', '配偶身份证号', '配偶身份证号码']),
  },
  required: ['householdNo', 'name'],
  distinguishing: ['householdNo', 'personStatus', 'created', 'formerHouseholdNo', 'fatherId', 'address'],
  identifying: ['name', 'idNumber'],
});
