import { describe, expect, test } from 'vitest';
import { impliedGender, parseRelation, relationLabel, relationsCompatible } from '../../src/normalize/relation.js';
import type { Relation } from '../../src/normalize/types.js';

describe('national list (国办系统)', () => {
  test.each([
    ['01', 'head', null],
    ['02', 'spouse', null],
    ['03', 'son', 'M'],
    ['04', 'daughter', 'F'],
    ['05', 'daughterInLaw', 'F'],
    ['06', 'sonInLaw', 'M'],
    ['07', 'grandson', 'M'],
    ['08', 'granddaughter', 'F'],
    ['09', 'grandson', 'M'],
    ['10', 'granddaughter', 'F'],
    ['11', 'father', 'M'],
    ['12', 'mother', 'F'],
    ['13', 'parentInLaw', 'M'],
    ['14', 'parentInLaw', 'F'],
    ['15', 'parentInLaw', 'M'],
    ['16', 'parentInLaw', 'F'],
    ['17', 'grandparent', 'M'],
    ['18', 'grandparent', 'F'],
    ['19', 'grandparent', 'M'],
    ['20', 'grandparent', 'F'],
    ['99', 'other', null],
  ] as const)('code %s', (code, relation, gender) => {
    expect(parseRelation(code, 'national')).toEqual({ relation, impliedGender: gender, problem: null });
  });

  test.each([
    ['本人或户主', 'head'],
    ['户主', 'head'],
    ['本人', 'head'],
    ['配偶', 'spouse'],
    ['之子', 'son'],
    ['之女', 'daughter'],
    ['之儿媳', 'daughterInLaw'],
    ['之女婿', 'sonInLaw'],
    ['之孙子', 'grandson'],
    ['之孙女', 'granddaughter'],
    ['之外孙子', 'grandson'],
    ['之外孙女', 'granddaughter'],
    ['之父', 'father'],
    ['之母', 'mother'],
    ['之岳父', 'parentInLaw'],
    ['之岳母', 'parentInLaw'],
    ['之公公', 'parentInLaw'],
    ['之婆婆', 'parentInLaw'],
    ['之祖父', 'grandparent'],
    ['之祖母', 'grandparent'],
    ['之外祖父', 'grandparent'],
    ['之外祖母', 'grandparent'],
    ['其他', 'other'],
  ] as const)('text %s', (text, relation) => {
    expect(parseRelation(text, 'national').relation).toBe(relation);
    expect(parseRelation(text, 'gbt4761').relation).toBe(relation);
  });

  test('a numeric cell holds the code without its leading zero', () => {
    expect(parseRelation({ v: 3, numeric: true }, 'national').relation).toBe('son');
    expect(parseRelation('3', 'national').relation).toBe('son');
  });
});

describe('GB/T 4761-2008', () => {
  test.each([
    ['01', 'head'], ['02', 'head'], ['10', 'spouse'], ['11', 'spouse'], ['12', 'spouse'],
    ['20', 'son'], ['21', 'son'], ['22', 'son'], ['23', 'son'], ['24', 'son'], ['27', 'son'], ['28', 'sonInLaw'], ['29', 'son'],
    ['30', 'daughter'], ['31', 'daughter'], ['32', 'daughter'], ['37', 'daughter'], ['38', 'daughterInLaw'], ['39', 'daughter'],
    ['40', 'grandchild'], ['41', 'grandson'], ['42', 'granddaughter'], ['43', 'grandson'], ['44', 'granddaughter'],
    ['45', 'otherRelative'], ['46', 'otherRelative'], ['47', 'otherRelative'], ['48', 'otherRelative'], ['49', 'grandchild'],
    ['50', 'parent'], ['51', 'father'], ['52', 'mother'], ['53', 'parentInLaw'], ['54', 'parentInLaw'], ['55', 'parentInLaw'],
    ['56', 'parentInLaw'], ['57', 'father'], ['58', 'mother'], ['59', 'parent'],
    ['60', 'grandparent'], ['61', 'grandparent'], ['62', 'grandparent'], ['63', 'grandparent'], ['64', 'grandparent'],
    ['65', 'otherRelative'], ['66', 'otherRelative'], ['69', 'grandparent'],
    ['70', 'sibling'], ['71', 'sibling'], ['72', 'otherRelative'], ['73', 'sibling'], ['74', 'otherRelative'],
    ['75', 'sibling'], ['76', 'otherRelative'], ['77', 'sibling'], ['78', 'otherRelative'], ['79', 'sibling'],
    ['80', 'other'], ['81', 'otherRelative'], ['90', 'otherRelative'], ['93', 'otherRelative'], ['97', 'otherRelative'],
    ['99', 'nonRelative'],
  ] as const)('code %s', (code, relation) => {
    expect(parseRelation(code, 'gbt4761').relation).toBe(relation);
  });

  test('implied sex follows the label', () => {
    expect(parseRelation('11', 'gbt4761').impliedGender).toBe('M');
    expect(parseRelation('12', 'gbt4761').impliedGender).toBe('F');
    expect(parseRelation('28', 'gbt4761').impliedGender).toBe('M');
    expect(parseRelation('38', 'gbt4761').impliedGender).toBe('F');
    expect(parseRelation('72', 'gbt4761').impliedGender).toBe('F');
    expect(parseRelation('10', 'gbt4761').impliedGender).toBeNull();
  });

  test.each([
    ['长子', 'son'], ['次子', 'son'], ['儿子', 'son'], ['子', 'son'], ['独生子', 'son'], ['养子或继子', 'son'],
    ['女儿', 'daughter'], ['长女', 'daughter'], ['女', 'daughter'], ['儿媳', 'daughterInLaw'], ['女婿', 'sonInLaw'],
    ['妻', 'spouse'], ['夫', 'spouse'], ['妻子', 'spouse'], ['父亲', 'father'], ['母亲', 'mother'], ['父母', 'parent'],
    ['孙子', 'grandson'], ['外孙女', 'granddaughter'], ['兄', 'sibling'], ['妹妹', 'sibling'], ['侄子', 'otherRelative'],
    ['非亲属', 'nonRelative'], ['之长子', 'son'], ['户主之子', 'son'], ['本人(户主)', 'head'], ['本人（户主）', 'head'],
  ] as const)('text %s', (text, relation) => {
    expect(parseRelation(text, 'gbt4761').relation).toBe(relation);
    expect(parseRelation(text, 'national').relation).toBe(relation);
  });
});

describe('colliding codes are read in the list named', () => {
  test('02 is 配偶 nationally, 户主 in GB/T 4761', () => {
    expect(parseRelation('02', 'national').relation).toBe('spouse');
    expect(parseRelation('02', 'gbt4761').relation).toBe('head');
  });
  test('10–12 differ too', () => {
    expect(parseRelation('10', 'national').relation).toBe('granddaughter');
    expect(parseRelation('10', 'gbt4761').relation).toBe('spouse');
    expect(parseRelation('11', 'national').relation).toBe('father');
    expect(parseRelation('11', 'gbt4761').relation).toBe('spouse');
    expect(parseRelation('12', 'national').relation).toBe('mother');
    expect(parseRelation('12', 'gbt4761').impliedGender).toBe('F');
  });
  test('code with label: the label wins', () => {
    expect(parseRelation('03 之子', 'national').relation).toBe('son');
    expect(parseRelation('02-户主', 'gbt4761').relation).toBe('head');
    expect(parseRelation('02配偶', 'national').relation).toBe('spouse');
  });
  test('codes outside the list and unknown text', () => {
    expect(parseRelation('21', 'national').problem).toBe('与户主关系代码“21”不在国办系统代码表中');
    expect(parseRelation('03', 'gbt4761').problem).toBe('与户主关系代码“03”不在GB/T 4761-2008代码表中');
    expect(parseRelation('邻居家', 'national').problem).toBe('无法识别的与户主关系：邻居家');
    expect(parseRelation('', 'national')).toEqual({ relation: null, impliedGender: null, problem: null });
  });
});

describe('labels, implied sex, compatibility', () => {
  const all: Relation[] = [
    'head', 'spouse', 'son', 'daughter', 'daughterInLaw', 'sonInLaw', 'grandson', 'granddaughter', 'grandchild',
    'father', 'mother', 'parent', 'parentInLaw', 'grandparent', 'sibling', 'otherRelative', 'nonRelative', 'other',
  ];
  test('every relation has a distinct Chinese label', () => {
    const labels = all.map(relationLabel);
    expect(new Set(labels).size).toBe(all.length);
    for (const l of labels) expect(l).toMatch(/[\u4e00-\u9fff]/);
  });
  test('impliedGender', () => {
    expect(impliedGender('son')).toBe('M');
    expect(impliedGender('daughterInLaw')).toBe('F');
    expect(impliedGender('spouse')).toBeNull();
    expect(impliedGender('parentInLaw')).toBeNull();
  });
  test('relationsCompatible', () => {
    expect(relationsCompatible('parent', 'father')).toBe(true);
    expect(relationsCompatible('mother', 'parent')).toBe(true);
    expect(relationsCompatible('grandchild', 'granddaughter')).toBe(true);
    expect(relationsCompatible('other', 'sibling')).toBe(true);
    expect(relationsCompatible('son', 'sonInLaw')).toBe(false);
    expect(relationsCompatible('father', 'mother')).toBe(false);
  });
});
