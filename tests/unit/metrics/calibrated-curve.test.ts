import { describe, expect, it } from 'vitest';
import { ScoreCurve } from '../../../src/metrics';
import { calibratedCurve, rawIndexForCalibrated } from '../../../src/metrics/calibrated-curve';
import { fitIsotonic, isotonicPredict } from '../../../src/metrics/isotonic';

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
