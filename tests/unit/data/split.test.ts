import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { stratifiedSplit } from '../../../src/data/split';

const isAscending = (a: Uint32Array): boolean => a.every((v, i) => i === 0 || a[i - 1] < v);

describe('stratifiedSplit', () => {
  test('keeps each class share and partitions the rows', () => {
    const labels = new Uint8Array(1000).map((_, i) => (i % 10 === 0 ? 1 : 0)); // 100 positives
    const { train, validation } = stratifiedSplit(labels, 0.2, 42);
    expect(validation.length).toBe(200);
    expect(train.length).toBe(800);
    expect(Array.from(validation).filter((i) => labels[i] === 1).length).toBe(20);
    expect(isAscending(train) && isAscending(validation)).toBe(true);
    const all = new Set([...train, ...validation]);
    expect(all.size).toBe(1000);
  });

  test('is deterministic for a seed and changes with it', () => {
    const labels = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 1 : 0));
    const a = stratifiedSplit(labels, 0.25, 7);
    const b = stratifiedSplit(labels, 0.25, 7);
    const c = stratifiedSplit(labels, 0.25, 8);
    expect(Array.from(a.validation)).toEqual(Array.from(b.validation));
    expect(Array.from(a.validation)).not.toEqual(Array.from(c.validation));
  });

  test('gives every class with two or more rows a validation row; a single row stays in training', () => {
    // 2 positives in 50 rows: round(2 × 0.1) = 0, raised to 1.
    const labels = new Uint8Array(50);
    labels[3] = 1;
    labels[40] = 1;
    const { train, validation } = stratifiedSplit(labels, 0.1, 1);
    expect(Array.from(validation).filter((i) => labels[i] === 1).length).toBe(1);
    expect(Array.from(train).filter((i) => labels[i] === 1).length).toBe(1);

    const single = new Uint8Array(10);
    single[5] = 1;
    const s = stratifiedSplit(single, 0.5, 1);
    expect(Array.from(s.train)).toContain(5);
  });

  test('never puts a whole class into validation', () => {
    const labels = Uint8Array.from([1, 1, 0, 0, 0]);
    const { train } = stratifiedSplit(labels, 0.9, 3);
    expect(Array.from(train).some((i) => labels[i] === 1)).toBe(true);
    expect(Array.from(train).some((i) => labels[i] === 0)).toBe(true);
  });

  test('rejects fractions outside (0, 1)', () => {
    const labels = new Uint8Array(4);
    for (const f of [0, 1, -0.1, NaN]) expect(() => stratifiedSplit(labels, f, 1)).toThrow(RangeError);
  });

  test('property: partition, sorted, stratified within one row per class', () => {
    fc.assert(
      fc.property(fc.uint8Array({ min: 0, max: 2, maxLength: 300 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.integer(), (labels, fraction, seed) => {
        const { train, validation } = stratifiedSplit(labels, fraction, seed);
        expect(train.length + validation.length).toBe(labels.length);
        expect(new Set([...train, ...validation]).size).toBe(labels.length);
        expect(isAscending(train) && isAscending(validation)).toBe(true);
        for (const c of [0, 1, 2]) {
          const count = labels.filter((v) => v === c).length;
          const inValidation = Array.from(validation).filter((i) => labels[i] === c).length;
          if (count >= 2) {
            expect(inValidation).toBeGreaterThanOrEqual(1);
            expect(inValidation).toBeLessThanOrEqual(count - 1);
            expect(Math.abs(inValidation - count * fraction)).toBeLessThanOrEqual(1);
          } else {
            expect(inValidation).toBe(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
