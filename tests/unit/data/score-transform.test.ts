import { describe, expect, it } from 'vitest';
import { looksLikePercent, rescaleScores } from '../../../src/data/score-transform';
import { rawThreshold } from './raw-threshold';

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

  it('divides percent scores by 100, which keeps what a threshold means, and maps back', () => {
    const { scores, transform } = rescaleScores(Float64Array.from([0, 30, 85]), 'percent', 's');
    expect(Array.from(scores)).toEqual([0, 0.3, 0.85]);
    expect(transform).toEqual({ kind: 'divide', by: 100 });
    expect(rawThreshold(0.3, transform)).toBe(30);
    expect(() => rescaleScores(Float64Array.from([5, 120]), 'percent', 's')).toThrow(/outside 0–100/);
  });

  it('takes scores on 0–100 for percentages, not margins or ratings', () => {
    expect(looksLikePercent(Float64Array.from([3, 55, 97.5, Number.NaN]))).toBe(true);
    expect(looksLikePercent(Float64Array.from([0.2, 1.7]))).toBe(false);
    expect(looksLikePercent(Float64Array.from([-3, 50]))).toBe(false);
    expect(looksLikePercent(Float64Array.from([20, 130]))).toBe(false);
  });
});
