/** Every rule, registered in one list (like ESLint's rule index). Find a rule by its id: `category/name`. */
import type { Rule } from './types.js';
import { DATA_QUALITY_RULES } from './data-quality/index.js';
import { MISMATCH_RULES } from './mismatch/index.js';
import { DUPLICATE_RULES } from './duplicate/index.js';

export const RULES: readonly Rule[] = [...DATA_QUALITY_RULES, ...MISMATCH_RULES, ...DUPLICATE_RULES];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
