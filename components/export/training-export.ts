/**
 * The training part of the operating-point export: the cross-validation behind out-of-fold
 * scores (and the refit that made the model kept), and the threshold stability.
 */
import type { OperatingPoint } from '../../src/session/operating-point';
import type { Spread, ThresholdStability } from '../../src/metrics/threshold-stability';
import type { TrainingState } from '../../src/session/training-state';

type TrainedModelExport = Extract<OperatingPoint['source'], { kind: 'trained' }>['model'];

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The folds' figures and the refit, after a cross-validation; undefined otherwise. */
export function crossValidationExport(training: TrainingState): TrainedModelExport['crossValidation'] {
  const cv = training.crossValidation;
  if (!cv || cv.refitEpochs === null) return undefined;
  return {
    folds: cv.total,
    refitEpochs: cv.refitEpochs,
    refitRows: training.validationScores?.length ?? 0,
    perFold: cv.folds.map((f) => ({
      fold: f.fold,
      rows: f.rows,
      positives: f.positives,
      rocAuc: finiteOrNull(f.rocAuc),
      averagePrecision: finiteOrNull(f.prAuc),
      bestEpoch: f.bestEpoch,
    })),
  };
}

const spreadExport = (s: Spread) => ({ low: s.low, high: s.high, mean: s.mean, sd: s.sd });

/** The threshold stability the page shows (computed in the metrics worker), as the export writes it; undefined before it is known. */
export function stabilityExport(s: ThresholdStability | null): OperatingPoint['stability'] {
  if (!s) return undefined;
  const atChosen = Object.fromEntries(
    Object.entries(s.atChosen)
      .filter(([, v]) => Number.isFinite(v.low))
      .map(([k, v]) => [k, spreadExport(v)]),
  );
  return {
    method: s.method,
    resamples: s.resamples,
    seed: s.seed,
    thresholds: s.thresholds.filter((t) => Number.isFinite(t.spread.low)).map((t) => ({ rule: t.rule, values: t.values.filter(Number.isFinite), spread: spreadExport(t.spread) })),
    atChosen,
  };
}
