/** Every rule, registered in one list (like ESLint's rule index). Find a rule by its id: `category/name`. */
import type { Rule } from './types.js';
import { DATA_QUALITY_RULES } from './data-quality/index.js';
import { MISMATCH_RULES } from './mismatch/index.js';
import { DUPLICATE_RULES } from './duplicate/index.js';
import { BENEFIT_RULES } from './benefit/index.js';
import { SPLIT_HOUSEHOLD_RULES } from './split-household/index.js';
import { WRONG_EXIT_RULES } from './wrong-exit/index.js';
import { WRONG_INCLUSION_RULES } from './wrong-inclusion/index.js';
import { OMISSION_RULES } from './omission/index.js';
import { ASSISTANCE_RULES } from './assistance/index.js';

export const RULES: readonly Rule[] = [
  ...DATA_QUALITY_RULES,
  ...MISMATCH_RULES,
  ...DUPLICATE_RULES,
  ...BENEFIT_RULES,
  ...SPLIT_HOUSEHOLD_RULES,
  ...WRONG_EXIT_RULES,
  ...WRONG_INCLUSION_RULES,
  ...OMISSION_RULES,
  ...ASSISTANCE_RULES,
];
