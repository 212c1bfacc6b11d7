import { useMemo } from 'react';
import { bootstrapResamples, chosenStability, foldResamples, resampleCurves, ruleStability, type ThresholdStability } from '../../src/metrics/threshold-stability';
import type { Settings } from '../../src/settings';
import type { TrainingState } from './training-state';

/** Bootstrap resamples in hold-out mode: fewer for large splits, so it stays well under a second. */
const replicatesFor = (n: number): number => (n > 50_000 ? 20 : n > 10_000 ? 50 : 200);

/**
 * The threshold stability of the trained model's evaluated scores: over the k folds after a
 * cross-validation, over seeded bootstrap resamples of the validation split otherwise.
 * Curves are built once per finished run; the rules are re-solved when the costs change, and
 * only recall and precision at the threshold are re-read on a drag.
 */
export function useStability(training: TrainingState, settings: Settings): ThresholdStability | null {
  const { validationScores: scores, validationLabels: labels, crossValidation: cv, status } = training;
  const finished = status === 'done' || status === 'cancelled';
  const seed = training.options?.seed ?? settings.seed;
  const resampled = useMemo(() => {
    if (!finished || !scores || !labels || scores.length !== labels.length || scores.length === 0) return null;
    if (cv?.foldOf) return { method: 'k-fold' as const, curves: resampleCurves(scores, labels, foldResamples(cv.foldOf, cv.total)), seed };
    if (training.evaluatedOn !== 'validation') return null;
    return { method: 'bootstrap' as const, curves: resampleCurves(scores, labels, bootstrapResamples(scores.length, replicatesFor(scores.length), seed)), seed };
  }, [finished, scores, labels, cv, seed, training.evaluatedOn]);
  const { costFp, costFn, prevalence, threshold } = settings;
  const thresholds = useMemo(() => (resampled ? ruleStability(resampled.curves, { costs: { costFp, costFn }, prevalence: prevalence ?? undefined }) : null), [resampled, costFp, costFn, prevalence]);
  return useMemo(() => {
    if (!resampled || !thresholds) return null;
    return { method: resampled.method, resamples: resampled.curves.length, seed: resampled.seed, thresholds, atChosen: chosenStability(resampled.curves, threshold), chosen: threshold };
  }, [resampled, thresholds, threshold]);
}
