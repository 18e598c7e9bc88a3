import type { Finding } from '../model/finding.js';
import type { Dataset } from '../link/model.js';
import type { Rule } from './types.js';
import { toFinding } from './fingerprint.js';
import { RULES } from './index.js';
import { sortFindings } from '../model/order.js';
import { releaseDataset } from './shared/per-dataset.js';

/**
 * Runs every rule over the dataset. Findings with the same fingerprint (the same problem reached twice) are
 * kept once; the result is sorted so the same input gives the same output.
 */
export function runRules(ds: Dataset, rules: readonly Rule[] = RULES): Finding[] {
  const byId = new Map<string, Finding>();
  for (const rule of rules) {
    for (const draft of rule.check(ds)) {
      const f = toFinding(rule, draft);
      if (!byId.has(f.id)) byId.set(f.id, f);
    }
  }
  // What the rules worked out about this dataset is not needed any more.
  releaseDataset(ds);
  return sortFindings([...byId.values()]);
}

