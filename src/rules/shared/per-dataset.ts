/**
 * Values the rules work out once per dataset and share (indexes, per-person facts). They are released when
 * the rules are done with the dataset, so that their memory is free while the reports are written.
 */
import type { Dataset } from '../../link/model.js';

const caches: WeakMap<Dataset, unknown>[] = [];

/** One value per dataset, computed on first use. */
export function perDataset<T>(make: (ds: Dataset) => T): (ds: Dataset) => T {
  const cache = new WeakMap<Dataset, T>();
  caches.push(cache);
  return (ds) => {
    let v = cache.get(ds);
    if (v === undefined) {
      v = make(ds);
      cache.set(ds, v);
    }
    return v;
  };
}

/** Forgets every value worked out for the dataset. */
export function releaseDataset(ds: Dataset): void {
  for (const cache of caches) cache.delete(ds);
}
