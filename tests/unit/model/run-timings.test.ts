import { describe, expect, test } from 'vitest';
import { runSeconds, TIMING_PARTS, timingParts, type RunTiming } from '../../../src/model/run-timings';

const timing: RunTiming = {
  clickedAt: 1000,
  sentAt: 1040,
  answeredAt: 1900,
  worker: { receivedAt: 1060, postedAt: 1895, backendMs: 1, splitMs: 9, preprocessMs: 50, setupMs: 5, trainMs: 600, validationMs: 100, finishMs: 20 },
};

describe('timingParts', () => {
  test('splits the run into its parts, in order, adding up to the click-to-answer time', () => {
    const parts = timingParts(timing);
    expect(Object.keys(parts)).toEqual(TIMING_PARTS);
    expect(parts.page).toBeCloseTo(0.04, 12);
    expect(parts['to worker']).toBeCloseTo(0.02, 12);
    expect(parts['rest in worker']).toBeCloseTo(0.05, 12);
    expect(parts['to page']).toBeCloseTo(0.005, 12);
    expect(Object.values(parts).reduce((s, v) => s + v, 0)).toBeCloseTo(runSeconds(timing), 12);
    expect(runSeconds(timing)).toBeCloseTo(0.9, 12);
  });

  test('shows no part below zero when the two threads clocks disagree slightly', () => {
    const skewed = { ...timing, worker: { ...timing.worker, receivedAt: 1039.8 } };
    expect(timingParts(skewed)['to worker']).toBe(0);
  });
});
