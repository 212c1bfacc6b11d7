import { describe, expect, it } from 'vitest';
import { niceThresholdAtIndex } from '../../../src/metrics/nice-threshold';
import { ScoreCurve } from '../../../src/metrics/score-curve';
import { initialStart, startingThreshold, startNewScores } from '../../../src/session/starting-threshold';

const curve = ScoreCurve.from([0.9, 0.7, 0.4, 0.2], [1, 1, 0, 0]);

describe('where a new set of scores starts', () => {
  it("at the cheapest operating point's readable cutoff when nothing is restored", () => {
    const start = startNewScores(initialStart(false, null), 'a.csv');
    expect(start.origin).toBe('cheapest');
    expect(startingThreshold(start.origin, curve, 1)).toBe(niceThresholdAtIndex(curve.thresholds, 1));
    expect(curve.confusionAt(startingThreshold(start.origin, curve, 1) ?? NaN).tp).toBe(1);
  });

  it("keeps a link's threshold for the first score set only", () => {
    const first = startNewScores(initialStart(true, null), 'a.csv');
    expect(first.origin).toBe('restored');
    expect(startingThreshold(first.origin, curve, 2)).toBeNull();
    expect(startNewScores(first, 'b.csv').origin).toBe('cheapest');
  });

  it('restores a saved threshold for the same file only, and once', () => {
    expect(startNewScores(initialStart(false, 'a.csv'), 'a.csv').origin).toBe('restored');
    expect(startNewScores(initialStart(false, 'a.csv'), 'b.csv').origin).toBe('cheapest');
    expect(startNewScores(startNewScores(initialStart(false, 'a.csv'), 'a.csv'), 'a.csv').origin).toBe('cheapest');
  });
});
