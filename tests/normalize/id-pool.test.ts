/** The run's ID pool: one result per ID text, never a number cell's result for a text cell. */
import { describe, expect, it } from 'vitest';
import { IdPool, isIdResult, normalizeId } from '../../src/normalize/id.js';

const ID = '360426199101010071';

describe('IdPool', () => {
  it('gives one result for every cell of the same text, equal to judging the cell alone', () => {
    const pool = new IdPool();
    const a = pool.normalize({ v: ID });
    const b = pool.normalize({ v: `${ID}` });
    expect(a).toBe(b);
    expect(a).toEqual(normalizeId({ v: ID }));
    const bad = pool.normalize({ v: ' 36042619910101007X ' });
    expect(bad).toEqual(normalizeId({ v: ' 36042619910101007X ' }));
    expect(bad.status).toBe('badCheck');
  });

  it('judges number cells alone: their result is not a text cell\'s', () => {
    const pool = new IdPool();
    const fromNumber = pool.normalize({ v: 360426199101010071, numeric: true });
    expect(fromNumber.status).toBe('damaged');
    const fromText = pool.normalize({ v: fromNumber.raw });
    expect(fromText).toEqual(normalizeId({ v: fromNumber.raw }));
    expect(fromText.status).not.toBe('damaged');
  });

  it('shares results judged elsewhere when they are equal, and keeps a number cell\'s result apart', () => {
    const pool = new IdPool();
    const copy = structuredClone(normalizeId(ID));
    expect(pool.share(copy)).toBe(copy);
    // Now in the pool: a text cell of that text gets it, and so does an equal copy.
    expect(pool.normalize({ v: ID })).toBe(copy);
    expect(pool.share(structuredClone(copy))).toBe(copy);
    const damaged = normalizeId({ v: 360426199101010071, numeric: true });
    const other = structuredClone(damaged);
    expect(pool.share(other)).toBe(other);
    // A damaged result never joins the pool under its text.
    expect(pool.normalize({ v: damaged.raw }).status).not.toBe('damaged');
    expect(isIdResult(copy)).toBe(true);
    expect(isIdResult({ raw: ID })).toBe(false);
  });

  it('stops pooling at its limit and still judges every cell', () => {
    const pool = new IdPool(2);
    const ids = ['360426199101010071', '36042619910101007X', '110102199101010078'];
    const first = ids.map((id) => pool.normalize({ v: id }));
    const again = ids.map((id) => pool.normalize({ v: id }));
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    expect(again[2]).not.toBe(first[2]);
    expect(again[2]).toEqual(first[2]);
    expect(again).toEqual(ids.map((id) => normalizeId({ v: id })));
  });
});
