import { useMetricsRunner } from './useMetricsRunner';
import { useEffect, useMemo, useState } from 'react';
import { describeStability, type ThresholdStability } from '../../src/metrics/threshold-stability';
import type { MetricsEvent, MetricsRequest } from '../../src/engine/protocol';
import type { Settings } from '../../src/session/settings';
import type { PendingRequest, WorkerClient } from '../../src/engine/worker-client';
import type { TrainingState } from '../../src/session/training-state';

/** Bootstrap resamples in hold-out mode: fewer for large splits, so the worker answers in about a second. */
const replicatesFor = (n: number): number => (n > 50_000 ? 20 : n > 10_000 ? 50 : 200);

/** What a stability request needs; the arrays are the page's own (copied when sent). */
export type StabilityRequest = Omit<Extract<MetricsRequest, { type: 'stability' }>, 'type' | 'requestId' | 'scores' | 'labels'> & {
  scores: ArrayLike<number>;
  labels: ArrayLike<number>;
};

/**
 * The hook's logic without React: each `run` supersedes the one before; the resamples are built
 * and solved in the metrics worker, so a large validation split never blocks the page.
 */
export function createStabilityRunner(client: WorkerClient<MetricsRequest, MetricsEvent>, show: (stability: ThresholdStability | null) => void) {
  let current: PendingRequest | null = null;
  return {
    run(request: StabilityRequest | null): void {
      current?.abandon();
      current = null;
      if (!request) return show(null);
      // Copies for the worker: the page keeps its own arrays for the next request.
      const copy = { ...request, scores: Float64Array.from(request.scores), labels: Uint8Array.from(request.labels) };
      current = client.request((requestId) => ({ type: 'stability', requestId, ...copy }), {
        transfer: [copy.scores.buffer, copy.labels.buffer],
        onEvent: (event) => show(event.type === 'stability' ? event.stability : null),
        onFailure: () => show(null),
      });
    },
  };
}

/**
 * The threshold stability of the trained model's evaluated scores: over the k folds after a
 * cross-validation, over seeded bootstrap resamples of the validation split otherwise. Asked
 * again of the worker when the costs or the settled threshold change, never on a drag.
 */
export function useStability(training: TrainingState, settings: Settings): ThresholdStability | null {
  const { validationScores: scores, validationLabels: labels, crossValidation: cv, status } = training;
  const finished = status === 'done' || status === 'cancelled';
  const seed = training.options?.seed ?? settings.seed;
  const { costFp, costFn, prevalence, threshold } = settings;
  const request = useMemo((): StabilityRequest | null => {
    if (!finished || !scores || !labels || scores.length !== labels.length || scores.length === 0) return null;
    if (!cv?.foldOf && training.evaluatedOn !== 'validation') return null;
    return {
      scores,
      labels,
      weights: null,
      evaluated: { foldOf: cv?.foldOf ?? null, folds: cv?.total ?? 0, seed, replicates: replicatesFor(scores.length) },
      rules: { costs: { costFp, costFn }, prevalence: prevalence ?? undefined },
      chosen: threshold,
    };
  }, [finished, scores, labels, cv, seed, training.evaluatedOn, costFp, costFn, prevalence, threshold]);

  const [stability, setStability] = useState<ThresholdStability | null>(null);
  const runnerRef = useMetricsRunner('background', (client) => createStabilityRunner(client, setStability));
  // Declared after the effect above, so on mount the runner exists when this one runs.
  useEffect(() => runnerRef.current?.run(request), [request, runnerRef]);
  return request ? stability : null;
}

/** The spread of the cost-optimal cutoff as a band to shade on the threshold axes, with its words; null when there is none. */
export function useStabilityBand(stability: ThresholdStability | null): { low: number; high: number; label: string } | null {
  return useMemo(() => {
    const cost = stability?.thresholds.find((t) => t.rule === 'cost-optimal');
    return stability && cost && Number.isFinite(cost.spread.low) ? { low: cost.spread.low, high: cost.spread.high, label: describeStability(stability) } : null;
  }, [stability]);
}
