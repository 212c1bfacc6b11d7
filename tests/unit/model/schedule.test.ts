import { describe, expect, it } from 'vitest';
import { adaptiveBatchSize, adaptiveEpochs, BATCH_RANGE, EPOCH_RANGE, TARGET_STEPS, trainingRowCount, trainingSchedule } from '../../../src/model/schedule';

describe('training schedule', () => {
  it('picks a power of two near n/50, within 32–512', () => {
    expect(adaptiveBatchSize(320)).toBe(32);
    expect(adaptiveBatchSize(8946)).toBe(128); // 179 rows per step: 2^7.5 rounds to 2^7
    expect(adaptiveBatchSize(16_000)).toBe(256);
    expect(adaptiveBatchSize(160_000)).toBe(512);
    for (const n of [1, 10, 999, 12_345, 1e7]) {
      const b = adaptiveBatchSize(n);
      expect(Math.log2(b) % 1).toBe(0);
      expect(b).toBeGreaterThanOrEqual(BATCH_RANGE[0]);
      expect(b).toBeLessThanOrEqual(BATCH_RANGE[1]);
    }
  });

  it('gives every default run at least the target steps unless the epoch cap binds', () => {
    for (const n of [40, 320, 1000, 8946, 160_000]) {
      const s = trainingSchedule(n, null, null);
      expect(s.stepsPerEpoch).toBe(Math.ceil(n / s.batchSize));
      expect(s.steps).toBe(s.stepsPerEpoch * s.epochs);
      if (s.epochs < EPOCH_RANGE[1]) expect(s.steps).toBeGreaterThanOrEqual(TARGET_STEPS);
      expect(s.epochs).toBeGreaterThanOrEqual(EPOCH_RANGE[0]);
    }
    expect(adaptiveEpochs(320, 32)).toBe(60);
  });

  it('keeps what the user set', () => {
    expect(trainingSchedule(320, 8, 3)).toEqual({ batchSize: 8, epochs: 3, stepsPerEpoch: 40, steps: 120 });
  });

  it('counts the rows one model trains on', () => {
    expect(trainingRowCount(400, 'holdout', 5, 0.2)).toBe(320);
    expect(trainingRowCount(400, 'cv', 5, 0.2)).toBe(320);
    expect(trainingRowCount(1003, 'cv', 4, 0.2)).toBe(752);
  });
});
