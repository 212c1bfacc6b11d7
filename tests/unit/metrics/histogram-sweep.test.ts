import { describe, expect, it } from 'vitest';
import { ScoreCurve } from '../../../src/metrics';
import { classHistogram } from '../../../src/metrics/histogram';
import { thresholdSweep } from '../../../src/metrics/threshold-sweep';

const scores = [0.05, 0.05, 0.3, 0.55, 0.55, 0.9, 1];
const labels = [0, 1, 0, 1, 0, 1, 1];

describe('classHistogram', () => {
  it('counts each class per bin, the top score in the last bin', () => {
    const h = classHistogram(ScoreCurve.from(scores, labels), 4);
    expect(Array.from(h.edges)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(h.positives)).toEqual([1, 0, 1, 2]);
    expect(Array.from(h.negatives)).toEqual([1, 1, 1, 0]);
  });

  it('uses the weights', () => {
    const h = classHistogram(ScoreCurve.from([0.1, 0.1, 0.8], [1, 0, 0], [3, 2, 5]), 2);
    expect(Array.from(h.positives)).toEqual([3, 0]);
    expect(Array.from(h.negatives)).toEqual([2, 5]);
  });
});

describe('thresholdSweep', () => {
  it('matches brute force at every grid threshold', () => {
    const curve = ScoreCurve.from(scores, labels);
    const sweep = thresholdSweep(curve, { costFp: 1, costFn: 5 }, undefined, 10);
    for (let i = 0; i < sweep.thresholds.length; i++) {
      const t = sweep.thresholds[i];
      const tp = scores.filter((s, j) => s >= t && labels[j] === 1).length;
      const fp = scores.filter((s, j) => s >= t && labels[j] === 0).length;
      const fn = 4 - tp;
      expect(sweep.recall[i]).toBeCloseTo(tp / 4, 12);
      expect(sweep.precision[i]).toBeCloseTo(tp + fp > 0 ? tp / (tp + fp) : 0, 12);
      expect(sweep.queueRate[i]).toBeCloseTo((tp + fp) / 7, 12);
      expect(sweep.expectedCost[i]).toBeCloseTo((fp + 5 * fn) / 7, 12);
    }
  });
});
