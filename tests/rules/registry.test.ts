/** The rule index: every rule registered once, with an id a newcomer can find and Chinese metadata. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { CATEGORIES } from '../../src/model/finding.js';

const CHINESE = /[\u4e00-\u9fff]/;

describe('rule index', () => {
  it('ids are unique and name their module file', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z-]+\/[a-z0-9-]+$/);
      expect(existsSync(`src/rules/${id}.ts`), id).toBe(true);
    }
  });

  it('every rule has a category, a Chinese title and explanation', () => {
    for (const r of RULES) {
      expect(CATEGORIES).toContain(r.category);
      expect(r.title, r.id).toMatch(CHINESE);
      expect(r.description, r.id).toMatch(CHINESE);
    }
  });

  it('covers every finding category', () => {
    expect(new Set(RULES.map((r) => r.category))).toEqual(new Set(CATEGORIES));
  });
});
