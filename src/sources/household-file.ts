import { defineSource } from './define.js';
import * as c from './common.js';

/** 一户一档: the household archive, digitised by village staff; one row per member (DOMAIN §2.2). */
export const householdFile = defineSource({
  id: 'household-file',
  kind: 'household-file',
  role: 'members',
  label: '一户一档',
  nameHints: ['一户一档', '户档', '档案'],
  fields: c.memberFields,
  required: ['name', 'idNumber'],
  // 出生日期: member tables kept by village staff have it, the national export does not (the handbook has it too).
  distinguishing: ['housing', 'birthDate'],
  identifying: ['name', 'idNumber'],
});
