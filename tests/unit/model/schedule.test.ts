import { describe, expect, it } from 'vitest';
import { adaptiveBatchSize, adaptiveEpochs, BATCH_RANGE, EPOCH_RANGE, ROW_BUDGET, TARGET_STEPS, trainingRowCount, trainingSchedule } from '../../../src/model/schedule';

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
    for (const patience of [0, 5]) {
      for (const n of [40, 320, 1000, 8946, 160_000]) {
        const s = trainingSchedule(n, null, null, patience);
        expect(s.stepsPerEpoch).toBe(Math.ceil(n / s.batchSize));
        expect(s.steps).toBe(s.stepsPerEpoch * s.epochs);
        if (s.epochs < EPOCH_RANGE[1]) expect(s.steps).toBeGreaterThanOrEqual(TARGET_STEPS);
        expect(s.epochs).toBeGreaterThanOrEqual(EPOCH_RANGE[0]);
      }
    }
    expect(adaptiveEpochs(320, 32, false)).toBe(60);
  });

  it('lets early stopping end a small run: the ceiling grants ROW_BUDGET rows seen (issue 23)', () => {
    for (const n of [320, 1200, 3200, 8946, 40_000, 100_000]) {
      const s = trainingSchedule(n, null, null, 5);
      expect(s.epochs * n).toBeGreaterThanOrEqual(Math.min(ROW_BUDGET, EPOCH_RANGE[1] * n));
      expect(s.epochs).toBeLessThanOrEqual(EPOCH_RANGE[1]);
    }
    // 1,500 and 4,000 labelled rows: 16 and 12 epochs before, now up to 300.
    expect(adaptiveEpochs(1200, 32, true)).toBe(300);
    expect(adaptiveEpochs(3200, 64, true)).toBe(300);
    expect(adaptiveEpochs(20_000, 512, true)).toBe(80);
    // Without early stopping the count is the run's length: it stays what the steps ask for.
    expect(adaptiveEpochs(1200, 32, false)).toBe(16);
  });

  it('leaves the 200,000-row case as it was: 10 epochs of 313 steps of 512', () => {
    // 200,000 rows, 20% held out: 160,000 training rows. The schedule from before the row
    // budget is the one without early stopping (TARGET_STEPS and the epoch floor alone).
    const before = trainingSchedule(160_000, null, null, 0);
    expect(before).toEqual({ batchSize: 512, epochs: 10, stepsPerEpoch: 313, steps: 3130 });
    expect(trainingSchedule(trainingRowCount(200_000, 'holdout', 5, 0.2), null, null, 5)).toEqual(before);
    for (const n of [160_000, 400_000, 1e7]) expect(trainingSchedule(n, null, null, 5)).toEqual(trainingSchedule(n, null, null, 0));
  });

  it('keeps what the user set', () => {
    expect(trainingSchedule(320, 8, 3, 5)).toEqual({ batchSize: 8, epochs: 3, stepsPerEpoch: 40, steps: 120 });
  });

  it('counts the rows one model trains on', () => {
    expect(trainingRowCount(400, 'holdout', 5, 0.2)).toBe(320);
    expect(trainingRowCount(400, 'cv', 5, 0.2)).toBe(320);
    expect(trainingRowCount(1003, 'cv', 4, 0.2)).toBe(752);
  });
});
