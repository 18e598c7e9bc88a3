/** Where each valid ID number occurs in the national rows: the basis of the duplicate rules. */
import type { NationalRecord } from '../../sources/index.js';
import type { Dataset, RegisteredHousehold } from '../../link/model.js';
import { validId } from '../../link/records.js';
import { perDataset } from '../shared/per-dataset.js';

export interface Occurrence {
  household: RegisteredHousehold;
  record: NationalRecord;
}

/** Valid ID → its national rows, in dataset order (worked out once per dataset: two rules ask). */
export const nationalOccurrences = perDataset((ds: Dataset): Map<string, Occurrence[]> => {
  const map = new Map<string, Occurrence[]>();
  for (const household of ds.households) {
    for (const record of household.national) {
      const id = validId(record);
      if (!id) continue;
      const list = map.get(id);
      if (list) list.push({ household, record });
      else map.set(id, [{ household, record }]);
    }
  }
  return map;
});

/** Valid IDs held by two or more national rows (in one household or several). */
export function repeatedNationalIds(ds: Dataset): Set<string> {
  const out = new Set<string>();
  for (const [id, list] of nationalOccurrences(ds)) if (list.length > 1) out.add(id);
  return out;
}
