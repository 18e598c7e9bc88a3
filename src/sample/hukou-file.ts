/**
 * 户籍.xls: what the hukou system exports under that name is tab-separated GB18030 text with every cell
 * prefixed by `'` (DOMAIN §2.4). Written as a stream: the in-memory households come from the (planted)
 * view, all others are generated and rendered one family at a time.
 */
import { hukouHouseholds, SampleError, type Truth } from './county.js';
import { extraHouseholds } from './extra.js';
import { HUKOU_COLUMNS, hukouRows } from './render/hukou.js';
import { cellText, type ViewRow } from './views.js';
import { StreamingTextWriter } from './write/text.js';

export interface HukouCounts {
  households: number;
  people: number;
  deceased: number;
  movedOut: number;
  splitHouseholds: number;
}

const quoted = (v: string): string => (v === '' ? '' : `'${v}`);

/** `extraResidents` unrelated people are written after the county's own (see extra.ts). */
export async function writeHukouFile(path: string, truth: Truth, view: Map<string, ViewRow[]>, extraResidents = 0): Promise<HukouCounts> {
  const out = new StreamingTextWriter(path, 'gb18030');
  const counts: HukouCounts = { households: 0, people: 0, deceased: 0, movedOut: 0, splitHouseholds: 0 };
  await out.line(HUKOU_COLUMNS.join('\t'));
  const all = function* () {
    yield* hukouHouseholds(truth);
    yield* extraHouseholds(truth, extraResidents);
  };
  for (const { household, inMemory } of all()) {
    const rows = inMemory ? view.get(household.no) : hukouRows(truth.county, household, () => null);
    if (!rows) throw new SampleError(`样例生成内部错误：户号 ${household.no} 没有户籍行`);
    counts.households += 1;
    if (household.split) counts.splitHouseholds += 1;
    for (const r of rows) {
      counts.people += 1;
      const status = cellText(r.cells['人员状态']);
      if (status === '1') counts.deceased += 1;
      if (status === '2') counts.movedOut += 1;
      await out.line(HUKOU_COLUMNS.map((c) => quoted(cellText(r.cells[c]))).join('\t'));
    }
  }
  await out.close();
  return counts;
}
