/**
 * The calibration runner: fits Platt's or the isotonic map on a curve in the metrics worker and
 * rebuilds the calibrated curve from its arrays; each run supersedes the one before. The hook
 * (components/hooks/useCalibration.ts) only holds its state in React.
 */
import type { CalibratedArrays, CalibrationMethod } from '../../metrics/calibration-method';
import type { MetricsEvent, MetricsRequest } from '../protocol';
import type { PendingRequest, WorkerClient } from '../worker-client';
import { ScoreCurve } from '../../metrics/score-curve';

/** A calibration as the views read it: the worker's arrays, with the calibrated curve rebuilt. */
export interface Calibrated extends Omit<CalibratedArrays, 'curve'> {
  curve: ScoreCurve;
}

export interface CalibrationState {
  /** The fit of the method asked for, on the curve asked for; null for raw scores and while it is being fitted. */
  calibrated: Calibrated | null;
  /** The method being fitted, while the worker works on it. */
  pending: Exclude<CalibrationMethod, 'none'> | null;
  error: string | null;
}

export const RAW: CalibrationState = { calibrated: null, pending: null, error: null };

/**
 * The hook's logic without React: each `run` supersedes the one before; the fit runs in the
 * metrics worker on a copy of the curve's arrays (Platt on a million distinct scores took a
 * second on the page).
 */
export function createCalibrationRunner(client: WorkerClient<MetricsRequest, MetricsEvent>, show: (state: CalibrationState) => void) {
  let current: PendingRequest | null = null;
  return {
    run(curve: ScoreCurve, method: CalibrationMethod): void {
      current?.abandon();
      current = null;
      if (method === 'none') return show(RAW);
      show({ calibrated: null, pending: method, error: null });
      const copy = { n: curve.n, thresholds: curve.thresholds.slice(), cumTp: curve.cumTp.slice(), cumFp: curve.cumFp.slice() };
      current = client.request((requestId) => ({ type: 'calibration', requestId, curve: copy, method }), {
        transfer: [copy.thresholds.buffer, copy.cumTp.buffer, copy.cumFp.buffer],
        onEvent: (event) => {
          if (event.type === 'error') return show({ ...RAW, error: `The calibration failed: ${event.message}` });
          if (event.type !== 'calibration') return;
          const { curve: arrays, ...rest } = event.calibrated;
          show({ calibrated: { ...rest, curve: new ScoreCurve(arrays.n, arrays.thresholds, arrays.cumTp, arrays.cumFp) }, pending: null, error: null });
        },
        onFailure: (failure) => show({ ...RAW, error: failure.message }),
      });
    },
  };
}
