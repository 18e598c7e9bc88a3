import { defineSource } from './define.js';
import { f } from './fields.js';
import * as c from './common.js';

/** 《一本通》 members sheet (家庭成员), kept in the household by the helper cadre (DOMAIN §2.3). */
export const oneBook = defineSource({
  id: 'one-book',
  kind: 'one-book',
  role: 'members',
  label: '《一本通》家庭成员',
  nameHints: ['一本通', '家庭成员'],
  fields: {
    ...c.memberFields,
    helperUnit: c.helperUnit,
    headSigned: f.yesno('户主签字', ['户主签字', '户主是否签字', '户主签名', '签字确认']),
  },
  required: ['name', 'idNumber'],
  // 出生日期 as in the archive: against the national export.
  distinguishing: ['headSigned', 'helperUnit', 'birthDate'],
  identifying: ['name', 'idNumber'],
});

/** 《一本通》 ledger sheet (收支流水 / 享受政策): income and policy-subsidy lines per household. */
export const oneBookLedger = defineSource({
  id: 'one-book-ledger',
  kind: 'one-book',
  role: 'ledger',
  label: '《一本通》收支流水',
  nameHints: ['收支', '流水', '享受政策', '一本通'],
  fields: {
    township: c.township,
    village: c.village,
    headName: c.headName,
    headId: c.headId,
    year: f.year('年度', ['年度', '年份', '所属年度']),
    category: f.text('项目类别', ['项目类别', '收入类别', '类别', '收支类别']),
    item: f.text('项目名称', ['项目名称', '项目', '收入项目', '政策名称']),
    amount: f.money('金额', ['金额', '金额(元)', '收入金额', '发放金额']),
    date: f.date('发放日期', ['发放日期', '日期', '发生日期', '到账日期']),
    signed: f.yesno('签字', ['签字', '户主确认', '是否签字']),
  },
  required: ['category', 'amount'],
  distinguishing: ['category', 'item', 'amount', 'year'],
  identifying: ['headName', 'headId'],
});
