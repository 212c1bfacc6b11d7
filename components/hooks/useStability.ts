import { useMetricsRunner } from './useMetricsRunner';
import { useEffect, useMemo, useState } from 'react';
import { describeStability, type ThresholdStability } from '../../src/metrics/threshold-stability';
import type { Settings } from '../../src/session/settings';
import { createStabilityRunner, replicatesFor, type StabilityRequest } from '../../src/engine/runners/stability-runner';
import type { TrainingState } from '../../src/session/training-state';

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
