import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { pack, transferables, unpack, type Packed } from '../../src/io/pack.js';

/** Packs, sends through a real message port (buffers moved) and unpacks. */
function roundTrip(value: unknown): unknown {
  const { port1, port2 } = new MessageChannel();
  const p = pack(value);
  port1.postMessage(p, transferables(p));
  expect(p.ints.byteLength).toBe(0); // moved, not copied
  const got = receiveMessageOnPort(port2)?.message as Packed;
  port1.close();
  return unpack(got);
}

describe('pack / unpack', () => {
  it('gives back records equal in content', () => {
    const id = { raw: '11010519491231002X', status: 'valid', id: '11010519491231002X', cleaned: '11010519491231002X', prefix15: null, birthDate: '1949-12-31' };
    const records = [
      { name: '张三', idNumber: id, size: 3, income: 12345.67, share: -0, missing: undefined, flag: true, off: false, none: null, loc: { file: 'a.xlsx', sheet: 'Sheet1', row: 2 }, problems: [] },
      { name: 'Ōno 𠀀', idNumber: id, size: -2147483648, income: Number.NaN, share: 2 ** 40, missing: undefined, flag: false, off: true, none: null, loc: { file: 'a.xlsx', sheet: 'Sheet1', row: 3 }, problems: [{ field: 'idNumber', message: '校验位错误', value: '' }] },
      { other: 'shape', list: [1, 'two', [3, [4]], { deep: { deeper: '深' } }], empty: '', text: 'ascii and 中文 mixed\nline\t\0end' },
    ];
    const back = roundTrip(records) as typeof records;
    expect(back).toEqual(records);
    expect(Object.is(back[0].share, -0)).toBe(true);
    expect(Number.isNaN(back[1].income)).toBe(true);
    expect(Object.keys(back[0])).toEqual(Object.keys(records[0]));
    expect('missing' in back[0]).toBe(true);
  });

  it('sends a value repeated in one place once, and equal strings once', () => {
    const health = { healthy: true };
    const id = { cleaned: '110105194912310021', status: 'valid' };
    const back = roundTrip([
      { health, idNumber: id, father: null },
      { health, idNumber: { cleaned: 'x' }, father: id },
      { health, idNumber: id, father: null },
    ]) as { health: object; idNumber: object; father: object | null }[];
    expect(back[1].health).toBe(back[0].health);
    expect(back[2].health).toBe(back[0].health);
    // Reached again elsewhere: an equal copy.
    expect(back[1].father).toEqual(back[0].idNumber);
    expect(back[2].idNumber).toEqual(back[0].idNumber);
    const p = pack(['村委会', '村委会', 'x', 'x', '村委会']);
    expect(p.lengths.length).toBe(2);
    expect(p.latin).toBe('x');
    expect(p.wide).toBe('村委会');
  });

  it('refuses what is not plain data instead of changing it', () => {
    expect(() => pack([new Map()])).toThrow(/not plain data/);
    expect(() => pack({ when: new Date(0) })).toThrow(/not plain data/);
    expect(() => pack({ f: () => 1 })).toThrow(/not plain data/);
    expect(() => pack({ n: 10n })).toThrow(/not plain data/);
    expect(() => pack(JSON.parse('{"__proto__": 1}'))).toThrow(/__proto__/);
  });

  it('packs a large list the same after a round trip', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ row: i, name: `户主${String(i % 977)}`, id: String(110105194912310000n + BigInt(i)), ratio: i / 7 }));
    expect(roundTrip(rows)).toEqual(rows);
  });
});
