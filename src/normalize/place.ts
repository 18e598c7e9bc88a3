/**
 * Place names. Sources spell the same place differently (黄金村 / 黄金村委会 / 黄金村民委员会; 某某乡 / 某某镇 /
 * 某某镇人民政府; XX街道办事处 / XX街道; XX社区居委会 / XX社区): `placeKey` makes them compare equal.
 */

const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/g;

/** Administrative suffixes, longest first; one is stripped. */
const SUFFIXES = [
  '社区居民委员会',
  '村民委员会',
  '街道办事处',
  '镇人民政府',
  '乡人民政府',
  '社区居委会',
  '居民委员会',
  '人民政府',
  '村委会',
  '居委会',
  '街道办',
  '办事处',
  '镇政府',
  '乡政府',
  '村委',
  '社区',
  '街道',
  '村',
  '镇',
  '乡',
];

/** Display form: trimmed, spaces removed. */
export function cleanPlace(name: string): string {
  return name.replace(INVISIBLE, '');
}

/** Comparison key: NFKC, spaces removed, one administrative suffix stripped (never down to nothing). */
export function placeKey(name: string): string {
  const s = cleanPlace(name.normalize('NFKC'));
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix) && s.length > suffix.length) return s.slice(0, s.length - suffix.length);
  }
  return s;
}

/** A village is only unique within its township: the key of both. */
export function villageKey(township: string, village: string): string {
  return `${placeKey(township)}|${placeKey(village)}`;
}
