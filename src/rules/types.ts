import type { Category, Finding, Severity } from '../model/finding.js';
import type { Dataset } from '../link/model.js';

/** What a rule emits: a finding without its id, rule and category (added by the runner). */
export type FindingDraft = Omit<Finding, 'id' | 'rule' | 'ruleTitle' | 'category' | 'severity'> & {
  severity?: Severity;
  /**
   * Stable subject key for a person with no valid ID (e.g. `household|name`) or a household with no 户编号
   * (township + village + head name). Defaults to personId / householdId.
   */
  subject?: string;
};

/** One rule: a small module with metadata and a pure check over the linked dataset (like an ESLint rule). */
export interface Rule {
  /** `category/name`, kebab-case: the rule's stable id. */
  id: string;
  category: Category;
  /** Chinese title, shown in the report. */
  title: string;
  /** Chinese explanation of what the rule checks and why. */
  description: string;
  /** Default severity; a draft may override (e.g. a warning near a threshold). */
  severity: Severity;
  check(ds: Dataset): Iterable<FindingDraft>;
}
