/** Relations to the household head in the two code lists of DOMAIN §2.1 and §2.4. */
import type { Person, Relation } from './model.js';

const NATIONAL: Record<Relation, string> = {
  head: '户主',
  wife: '配偶',
  husband: '配偶',
  son: '之子',
  daughter: '之女',
  daughterInLaw: '之儿媳',
  sonInLaw: '之女婿',
  grandson: '之孙子',
  granddaughter: '之孙女',
  father: '之父',
  mother: '之母',
};

/** The national system's list (之子, 之儿媳 …). */
export function nationalRelation(r: Relation): string {
  return NATIONAL[r];
}

const RANKED_SONS = ['22', '23', '24', '25', '26'];
const RANKED_DAUGHTERS = ['32', '33', '34', '35', '36'];

/** GB/T 4761-2008 code as the hukou export has it: 02 户主, 12 妻, 22 长子, 38 儿媳, 52 母亲 … */
export function gbt4761(p: Person, relation: Relation = p.relation): string {
  switch (relation) {
    case 'head':
      return '02';
    case 'husband':
      return '11';
    case 'wife':
      return '12';
    case 'son':
      return p.childRank === -1 ? '21' : p.childRank > 0 ? (RANKED_SONS[p.childRank - 1] ?? '29') : '20';
    case 'daughter':
      return p.childRank === -1 ? '31' : p.childRank > 0 ? (RANKED_DAUGHTERS[p.childRank - 1] ?? '39') : '30';
    case 'sonInLaw':
      return '28';
    case 'daughterInLaw':
      return '38';
    case 'grandson':
      return '41';
    case 'granddaughter':
      return '42';
    case 'father':
      return '51';
    case 'mother':
      return '52';
  }
}
