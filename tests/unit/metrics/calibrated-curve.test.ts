import { describe, expect, it } from 'vitest';
import { ScoreCurve } from '../../../src/metrics';
import { calibratedCurve, rawIndexForCalibrated } from '../../../src/metrics/calibrated-curve';
import { fitIsotonic, isotonicPredict } from '../../../src/metrics/isotonic';
import { calibrateCurve, fitCalibration, rawIndexForMapped } from '../../../src/metrics/calibration-method';
import { reliabilityBins } from '../../../src/metrics/reliability';
import { mulberry32 } from '../../../src/data/random';

const scores = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1];
const labels = [1, 1, 0, 1, 0, 1, 0, 0];

describe('calibrated curve', () => {
  it('keeps the totals and merges scores the map makes equal', () => {
    const curve = ScoreCurve.from(scores, labels);
    const coarse = calibratedCurve(curve, (s) => (s >= 0.5 ? 0.75 : 0.25));
    expect(coarse.size).toBe(2);
    expect(coarse.positives).toBe(4);
    expect(coarse.negatives).toBe(4);
    expect(coarse.confusionAt(0.5)).toEqual({ tp: 3, fp: 1, tn: 3, fn: 1 });
  });

  it('isotonic calibration matches a brute-force mapping of every row', () => {
    const curve = ScoreCurve.from(scores, labels);
    const map = fitIsotonic(curve);
    const calibrate = (s: number) => isotonicPredict(map, s);
    const viaCurve = calibratedCurve(curve, calibrate);
    const viaRows = ScoreCurve.from(scores.map(calibrate), labels);
    expect(Array.from(viaCurve.thresholds)).toEqual(Array.from(viaRows.thresholds));
    expect(Array.from(viaCurve.cumTp)).toEqual(Array.from(viaRows.cumTp));
  });

  it('finds the raw operating point of a calibrated threshold', () => {
    const curve = ScoreCurve.from(scores, labels);
    const calibrate = (s: number) => s / 2;
    expect(rawIndexForCalibrated(curve, calibrate, 0.35)).toBe(3);
    expect(rawIndexForCalibrated(curve, calibrate, 0.36)).toBe(2);
    expect(rawIndexForCalibrated(curve, calibrate, 0)).toBe(8);
    expect(rawIndexForCalibrated(curve, calibrate, 0.9)).toBe(0);
  });
});

describe('calibrateCurve (what the metrics worker sends the calibration view)', () => {
  const random = mulberry32(5);
  const labels = Array.from({ length: 3000 }, () => (random() < 0.25 ? 1 : 0));
  const scores = labels.map((y) => Math.round(Math.min(1, Math.max(0, 0.25 * y + 0.75 * random())) * 500) / 500);
  const curve = ScoreCurve.from(scores, labels);
  it.each(['platt', 'isotonic'] as const)('%s: the same curve, Brier score, bins and rule as the fitted map applied on the page', (method) => {
    const calibrate = fitCalibration(curve, method) ?? ((s: number) => s);
    const direct = calibratedCurve(curve, calibrate);
    const sent = calibrateCurve(curve, method);
    expect(Array.from(sent.curve.thresholds)).toEqual(Array.from(direct.thresholds));
    expect(Array.from(sent.curve.cumTp)).toEqual(Array.from(direct.cumTp));
    expect(sent.brier).toBe(direct.brier());
    expect(sent.reliability.quantile).toEqual(reliabilityBins(direct, 10, 'quantile'));
    for (const p of [0, 0.05, 0.2, 0.5, 0.9, 1]) expect(rawIndexForMapped(sent.mapped, p)).toBe(rawIndexForCalibrated(curve, calibrate, p));
  });
});
