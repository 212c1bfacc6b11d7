/**
 * Where the exported scores came from, as the page's export records it: a score column (with its
 * rescaling), a model loaded from an archive, or the model trained here with its settings, the
 * cross-validation behind out-of-fold scores (and the refit kept), and the threshold stability.
 */
import type { AppliedTransform } from '../data/score-transform';
import { importedModelSource } from '../model/imported-model';
import type { Spread, ThresholdStability } from '../metrics/threshold-stability';
import type { OperatingPoint } from './operating-point';
import { DEFAULT_TRAIN_OPTIONS, type Settings } from './settings';
import type { TrainingState } from './training-state';

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

/** The export's `source` for the page's session: the score column, an imported model or the model trained here. */
export function exportSource(
  settings: Settings,
  training: TrainingState,
  context: { sha256: string; transform: AppliedTransform | null | undefined; features: string[] },
): OperatingPoint['source'] {
  if (settings.mode === 'scores') {
    return { kind: 'scores', scoreColumn: settings.scoreColumn ?? '', weightColumn: settings.weightColumn, scoreTransform: context.transform ?? null };
  }
  if (training.importedModelInfo) return importedModelSource(training.importedModelInfo, context.sha256);
  const options = training.options ?? DEFAULT_TRAIN_OPTIONS;
  const crossValidation = crossValidationExport(training);
  return {
    kind: 'trained',
    model: {
      layers: options.hiddenUnits,
      loss: training.loss || 'weighted binary cross-entropy on logits',
      posWeight: training.posWeight ?? 1,
      epochs: training.crossValidation?.refitEpochs ?? training.epochs.length,
      learningRate: options.learningRate,
      batchSize: training.schedule?.batchSize ?? 0,
      seed: training.options?.seed ?? settings.seed,
      backend: training.backend ?? 'cpu',
      validationFraction: options.validationFraction,
      features: context.features,
      ...(crossValidation ? { crossValidation } : {}),
    },
  };
}
