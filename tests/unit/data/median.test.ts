import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, select } from '../../../src/data/median';

/** numpy's median: sort, then the middle value or the mean of the two middle values. */
function sortedMedian(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

// Few distinct values and long runs of ties are where a partition goes wrong.
const cells = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.integer({ min: -3, max: 3 })).map((v) => v + 0); // + 0 turns −0 into 0: the sort keeps ties in order, the selection need not

describe('median', () => {
  it('is NaN for no values, the value for one', () => {
    expect(median(new Float64Array(0))).toBeNaN();
    expect(median(Float64Array.of(4))).toBe(4);
    expect(median(Float64Array.of(1, 2))).toBe(1.5);
  });

  it('equals the sorted middle on any input, large ones included (the Floyd–Rivest window)', () => {
    fc.assert(
      fc.property(fc.array(cells, { minLength: 1, maxLength: 3000 }), (values) => {
        expect(median(Float64Array.from(values))).toBe(sortedMedian(values));
      }),
      { numRuns: 300 },
    );
  });

  it('selects any rank: smaller values before it, larger after', () => {
    fc.assert(
      fc.property(fc.array(cells, { minLength: 1, maxLength: 2000 }), fc.nat(), (values, r) => {
        const k = r % values.length;
        const a = Float64Array.from(values);
        select(a, k, 0, a.length - 1);
        const sorted = [...values].sort((x, y) => x - y);
        expect(a[k]).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k]);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(a[k]);
      }),
      { numRuns: 200 },
    );
  });

  it('handles sorted, reversed and constant columns of 100,000 rows', () => {
    const n = 100_000;
    expect(median(Float64Array.from({ length: n }, (_, i) => i))).toBe((n / 2 - 1 + n / 2) / 2);
    expect(median(Float64Array.from({ length: n + 1 }, (_, i) => n - i))).toBe(n / 2);
    expect(median(new Float64Array(n).fill(7))).toBe(7);
  });
});
