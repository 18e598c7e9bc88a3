import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/normalize/remembered.js';

describe('remembered', () => {
  it('answers as the function does, asking it once per text until the bound is reached, then starting over', () => {
    const asked: string[] = [];
    const upper = remembered((s) => {
      asked.push(s);
      return s.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(asked).toEqual(['a', 'b']);
    // A third text: the two remembered are forgotten, the third kept.
    expect(upper('c')).toBe('C');
    expect([upper('c'), upper('a')]).toEqual(['C', 'A']);
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
