import { bisector, descending } from 'd3-array';
import { ScoreCurve } from './score-curve';

/** A nondecreasing map from a raw score to a calibrated probability (Platt with a < 0, isotonic). */
export type Calibration = (score: number) => number;

/**
 * The curve of the calibrated scores: each distinct raw score's positives and negatives move to
 * its calibrated value, and values the map makes equal merge into one point. O(distinct scores).
 */
export function calibratedCurve(curve: ScoreCurve, calibrate: Calibration): ScoreCurve {
  const m = curve.size;
  const scores = new Float64Array(2 * m);
  const labels = new Uint8Array(2 * m);
  const weights = new Float64Array(2 * m);
  for (let i = 0; i < m; i++) {
    const p = calibrate(curve.thresholds[i]);
    scores[2 * i] = p;
    scores[2 * i + 1] = p;
    labels[2 * i] = 1;
    weights[2 * i] = curve.cumTp[i] - (i > 0 ? curve.cumTp[i - 1] : 0);
    weights[2 * i + 1] = curve.cumFp[i] - (i > 0 ? curve.cumFp[i - 1] : 0);
  }
  return new ScoreCurve(curve.n, ...countsOf(ScoreCurve.from(scores, labels, weights)));
}

function countsOf(c: ScoreCurve): [Float64Array, Float64Array, Float64Array] {
  return [c.thresholds, c.cumTp, c.cumFp];
}

/**
 * The operating point on the raw scores that flags exactly the cases whose calibrated
 * probability is at least p: the number of distinct raw scores the map sends to p or above.
 * Binary search, valid because the map never decreases.
 */
export function rawIndexForCalibrated(curve: ScoreCurve, calibrate: Calibration, p: number): number {
  // thresholds descend, so calibrate(thresholds[i]) >= p holds on a prefix: its length.
  return bisector<number, number>((threshold, q) => descending(calibrate(threshold), q)).right(curve.thresholds, p, 0, curve.size);
}
