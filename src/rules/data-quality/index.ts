/** Data-quality rules (数据质量问题): problems inside one source, before any comparison between sources. */
import type { Rule } from '../types.js';
import { fieldProblem } from './field-problem.js';
import { rejectedRow } from './rejected-row.js';
import { idUpgrade } from './id-upgrade.js';
import { idContradiction } from './id-contradiction.js';
import { relationSex } from './relation-sex.js';
import { headCount } from './head-count.js';
import { headSpouseSex } from './head-spouse-sex.js';
import { householdSizeRows } from './household-size-rows.js';
import { incomeRange } from './income-range.js';
import { ambiguousLink } from './ambiguous-link.js';

export const DATA_QUALITY_RULES: Rule[] = [
  fieldProblem,
  rejectedRow,
  idUpgrade,
  idContradiction,
  relationSex,
  headCount,
  headSpouseSex,
  householdSizeRows,
  incomeRange,
  ambiguousLink,
];
