import { describe, expect, test } from 'vitest';
import { adviseWeight, bestSweepPoint, nearestSweepPoint } from '../../../src/model/sweep-advice';
import type { SweepPoint } from '../../../src/engine/protocol';

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
    expect(nearestSweepPoint(sweep, 500)?.posWeight).toBe(32); // beyond the sweep: its heaviest weight
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
      'The sweep measured precision 0.100 at threshold 0.5 for pos_weight 32.0, against 0.500 for pos_weight 4.00, the best PR-AUC (recall 0.950 vs 0.600): this weight collapses precision at this threshold.',
      'Its validation PR-AUC (0.500) is lower than at pos_weight 4.00 (0.620).',
    ]);
    // Beyond the sweep, its heaviest weight is the evidence, and the rule of thumb applies too.
    expect(adviseWeight(200, 16, sweep, 0.5)).toHaveLength(3);
    expect(adviseWeight(200, 16, sweep, 0.5)[1]).toMatch(/^The sweep measured precision 0\.100 at threshold 0\.5 for pos_weight 32\.0 \(the nearest weight swept to 200\.0\)/);
    // A weight of 1 is precise at 0.5 but is not the reference: no warning for the best weight itself.
    expect(adviseWeight(4, 16, sweep, 0.5)).toEqual([]);
  });
});
