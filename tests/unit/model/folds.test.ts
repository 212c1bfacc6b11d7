import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldSplit, stratifiedFolds } from '../../../src/model/folds';

const labelsArb = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 10, maxLength: 300 }).map((a) => Uint8Array.from(a));

describe('stratifiedFolds', () => {
  test('stratified: each class is spread over the folds within one row', () => {
    fc.assert(
      fc.property(labelsArb, fc.integer({ min: 2, max: 10 }), fc.integer(), (labels, k, seed) => {
        const foldOf = stratifiedFolds(labels, k, seed);
        for (const c of [0, 1]) {
          const counts = new Array<number>(k).fill(0);
          labels.forEach((l, i) => l === c && counts[foldOf[i]]++);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  test('disjoint folds that cover every row exactly once', () => {
    fc.assert(
      fc.property(labelsArb, fc.integer({ min: 2, max: 10 }), fc.integer(), (labels, k, seed) => {
        const foldOf = stratifiedFolds(labels, k, seed);
        const seen = new Uint8Array(labels.length);
        for (let f = 0; f < k; f++) {
          const { train, validation } = foldSplit(foldOf, f);
          expect(train.length + validation.length).toBe(labels.length);
          expect(validation.every((i) => !train.includes(i))).toBe(true);
          validation.forEach((i) => seen[i]++);
        }
        expect(seen.every((s) => s === 1)).toBe(true);
      }),
    );
  });

  test('seeded: the same seed gives the same folds, another seed others', () => {
    const labels = Uint8Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? 1 : 0));
    expect(stratifiedFolds(labels, 5, 42)).toEqual(stratifiedFolds(labels, 5, 42));
    expect(stratifiedFolds(labels, 5, 42)).not.toEqual(stratifiedFolds(labels, 5, 43));
    expect(() => stratifiedFolds(labels, 1, 42)).toThrow(RangeError);
  });
});
