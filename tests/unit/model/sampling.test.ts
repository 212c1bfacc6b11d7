import { describe, expect, test } from 'vitest';
import { epochOrder } from '../../../src/model/sampling';
import { mulberry32 } from '../../../src/data/random';

describe('epochOrder', () => {
  test('without oversampling: a seeded permutation of every row', () => {
    const a = epochOrder(10, Uint32Array.from([1, 4]), 1, mulberry32(3));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a).toEqual(epochOrder(10, Uint32Array.from([1, 4]), 1, mulberry32(3)));
  });

  test('with oversampling w: every positive ⌊w⌋ times, a (w − ⌊w⌋) share once more', () => {
    const positives = Uint32Array.from([0, 2, 4, 6]);
    const order = epochOrder(10, positives, 2.5, mulberry32(1));
    const count = (r: number): number => order.filter((v) => v === r).length;
    expect(order.length).toBe(10 + 4 + 2);
    expect(positives.reduce((s, r) => s + count(r), 0)).toBe(10);
    for (const r of positives) expect([2, 3]).toContain(count(r));
    for (const r of [1, 3, 5, 7, 8, 9]) expect(count(r)).toBe(1);
  });
});
