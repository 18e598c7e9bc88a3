/** Head and spouse of the same sex, within one household as each member source holds it. */
import { KIND_LABELS } from '../../model/kinds.js';
import type { Rule } from '../types.js';
import { memberUnits, personSubject } from './records.js';
import { SEX_LABELS, refBase, refLocation, sexOf } from './describe.js';

export const headSpouseSex: Rule = {
  id: 'data-quality/head-spouse-sex',
  category: 'data_quality',
  title: '户主与配偶性别相同',
  description: '同一户中户主与“配偶”性别相同（性别优先取身份证号所示，无有效身份证号时取性别列），通常是性别、身份证号或与户主关系填错。',
  severity: 'medium',
  *check(ds) {
    // Member records grouped by source and household (户编号, hukou 户号, or the source's own grouping).
    for (const { refs: rows } of memberUnits(ds)) {
      const heads = rows.filter((r) => r.member?.relation === 'head');
      if (heads.length !== 1) continue; // none or several: data-quality/head-count
      const head = heads[0];
      const headSex = sexOf(head.member!);
      if (!headSex) continue;
      for (const spouse of rows.filter((r) => r.member?.relation === 'spouse')) {
        const sex = sexOf(spouse.member!);
        if (!sex || sex.sex !== headSex.sex) continue;
        const kindLabel = KIND_LABELS[spouse.kind];
        const label = SEX_LABELS[sex.sex];
        yield {
          ...refBase(spouse),
          subject: `${personSubject(spouse)}|spouseSex`,
          field: 'gender',
          values: { [spouse.kind]: `户主${head.name ?? ''}（${label}）、配偶${spouse.name ?? ''}（${label}）` },
          correct: spouse.kind,
          message: `${kindLabel}中户主${head.name ?? ''}（${label}，${headSex.from}）与配偶${spouse.name ?? ''}（${label}，${sex.from}）性别相同`,
          suggestion:
            spouse.kind === 'hukou'
              ? '户籍中户主与配偶性别相同，请户籍部门核对原始登记'
              : `以户籍为准，核对并更正${kindLabel}中户主或配偶的性别、身份证号或与户主关系`,
          evidence: { 户主: head.name, 户主性别依据: headSex.from, 配偶性别依据: sex.from },
          locations: [refLocation(head, 'relation'), refLocation(spouse, 'relation')],
        };
      }
    }
  },
};
