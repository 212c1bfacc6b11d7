import { useEffect, useState } from 'react';
import { rememberCostHull, ScoreCurve } from '../../src/metrics';
import type { CurveView } from '../../src/metrics/curve-view';
import type { MetricsEvent, MetricsRequest, ScoredCases } from '../../src/engine/protocol';
import type { PendingRequest, WorkerClient } from '../../src/engine/worker-client';
import { takeCopy } from '../../src/engine/spare-copies';
import { useMetricsRunner } from './useMetricsRunner';

/** Copies of the cases for the worker, so the page keeps its own arrays. */
export function casesForWorker(scores: ArrayLike<number>, labels: Uint8Array, weights: Float64Array | null): ScoredCases {
  // One the parse worker made beside the cases, when waiting: a 10,000,000-row copy is a long task here.
  const spare = takeCopy(scores, labels, weights);
  if (spare) return spare;
  // slice() copies a typed array in one memcpy; from() reads it element by element.
  return { scores: scores instanceof Float64Array ? scores.slice() : Float64Array.from(scores), labels: labels.slice(), weights: weights ? weights.slice() : null };
}

/** The buffers of scored cases, moved to the worker rather than copied. */
export function transferablesOf(cases: ScoredCases): ArrayBuffer[] {
  return [cases.scores.buffer, cases.labels.buffer, ...(cases.weights ? [cases.weights.buffer] : [])] as ArrayBuffer[];
}

/** What the curve is built from; its identity ties a result to the cases it belongs to. */
export interface CurveCases {
  scores: ArrayLike<number>;
  labels: Uint8Array;
  weights: Float64Array | null;
}

export interface BuiltCurve<C extends CurveCases> {
  /** The cases this curve was built from (possibly older than the latest, see `keepPrevious`). */
  cases: C;
  curve: ScoreCurve;
  view: CurveView;
}

export interface CurveState<C extends CurveCases> {
  built: BuiltCurve<C> | null;
  error: string | null;
  /** True while a curve for newer cases than `built`'s is being computed. */
  pending?: boolean;
}

/**
 * The hook's logic without React: each `run` supersedes the one before. With `keepPrevious`
 * the last curve stays shown until the new one arrives (training epochs: no blinking);
 * without it the state clears at once (a new file must never show the old one's curve).
 */
export function createCurveRunner<C extends CurveCases>(client: WorkerClient<MetricsRequest, MetricsEvent>, show: (update: (state: CurveState<C>) => CurveState<C>) => void) {
  let current: PendingRequest | null = null;
  return {
    run(cases: C | null, keepPrevious: boolean): void {
      current?.abandon();
      current = null;
      if (!keepPrevious || !cases) show(() => ({ built: null, error: null }));
      if (!cases) return;
      const copy = casesForWorker(cases.scores, cases.labels, cases.weights);
      current = client.request((requestId) => ({ type: 'curve', requestId, ...copy }), {
        transfer: transferablesOf(copy),
        onEvent: (event) => {
          if (event.type === 'curve') {
            const curve = new ScoreCurve(event.n, event.thresholds, event.cumTp, event.cumFp);
            rememberCostHull(curve, event.view.hull);
            show(() => ({ built: { cases, curve, view: event.view }, error: null }));
          } else if (event.type === 'error') show(() => ({ built: null, error: event.message }));
        },
        onFailure: (failure) => show(() => ({ built: null, error: `Computing the curve failed: ${failure.message}` })),
      });
    },
  };
}

/**
 * The ScoreCurve of some scored cases and everything drawn from it, prepared in the metrics
 * worker so a million scores never block the page. A newer set of cases supersedes an older one.
 */
export function useCurve<C extends CurveCases>(cases: C | null, keepPrevious = false): CurveState<C> {
  const [state, setState] = useState<CurveState<C>>({ built: null, error: null });
  const runnerRef = useMetricsRunner('interactive', (client) => createCurveRunner<C>(client, setState));
  // Declared after the runner's effect, so on mount the runner exists when this one runs.
  useEffect(() => runnerRef.current?.run(cases, keepPrevious), [cases, keepPrevious, runnerRef]);
  // For the one render between new cases and the effect that clears the state, never pair the
  // old curve with new cases unless keeping the previous one was asked for.
  const pending = cases !== null && state.error === null && state.built?.cases !== cases;
  if (state.built && state.built.cases !== cases && !keepPrevious) return { built: null, error: null, pending };
  return { ...state, pending };
}
