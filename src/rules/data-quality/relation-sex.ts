/** A relation that implies a sex the person does not have: 女 + 之子, 男 + 之女 / 之儿媳 … */
import { KIND_LABELS } from '../../model/kinds.js';
import { impliedGender, relationLabel } from '../../normalize/relation.js';
import type { Rule } from '../types.js';
import { everyRecord, personSubject } from './records.js';
import { SEX_LABELS, refBase, refLocation, sexOf } from './describe.js';

export const relationSex: Rule = {
  id: 'data-quality/relation-sex',
  category: 'data_quality',
  title: '与户主关系与性别矛盾',
  description:
    '“与户主关系”隐含的性别（之子、之女婿、之父为男；之女、之儿媳、之母为女）与本人性别不符。性别优先取身份证号所示，无有效身份证号时取性别列。',
  severity: 'medium',
  *check(ds) {
    for (const ref of everyRecord(ds)) {
      const r = ref.member;
      if (!r?.relation) continue;
      const implied = impliedGender(r.relation);
      if (!implied) continue;
      const sex = sexOf(r);
      if (!sex || sex.sex === implied) continue;
      const kindLabel = KIND_LABELS[ref.kind];
      const relation = relationLabel(r.relation);
      const hukou = ref.kind !== 'hukou' ? ref.person?.records.hukou : undefined;
      yield {
        ...refBase(ref),
        subject: `${personSubject(ref)}|relation`,
        field: 'relation',
        values: {
          [ref.kind]: `${relation}（${SEX_LABELS[sex.sex]}）`,
          ...(hukou?.relation ? { hukou: relationLabel(hukou.relation) } : {}),
        },
        correct: ref.kind,
        message: `${kindLabel}中${ref.name ?? ''}的与户主关系为“${relation}”，但其性别为${SEX_LABELS[sex.sex]}（${sex.from}）`,
        suggestion:
          ref.kind === 'hukou'
            ? '户籍中与户主关系与性别矛盾，请户籍部门核对原始登记'
            : `以户籍为准，核对并更正${kindLabel}中此人的与户主关系或性别`,
        evidence: { 性别依据: sex.from },
        locations: [refLocation(ref, 'relation'), refLocation(ref, sex.from === '按身份证号' ? 'idNumber' : 'gender')],
      };
    }
  },
};
