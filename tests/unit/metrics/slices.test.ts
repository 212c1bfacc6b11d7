import { describe, expect, it } from 'vitest';
import { sliceCurves } from '../../../src/metrics/slices';

describe('sliceCurves', () => {
  it('builds one curve per group with cases, leaving ungrouped rows out', () => {
    const scores = [0.9, 0.8, 0.3, 0.7, 0.2, 0.6];
    const labels = [1, 0, 1, 1, 0, 0];
    const groups = [0, 0, 0, 2, 2, -1];
    const slices = sliceCurves(scores, labels, null, groups, ['a', 'b', 'c']);
    expect(slices.map((s) => s.level)).toEqual(['a', 'c']);
    expect(slices[0].curve.confusionAt(0.5)).toEqual({ tp: 1, fp: 1, tn: 0, fn: 1 });
    expect(slices[1].curve.confusionAt(0.5)).toEqual({ tp: 1, fp: 0, tn: 1, fn: 0 });
  });
});
