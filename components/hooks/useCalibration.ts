import { useMetricsRunner } from './useMetricsRunner';
import { useEffect, useState } from 'react';
import type { CalibrationMethod } from '../../src/metrics/calibration-method';
import type { ScoreCurve } from '../../src/metrics/score-curve';
import { createCalibrationRunner, RAW, type CalibrationState } from '../../src/engine/runners/calibration-runner';

export type { Calibrated, CalibrationState } from '../../src/engine/runners/calibration-runner';

/** The calibration `method` fitted on `curve`'s own cases, in the metrics worker. */
export function useCalibration(curve: ScoreCurve, method: CalibrationMethod): CalibrationState {
  const [state, setState] = useState<CalibrationState>(RAW);
  const runnerRef = useMetricsRunner('interactive', (client) => createCalibrationRunner(client, setState));
  // Declared after the effect above, so on mount the runner exists when this one runs.
  useEffect(() => runnerRef.current?.run(curve, method), [curve, method, runnerRef]);
  return state;
}
