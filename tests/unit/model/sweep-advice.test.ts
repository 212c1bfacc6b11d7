import { describe, expect, test } from 'vitest';
import { adviseWeight, bestSweepPoint, nearestSweepPoint } from '../../../src/model/sweep-advice';
import type { SweepPoint } from '../../../src/protocol';

const point = (posWeight: number, prAuc: number, precision: number, recall: number): SweepPoint => ({
  posWeight,
  focalAlpha: null,
  prAuc,
  rocAuc: 0.9,
  precision,
  recall,
  bestEpoch: 3,
  epochsRun: 5,
});
const sweep = [point(1, 0.6, 0.8, 0.3), point(4, 0.62, 0.5, 0.6), point(16, 0.55, 0.2, 0.9), point(32, 0.5, 0.1, 0.95)];

describe('sweep advice', () => {
  test('nearest and best points', () => {
    expect(nearestSweepPoint(sweep, 20)?.posWeight).toBe(16);
    expect(nearestSweepPoint(sweep, 8)).toBeNull(); // twice away from both 4 and 16
    expect(bestSweepPoint(sweep)?.posWeight).toBe(4);
    expect(bestSweepPoint([])).toBeNull();
  });

  test('no warning for a moderate weight the sweep found fine', () => {
    expect(adviseWeight(4, 16, sweep, 0.5)).toEqual([]);
    expect(adviseWeight(null, 16, sweep, 0.5)).toEqual([]);
  });

  test('the rule of thumb alone before a sweep', () => {
    expect(adviseWeight(80, 16, [], 0.5)).toEqual(['pos_weight 80.0 is far above the class ratio (16.0): training may be unstable and precision may collapse.']);
  });

  test('evidence from the sweep: collapsed precision and a lower PR-AUC', () => {
    expect(adviseWeight(32, 16, sweep, 0.5)).toEqual([
      'The sweep measured precision 0.100 at threshold 0.5 for pos_weight 32.0, against 0.800 for pos_weight 1.00 (recall 0.950 vs 0.300): this weight collapses precision at this threshold.',
      'Its validation PR-AUC (0.500) is lower than at pos_weight 4.00 (0.620).',
    ]);
  });
});
