/**
 * Out-of-fold evaluation: k models, each trained on k−1 stratified folds and scoring the fold
 * it did not see, so every labelled row gets one honest score and the threshold rests on all
 * n rows instead of a 20% split. The model kept (for export and scoring other files) is then
 * refit on every row for the median of the folds' best epochs.
 */
import type { FoldSummary, TrainEvent } from './train-protocol';
import { epochFigures, fit, type TrainHooks } from './fit';
import { foldSplit, stratifiedFolds } from './folds';
import { resolveLoss } from './loss-spec';
import { checkOptions, prepareSplit, TrainingStop } from './prepare';
import type { Tf } from './tf';
import { describeError, type Emit, type TrainRun } from './train-loop';
import type { TrainedModel } from './trained-model';

/** The median of the folds' best epochs, rounded up (at least 1). */
export function refitEpochsOf(folds: readonly Pick<FoldSummary, 'bestEpoch'>[]): number {
  const sorted = folds.map((f) => f.bestEpoch).sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.max(1, Math.ceil(median));
}

/**
 * Runs a 'train' request whose options ask for cross-validation. Emits, per fold, its
 * epochs (tagged with the fold) and a 'fold' summary; then 'out-of-fold' with every row's
 * score; then refits on all rows and ends with 'done' (or 'error'). Never throws.
 */
export async function crossValidate(
  tf: Tf,
  run: TrainRun,
  emit: Emit,
  isCancelled: () => boolean,
  hooks: TrainHooks = {},
  backend: TrainedModel['settings']['backend'] = 'cpu',
): Promise<TrainedModel | null> {
  const { runId, options, data } = run;
  const k = options.folds;
  let final: Extract<TrainEvent, { type: 'done' | 'error' }>;
  let result: TrainedModel | null = null;
  try {
    checkOptions(options);
    if (!Number.isInteger(k) || k < 2) throw new TrainingStop(`cross-validation needs at least 2 folds, got ${k}`);
    const foldOf = stratifiedFolds(data.labels, k, options.seed);
    const scores = new Float32Array(data.rows.length);
    const summaries: FoldSummary[] = [];
    let cancelled = false;
    for (let f = 0; f < k && !cancelled; f++) {
      const split = foldSplit(foldOf, f);
      const prepared = prepareSplit(data, options, split);
      const spec = resolveLoss(options, prepared.trainPositives, prepared.trainNegatives);
      const { schedule } = prepared;
      if (f === 0) {
        // What the page shows about the run: the loss, the inputs and the schedule of one fold.
        emit({
          type: 'split',
          runId,
          validationIndices: new Uint32Array(0),
          validationLabels: new Uint8Array(0),
          trainSize: prepared.train.positions.length,
          posWeight: spec.posWeight,
          loss: spec.description,
          inputs: prepared.preprocessor.inputs,
          notes: prepared.preprocessor.notes,
          batchSize: schedule.batchSize,
          epochs: schedule.epochs,
          stepsPerEpoch: schedule.stepsPerEpoch,
        });
      }
      const outcome = await fit(
        tf,
        prepared,
        spec,
        // A fold's scores are never the page's: they wait for the out-of-fold set.
        { ...options, ...schedule, showEveryMs: Infinity },
        isCancelled,
        (report) => emit({ type: 'epoch', runId, epochs: schedule.epochs, fold: f + 1, ...epochFigures(report) }),
        hooks,
      );
      if (outcome.reason === 'diverged') throw new TrainingStop(`fold ${f + 1}: ${outcome.message ?? 'training diverged'}`);
      if (outcome.reason === 'cancelled' || !outcome.bestScores || !outcome.bestFigures) {
        cancelled = true;
        break;
      }
      const best = outcome.bestScores;
      split.validation.forEach((position, j) => (scores[position] = best[j]));
      let positives = 0;
      for (const p of split.validation) positives += data.labels[p] === 1 ? 1 : 0;
      const summary: FoldSummary = { fold: f + 1, rows: split.validation.length, positives, bestEpoch: outcome.bestEpoch, epochsRun: outcome.epochsRun, ...outcome.bestFigures };
      summaries.push(summary);
      emit({ type: 'fold', runId, folds: k, summary });
    }
    if (cancelled) {
      final = { type: 'done', runId, reason: 'cancelled', epochsRun: 0, bestEpoch: 0, bestScores: null, numTensors: 0 };
    } else {
      const refitEpochs = refitEpochsOf(summaries);
      const foldCopy = foldOf.slice();
      const labels = data.labels.slice();
      emit({ type: 'out-of-fold', runId, scores, foldOf: foldCopy, labels, folds: summaries, refitEpochs }, [scores.buffer, foldCopy.buffer, labels.buffer]);
      // The refit: every row, no validation part, a fixed number of epochs.
      const all = { train: Uint32Array.from(data.rows.keys()), validation: new Uint32Array(0) };
      const prepared = prepareSplit(data, options, all);
      const spec = resolveLoss(options, prepared.trainPositives, prepared.trainNegatives);
      const batchSize = options.batchSize ?? prepared.schedule.batchSize;
      const outcome = await fit(tf, prepared, spec, { ...options, batchSize, epochs: refitEpochs, patience: 0 }, isCancelled, () => undefined, hooks);
      if (outcome.reason === 'diverged') throw new TrainingStop(`the refit on all rows: ${outcome.message ?? 'training diverged'}`);
      if (outcome.reason !== 'cancelled' && outcome.weights) {
        result = {
          inputDim: prepared.inputCount,
          hiddenUnits: options.hiddenUnits,
          weights: outcome.weights,
          preprocessor: prepared.preprocessor,
          settings: {
            ...options,
            batchSize,
            epochs: refitEpochs,
            posWeight: spec.posWeight,
            lossDescription: spec.description,
            backend,
            epochsRun: outcome.epochsRun,
            bestEpoch: outcome.bestEpoch,
          },
        };
      }
      final = {
        type: 'done',
        runId,
        reason: outcome.reason === 'cancelled' ? 'cancelled' : 'completed',
        epochsRun: outcome.epochsRun,
        bestEpoch: result ? outcome.bestEpoch : 0,
        bestScores: null,
        numTensors: 0,
      };
    }
  } catch (err) {
    result = null;
    final = { type: 'error', runId, message: describeError(err), numTensors: 0 };
  }
  final.numTensors = tf.core.memory().numTensors;
  emit(final);
  return result;
}
