import { describe, expect, it } from 'vitest';
import { decisionCurve, defaultDecisionGrid, ScoreCurve } from '../../../src/metrics';

describe('decisionCurve', () => {
  const curve = ScoreCurve.from([0.9, 0.7, 0.4, 0.2, 0.1], [1, 1, 0, 1, 0]);

  it('computes net benefit, treat-all and treat-none', () => {
    const dc = decisionCurve(curve, [0.25, 0.5]);
    // p_t = 0.25 (odds 1/3): flagged 0.9, 0.7, 0.4 → tp 2, fp 1 of 5.
    expect(dc.netBenefit[0]).toBeCloseTo(2 / 5 - (1 / 5) * (1 / 3), 15);
    expect(dc.treatAll[0]).toBeCloseTo(3 / 5 - (2 / 5) * (1 / 3), 15);
    // p_t = 0.5 (odds 1): tp 2, fp 0.
    expect(dc.netBenefit[1]).toBeCloseTo(2 / 5, 15);
    expect(dc.treatAll[1]).toBeCloseTo(1 / 5, 15);
    expect(Array.from(dc.treatNone)).toEqual([0, 0]);
  });

  it('re-weights to an assumed prevalence', () => {
    const dc = decisionCurve(curve, [0.25], 0.1);
    // TPR 2/3, FPR 1/2.
    expect(dc.netBenefit[0]).toBeCloseTo(0.1 * (2 / 3) - 0.9 * 0.5 * (1 / 3), 15);
    expect(dc.treatAll[0]).toBeCloseTo(0.1 - 0.9 / 3, 15);
  });

  it('uses a 0.01 … 0.99 grid by default and NaN outside (0, 1)', () => {
    const grid = defaultDecisionGrid();
    expect(grid.length).toBe(99);
    expect(grid[0]).toBe(0.01);
    expect(grid[98]).toBe(0.99);
    const dc = decisionCurve(curve, [0, 1, 0.5]);
    expect(dc.netBenefit[0]).toBeNaN();
    expect(dc.treatAll[1]).toBeNaN();
    expect(dc.netBenefit[2]).not.toBeNaN();
  });
});
