/**
 * The curve runner: sorts a set of scored cases into its ScoreCurve and drawing in the metrics
 * worker; each run supersedes the one before. The hook (components/hooks/useCurve.ts) only holds
 * its state in React; unit tests drive it through an in-process fake worker.
 */
import { rememberCostHull, ScoreCurve } from '../../metrics';
import type { CurveView } from '../../metrics/curve-view';
import type { MetricsEvent, MetricsRequest, ScoredCases } from '../protocol';
import type { PendingRequest, WorkerClient } from '../worker-client';
import { takeCopy } from '../spare-copies';

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
