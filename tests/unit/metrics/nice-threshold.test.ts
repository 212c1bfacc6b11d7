import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceThresholdAtIndex } from '../../../src/metrics/nice-threshold';

describe('niceThresholdAtIndex', () => {
  it('picks the shortest decimal between neighbouring scores', () => {
    const t = [0.93, 0.71234, 0.7, 0.2];
    expect(niceThresholdAtIndex(t, 0)).toBe(1);
    expect(niceThresholdAtIndex(t, 1)).toBe(0.9);
    expect(niceThresholdAtIndex(t, 2)).toBe(0.71);
    expect(niceThresholdAtIndex(t, 3)).toBe(0.7);
    expect(niceThresholdAtIndex(t, 4)).toBe(0);
  });

  it('goes above 1 only when the top score is 1', () => {
    expect(niceThresholdAtIndex([1, 0.5], 0)).toBe(2);
  });

  it('always selects exactly the first k distinct scores', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), (values) => {
        const thresholds = Float64Array.from(values).sort().reverse();
        for (let k = 0; k <= thresholds.length; k++) {
          const t = niceThresholdAtIndex(thresholds, k);
          const selected = thresholds.filter((s) => s >= t).length;
          expect(selected).toBe(k);
        }
      }),
    );
  });
});
