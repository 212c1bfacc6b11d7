import { describe, expect, it } from 'vitest';
import { rawThreshold, rescaleScores } from '../../../src/data/score-transform';

describe('score rescaling', () => {
  it('maps min-max and back', () => {
    const { scores, transform } = rescaleScores(Float64Array.from([10, 20, 30]), 'min-max', 's');
    expect(Array.from(scores)).toEqual([0, 0.5, 1]);
    expect(rawThreshold(0.25, transform)).toBe(15);
  });

  it('maps logits through the sigmoid and back', () => {
    const { scores, transform } = rescaleScores(Float64Array.from([-1, 0, 3]), 'sigmoid', 's');
    expect(scores[1]).toBe(0.5);
    expect(rawThreshold(scores[2], transform)).toBeCloseTo(3, 12);
  });

  it('refuses constant scores for min-max', () => {
    expect(() => rescaleScores(Float64Array.from([4, 4]), 'min-max', 's')).toThrow(/Every score in "s" is 4/);
  });
});
