import { describe, expect, test } from 'vitest';
import { optionsForWeight, sweepWeights } from '../../../src/model/sweep';
import { DEFAULT_TRAIN_OPTIONS } from '../../../src/session/settings';

describe('sweepWeights', () => {
  test('1, √r, r and 2r, without near-duplicates', () => {
    expect(sweepWeights(16)).toEqual([1, 4, 16, 32]);
    expect(sweepWeights(1.02)).toEqual([1, 2.04]);
  });
});

describe('optionsForWeight', () => {
  test('sets pos_weight, or for the focal loss the α with the same class-weight ratio', () => {
    expect(optionsForWeight(DEFAULT_TRAIN_OPTIONS, 3).posWeight).toBe(3);
    const focal = optionsForWeight({ ...DEFAULT_TRAIN_OPTIONS, loss: 'focal' }, 3);
    expect(focal.focalAlpha).toBe(0.75);
    expect(focal.posWeight).toBeNull();
  });
});
