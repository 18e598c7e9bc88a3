/**
 * 与户主关系 onto the canonical `Relation`. Numeric codes are read in the list the caller names (they collide:
 * 02 is 配偶 in the national list and 户主 in GB/T 4761); text labels are recognised from either list.
 */
import type { Gender, Relation, RelationCodeList, RelationResult } from './types.js';
import { type CellInput, cellText, toHalfWidth } from './text.js';
import { GBT4761_CODES, NATIONAL_CODES, RELATION_SYNONYMS, type RelationEntry } from './relation-codes.js';

const LISTS: Record<RelationCodeList, { codes: Readonly<Record<string, RelationEntry>>; name: string }> = {
  national: { codes: NATIONAL_CODES, name: '国办系统' },
  gbt4761: { codes: GBT4761_CODES, name: 'GB/T 4761-2008' },
};

/** Text label → entry, from both lists' labels and the everyday synonyms. */
const BY_TEXT: ReadonlyMap<string, RelationEntry> = (() => {
  const map = new Map<string, RelationEntry>();
  for (const table of [GBT4761_CODES, NATIONAL_CODES, RELATION_SYNONYMS]) {
    for (const entry of Object.values(table)) map.set(entry[2], entry);
  }
  for (const [text, entry] of Object.entries(RELATION_SYNONYMS)) map.set(text, entry);
  return map;
})();

function byText(label: string): RelationEntry | null {
  const candidates = [label, label.replace(/\([^)]*\)$/, ''), label.replace(/^户主(?:的|之)/, '')];
  for (const c of candidates) {
    if (c === '') continue;
    const hit = BY_TEXT.get(c) ?? (c.startsWith('之') ? BY_TEXT.get(c.slice(1)) : undefined);
    if (hit) return hit;
  }
  return null;
}

function found(entry: RelationEntry): RelationResult {
  return { relation: entry[0], impliedGender: entry[1], problem: null };
}

/** Parses a relation cell: a code of `list`, a label of either list, or `code label` (`03 之子`; the label wins). */
export function parseRelation(c: CellInput, list: RelationCodeList): RelationResult {
  const raw = cellText(c);
  if (raw === '') return { relation: null, impliedGender: null, problem: null };
  const s = toHalfWidth(raw).replace(/\s+/g, '');
  const codeAndLabel = /^(\d{1,2})(?:[-.、:_]?)(\D.*)?$/.exec(s);
  const label = codeAndLabel ? codeAndLabel[2] : s;
  if (label) {
    const entry = byText(label);
    if (entry) return found(entry);
  }
  if (codeAndLabel) {
    const code = codeAndLabel[1].padStart(2, '0');
    const entry = LISTS[list].codes[code];
    if (entry) return found(entry);
    return { relation: null, impliedGender: null, problem: `与户主关系代码“${codeAndLabel[1]}”不在${LISTS[list].name}代码表中` };
  }
  return { relation: null, impliedGender: null, problem: `无法识别的与户主关系：${raw}` };
}

const LABELS: Record<Relation, string> = {
  head: '户主',
  spouse: '配偶',
  son: '之子',
  daughter: '之女',
  daughterInLaw: '之儿媳',
  sonInLaw: '之女婿',
  grandson: '之孙子（外孙子）',
  granddaughter: '之孙女（外孙女）',
  grandchild: '之孙子女',
  father: '之父',
  mother: '之母',
  parent: '之父母',
  parentInLaw: '之岳父母或公婆',
  grandparent: '之祖父母或外祖父母',
  sibling: '兄弟姐妹',
  otherRelative: '其他亲属',
  nonRelative: '非亲属',
  other: '其他',
};

/** Chinese label of a canonical relation, for reports. */
export function relationLabel(r: Relation): string {
  return LABELS[r];
}

/** Sex a canonical relation implies by itself (之子 → M, 之儿媳 → F); null when it implies none. */
export function impliedGender(r: Relation): Gender | null {
  switch (r) {
    case 'son':
    case 'sonInLaw':
    case 'grandson':
    case 'father':
      return 'M';
    case 'daughter':
    case 'daughterInLaw':
    case 'granddaughter':
    case 'mother':
      return 'F';
    default:
      return null;
  }
}

const BROADER: Partial<Record<Relation, readonly Relation[]>> = {
  parent: ['father', 'mother'],
  grandchild: ['grandson', 'granddaughter'],
  // The national list has no sibling or other-relative code: its 99 其他 covers them all.
  other: ['sibling', 'otherRelative', 'nonRelative'],
};

/**
 * True when two canonical relations can describe the same person: equal, or one is the broader form of the
 * other (父母 ⊃ 之父, 孙子女 ⊃ 之孙子, the national 其他 ⊃ 兄弟姐妹 / 其他亲属 / 非亲属).
 */
export function relationsCompatible(a: Relation, b: Relation): boolean {
  return a === b || (BROADER[a]?.includes(b) ?? false) || (BROADER[b]?.includes(a) ?? false);
}
