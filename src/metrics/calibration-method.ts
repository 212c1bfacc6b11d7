import { calibratedCurve, type Calibration } from './calibrated-curve';
import { reliabilityBins, type ReliabilityBin } from './reliability';
import { fitIsotonic, isotonicPredict } from './isotonic';
import { fitPlatt, plattPredict } from './platt';
import { ScoreCurve } from './score-curve';

/** How scores are turned into probabilities before reading them as such. */
export type CalibrationMethod = 'none' | 'platt' | 'isotonic';

export const CALIBRATION_NAMES: Record<CalibrationMethod, string> = {
  none: 'raw scores',
  platt: 'Platt-calibrated probabilities',
  isotonic: 'isotonic-calibrated probabilities',
};

/** The calibration map fitted on a curve's own cases; null for raw scores. O(distinct scores). */
export function fitCalibration(curve: ScoreCurve, method: CalibrationMethod): Calibration | null {
  if (method === 'platt') {
    const model = fitPlatt(curve);
    return (s) => plattPredict(model, s);
  }
  if (method === 'isotonic') {
    const map = fitIsotonic(curve);
    return (s) => isotonicPredict(map, s);
  }
  return null;
}

/** A curve's arrays, as they cross between threads. */
export interface CurveArrays {
  n: number;
  thresholds: Float64Array;
  cumTp: Float64Array;
  cumFp: Float64Array;
}

/** What a calibration method makes of a curve: everything the calibration and decision views read. */
export interface CalibratedArrays {
  method: Exclude<CalibrationMethod, 'none'>;
  /** The calibrated probability of each raw distinct score, aligned with the raw curve's thresholds (so nonincreasing). */
  mapped: Float64Array;
  /** The calibrated scores' curve. */
  curve: CurveArrays;
  brier: number;
  reliability: { uniform: ReliabilityBin[]; quantile: ReliabilityBin[] };
}

/**
 * Fits `method` on a curve's own cases and applies it: O(distinct scores), and Platt's fit on
 * a million distinct scores took a second, so the page asks the metrics worker for this.
 */
export function calibrateCurve(curve: ScoreCurve, method: Exclude<CalibrationMethod, 'none'>): CalibratedArrays {
  const calibrate = fitCalibration(curve, method) ?? ((s: number) => s);
  const mapped = Float64Array.from(curve.thresholds, calibrate);
  const calibrated = calibratedCurve(curve, calibrate);
  return {
    method,
    mapped,
    curve: { n: calibrated.n, thresholds: calibrated.thresholds, cumTp: calibrated.cumTp, cumFp: calibrated.cumFp },
    brier: calibrated.brier(),
    reliability: { uniform: reliabilityBins(calibrated, 10, 'uniform'), quantile: reliabilityBins(calibrated, 10, 'quantile') },
  };
}

/** The raw curve's index that flags exactly the cases whose calibrated probability is at least p (a prefix of `mapped`). */
export function rawIndexForMapped(mapped: Float64Array, p: number): number {
  let lo = 0;
  let hi = mapped.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mapped[mid] >= p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The buffers of a calibration's arrays, to transfer them without copying. */
export const calibratedBuffers = (c: CalibratedArrays): ArrayBuffer[] => [c.mapped, c.curve.thresholds, c.curve.cumTp, c.curve.cumFp].map((a) => a.buffer as ArrayBuffer);
