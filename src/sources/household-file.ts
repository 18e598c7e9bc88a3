import { defineSource } from './define.js';
import { f } from './fields.js';
import * as c from './common.js';

/** 一户一档: the household archive, digitised by village staff; one row per member (DOMAIN §2.2). */
export const householdFile = defineSource({
  id: 'household-file',
  kind: 'household-file',
  role: 'members',
  label: '一户一档',
  nameHints: ['一户一档', '户档', '档案'],
  fields: {
    township: c.township,
    village: c.village,
    householdNo: c.householdNo,
    headName: c.headName,
    headId: c.headId,
    householdSize: c.householdSize,
    name: c.name,
    idNumber: c.idNumber,
    relation: f.relation('与户主关系', ['与户主关系', '与户主的关系'], 'national'),
    gender: c.gender,
    birthDate: c.birthDate,
    attribute: c.attribute,
    status: c.status,
    cause: c.cause,
    income: c.income,
    exitYear: c.exitYear,
    housing: f.housing('住房情况', ['住房情况', '住房安全', '住房安全情况', '房屋情况']),
    helperName: c.helperName,
    helperPhone: c.helperPhone,
    phone: c.phone,
  },
  required: ['name', 'idNumber'],
  distinguishing: ['housing'],
  identifying: ['name', 'idNumber'],
});
