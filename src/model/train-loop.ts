/**
 * One training run as the page sees it: prepare, fit, and stream 'split', one 'epoch' per
 * epoch, then 'done' or 'error' — sent only after every tensor of the run is freed, so
 * 'done' can report tf.memory().numTensors at its baseline.
 */
import type { BackendName, TrainEvent, TrainRequest } from './train-protocol';
import { prepareCurve, preparedCurveBuffers } from '../metrics/curve-view';
import { ScoreCurve } from '../metrics/score-curve';
import { epochFigures, fit, type TrainHooks } from './fit';
import { LossSettingsError, resolveLoss } from './loss-spec';
import { prepareRun, TrainingStop } from './prepare';
import { wallClock, type WorkerTimings } from './run-timings';
import type { Tf } from './tf';
import type { TrainedModel } from './trained-model';

export type { TrainHooks } from './fit';

/**
 * A hold-out run's epoch is shown at most this often (ms), and its first epoch at once when
 * the run has a second or more left (fit.ts, showsEpoch). Each shown score set re-renders the
 * cockpit and its charts, and that work shares the CPU with this worker: on a 2-epoch run on
 * 200,000 rows it slowed the epochs by a third, and a small file with hundreds of epochs
 * re-rendered the page per epoch. An epoch not shown costs no drawing here either; the run's
 * final scores always go with 'done'.
 */
export const SHOW_EVERY_MS = 1000;

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
  const timings: WorkerTimings = { ...start, postedAt: 0, splitMs: 0, preprocessMs: 0, setupMs: 0, trainMs: 0, validationMs: 0, finishMs: 0 };
  try {
    const prepared = prepareRun(run.data, options, timings);
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
    let lastShown = 0;
    const { schedule } = prepared;
    const outcome = await fit(
      tf,
      prepared,
      spec,
      { ...options, ...schedule, showEveryMs: hooks.showEveryMs ?? SHOW_EVERY_MS },
      isCancelled,
      (report) => {
        timings.trainMs += report.seconds * 1000;
        timings.validationMs += report.validationSeconds * 1000;
        const figures = epochFigures(report);
        if (!report.shown) return emit({ type: 'epoch', runId, epochs: schedule.epochs, ...figures });
        lastShown = report.epoch;
        const { validationScores, validationCurve } = report;
        emit({ type: 'epoch', runId, epochs: schedule.epochs, ...figures, validationScores, validationCurve }, [
          validationScores.buffer,
          ...(validationCurve ? preparedCurveBuffers(validationCurve) : []),
        ]);
      },
      hooks,
    );
    const finishing = wallClock();
    timings.setupMs = outcome.setupSeconds * 1000;
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
    const bestScores = outcome.bestEpoch !== lastShown ? outcome.bestScores : null;
    // Sorted and drawn again only here, when the model's epoch was not the last one shown.
    const bestCurve = bestScores ? prepareCurve(outcome.bestCurve ?? ScoreCurve.from(bestScores, prepared.validation.y)) : null;
    if (bestScores) transfer.push(bestScores.buffer);
    if (bestCurve) transfer.push(...preparedCurveBuffers(bestCurve));
    final = { type: 'done', runId, reason, epochsRun: outcome.epochsRun, bestEpoch: outcome.bestEpoch, bestScores, bestCurve, numTensors: 0, timings };
    timings.finishMs = wallClock() - finishing;
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
