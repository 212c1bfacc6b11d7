/**
 * One training run as the page sees it: prepare, fit, and stream 'split', one 'epoch' per
 * epoch, then 'done' or 'error' — sent only after every tensor of the run is freed, so
 * 'done' can report tf.memory().numTensors at its baseline.
 */
import type { BackendName, TrainEvent, TrainRequest } from './train-protocol';
import { prepareCurve, preparedCurveBuffers } from '../metrics/curve-view';
import { ScoreCurve } from '../metrics/score-curve';
import { fit, type TrainHooks } from './fit';
import { LossSettingsError, resolveLoss } from './loss-spec';
import { checkOptions, prepareSplit, TrainingStop } from './prepare';
import { stratifiedSplit } from '../data/split';
import { wallClock, type WorkerTimings } from './run-timings';
import type { Tf } from './tf';
import type { TrainedModel } from './trained-model';

export type { TrainHooks } from './fit';

/** The 'train' request of the protocol. */
export type TrainRun = Extract<TrainRequest, { type: 'train' }>;

/** Sends an event to the page; listed buffers are transferred, not copied. */
export type Emit = (event: TrainEvent, transfer?: Transferable[]) => void;

/** What the worker measured before the run began: when it took the request, and the backend's switch. */
export interface RunStart {
  receivedAt: number;
  backendMs: number;
}

/**
 * Runs one training request to the end, to cancellation or to an error. Never throws.
 * Resolves with the trained model (best weights, preprocessing, settings), or null when no
 * epoch finished or the run failed. 'done' says where the time went (from `start` on).
 */
export async function train(
  tf: Tf,
  run: TrainRun,
  emit: Emit,
  isCancelled: () => boolean,
  hooks: TrainHooks = {},
  backend: BackendName = 'cpu',
  start: RunStart = { receivedAt: wallClock(), backendMs: 0 },
): Promise<TrainedModel | null> {
  const { runId, options } = run;
  let result: TrainedModel | null = null;
  let final: Extract<TrainEvent, { type: 'done' | 'error' }>;
  const transfer: Transferable[] = [];
  const timings: WorkerTimings = { ...start, postedAt: 0, splitMs: 0, preprocessMs: 0, trainMs: 0, validationMs: 0 };
  try {
    checkOptions(options);
    let clock = wallClock();
    const split = stratifiedSplit(run.data.labels, options.validationFraction, options.seed);
    timings.splitMs = wallClock() - clock;
    clock = wallClock();
    const prepared = prepareSplit(run.data, options, split);
    timings.preprocessMs = wallClock() - clock;
    const spec = resolveLoss(options, prepared.trainPositives, prepared.trainNegatives);
    const validationIndices = prepared.validation.positions.slice();
    const validationLabels = Uint8Array.from(prepared.validation.y);
    emit(
      {
        type: 'split',
        runId,
        validationIndices,
        validationLabels,
        trainSize: prepared.train.positions.length,
        posWeight: spec.posWeight,
        loss: spec.description,
        inputs: prepared.preprocessor.inputs,
        notes: prepared.preprocessor.notes,
        batchSize: prepared.schedule.batchSize,
        epochs: prepared.schedule.epochs,
        stepsPerEpoch: prepared.schedule.stepsPerEpoch,
      },
      [validationIndices.buffer, validationLabels.buffer],
    );
    let lastReported = 0;
    const { schedule } = prepared;
    const outcome = await fit(
      tf,
      prepared,
      spec,
      { ...options, ...schedule, trainer: run.trainer },
      isCancelled,
      (report) => {
        lastReported = report.epoch;
        timings.trainMs += report.seconds * 1000;
        timings.validationMs += report.validationSeconds * 1000;
        emit({ type: 'epoch', runId, epochs: schedule.epochs, ...report }, [
          report.validationScores.buffer,
          ...(report.validationCurve ? preparedCurveBuffers(report.validationCurve) : []),
        ]);
      },
      hooks,
    );
    const reason = outcome.reason;
    if (reason === 'diverged') throw new TrainingStop(outcome.message ?? 'training diverged');
    if (outcome.weights && outcome.bestEpoch > 0) {
      result = {
        inputDim: prepared.inputCount,
        hiddenUnits: options.hiddenUnits,
        weights: outcome.weights,
        preprocessor: prepared.preprocessor,
        settings: { ...options, ...schedule, posWeight: spec.posWeight, lossDescription: spec.description, backend, epochsRun: outcome.epochsRun, bestEpoch: outcome.bestEpoch },
      };
    }
    const bestScores = outcome.bestEpoch !== lastReported ? outcome.bestScores : null;
    // Sorted again only here, once a run ends off its best epoch: every epoch's curve went with it.
    const bestCurve = bestScores ? prepareCurve(ScoreCurve.from(bestScores, prepared.validation.y)) : null;
    if (bestScores) transfer.push(bestScores.buffer);
    if (bestCurve) transfer.push(...preparedCurveBuffers(bestCurve));
    final = { type: 'done', runId, reason, epochsRun: outcome.epochsRun, bestEpoch: outcome.bestEpoch, bestScores, bestCurve, numTensors: 0, timings };
  } catch (err) {
    result = null;
    final = { type: 'error', runId, message: describeError(err), numTensors: 0 };
  }
  // fit() has freed its tensors by now: this count is the worker's baseline.
  final.numTensors = tf.core.memory().numTensors;
  timings.postedAt = wallClock();
  emit(final, transfer);
  return result;
}

/** A one-line message for the user; stack traces stay in the console. */
export function describeError(err: unknown): string {
  if (err instanceof TrainingStop || err instanceof LossSettingsError) return err.message;
  if (err instanceof Error && err.name === 'DataError') return err.message;
  if (err instanceof Error) return `training failed: ${err.message}`;
  return `training failed: ${String(err)}`;
}
