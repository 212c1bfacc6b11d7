import type { Calibration } from './calibrated-curve';
import { fitIsotonic, isotonicPredict } from './isotonic';
import { fitPlatt, plattPredict } from './platt';
import type { ScoreCurve } from './score-curve';

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
