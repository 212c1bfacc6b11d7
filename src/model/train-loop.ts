/**
 * One training run: split, standardise, fit epoch by epoch, and report the
 * validation probabilities after every epoch. Never throws: every failure
 * becomes an 'error' event, and every tensor is freed whatever happens.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { TrainEvent, TrainOptions, TrainRequest } from '../protocol';
import { deriveSeed, mulberry32, shuffleInPlace } from '../data/random';
import { stratifiedSplit } from '../data/split';
import { applyStandardizer, fitStandardizer } from '../data/standardize';
import { weightedBceWithLogits } from './losses';
import { buildMlp, disposeMlp, trainableVariables } from './mlp';
import type { Tf } from './tf';

/** The 'train' request of the protocol. */
export type TrainRun = Extract<TrainRequest, { type: 'train' }>;

/** Sends an event to the page; listed buffers are transferred, not copied. */
export type Emit = (event: TrainEvent, transfer?: Transferable[]) => void;

/** Knobs for hosts and tests; the defaults suit a Web Worker. */
export interface TrainHooks {
  /** Longest stretch of work, in ms, between two turns of the event loop (so a 'cancel' message can arrive). */
  yieldEveryMs?: number;
  /** Gives the event loop a turn. */
  yieldToEventLoop?: () => Promise<void>;
  /** Clock in ms. */
  now?: () => number;
}

const defaultYield = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Raised inside the run for conditions the user should read as they are. */
class TrainingStop extends Error {}

/** Checks options, with messages a user can act on. */
export function validateTrainRun(run: TrainRun): void {
  const { features, featureCount, labels, options } = run;
  if (!Number.isInteger(featureCount) || featureCount < 1) throw new TrainingStop(`there are no feature columns to train on`);
  if (features.length !== labels.length * featureCount) {
    throw new TrainingStop(`features hold ${features.length} values, expected ${labels.length} rows × ${featureCount} columns`);
  }
  const o: TrainOptions = options;
  if (!Number.isInteger(o.epochs) || o.epochs < 1) throw new TrainingStop(`epochs must be a positive integer, got ${o.epochs}`);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) throw new TrainingStop(`batch size must be a positive integer, got ${o.batchSize}`);
  if (!(o.learningRate > 0) || !Number.isFinite(o.learningRate)) throw new TrainingStop(`learning rate must be positive, got ${o.learningRate}`);
  if (o.posWeight !== null && (!(o.posWeight > 0) || !Number.isFinite(o.posWeight))) {
    throw new TrainingStop(`pos_weight must be positive, got ${o.posWeight}`);
  }
  if (!(o.validationFraction > 0 && o.validationFraction < 1)) {
    throw new TrainingStop(`validation fraction must be between 0 and 1, got ${o.validationFraction}`);
  }
}

function divergence(epoch: number, value: number): TrainingStop {
  const what = Number.isNaN(value) ? 'NaN' : 'infinite';
  return new TrainingStop(`training diverged at epoch ${epoch}: the loss became ${what}; lower the learning rate or pos_weight`);
}

/**
 * Runs one training request to the end, to cancellation or to an error,
 * emitting 'split', then 'epoch' per epoch, then 'done' (or 'error').
 * `isCancelled` is polled between batches; the run yields to the event loop
 * at least every `hooks.yieldEveryMs` so that a cancel message can be seen.
 */
export async function train(tf: Tf, run: TrainRun, emit: Emit, isCancelled: () => boolean, hooks: TrainHooks = {}): Promise<void> {
  const tc = tf.core;
  const { runId, options } = run;
  const yieldEveryMs = hooks.yieldEveryMs ?? 100;
  const yieldToEventLoop = hooks.yieldToEventLoop ?? defaultYield;
  const now = hooks.now ?? (() => performance.now());

  const owned: tfc.Tensor[] = [];
  let model: tfl.Sequential | null = null;
  let pending: { loss: tfc.Scalar; rows: number }[] = [];
  let epochsRun = 0;
  try {
    validateTrainRun(run);
    const { features, featureCount, labels } = run;

    // --- split and class balance
    const split = stratifiedSplit(labels, options.validationFraction, options.seed);
    let trainPositives = 0;
    for (let k = 0; k < split.train.length; k++) trainPositives += labels[split.train[k]] === 1 ? 1 : 0;
    const trainNegatives = split.train.length - trainPositives;
    if (trainPositives === 0 || trainNegatives === 0 || split.validation.length === 0) {
      throw new TrainingStop(`need at least 2 positive and 2 negative rows to train and validate (training split has ${trainPositives} positive, ${trainNegatives} negative)`);
    }
    const posWeight = options.posWeight ?? trainNegatives / trainPositives;
    const validationIndices = split.validation.slice();
    emit({ type: 'split', runId, validationIndices, trainSize: split.train.length, posWeight }, [validationIndices.buffer]);

    // --- tensors (standardised with training statistics only)
    const standardizer = fitStandardizer(features, featureCount, split.train);
    const nTrain = split.train.length;
    const nValidation = split.validation.length;
    const labelsOf = (rows: Uint32Array): Float32Array => Float32Array.from(rows, (r) => (labels[r] === 1 ? 1 : 0));
    const track = <T extends tfc.Tensor>(t: T): T => (owned.push(t), t);
    const xTrain = track(tc.tensor2d(applyStandardizer(features, featureCount, standardizer, split.train), [nTrain, featureCount]));
    const yTrain = track(tc.tensor2d(labelsOf(split.train), [nTrain, 1]));
    const xValidation = track(tc.tensor2d(applyStandardizer(features, featureCount, standardizer, split.validation), [nValidation, featureCount]));
    const yValidation = track(tc.tensor2d(labelsOf(split.validation), [nValidation, 1]));

    // --- model
    model = buildMlp(tf, { inputDim: featureCount, hiddenUnits: options.hiddenUnits, seed: options.seed, learningRate: options.learningRate, posWeight });
    const net = model;
    const optimizer = net.optimizer;
    const variables = trainableVariables(net);
    const loss = weightedBceWithLogits(tc, posWeight);
    const order = new Int32Array(nTrain);

    // Reads the queued batch losses (one sync for many batches keeps a GPU
    // backend busy) and returns their row-weighted sum.
    const drain = async (epoch: number): Promise<number> => {
      const batch = pending;
      pending = [];
      let sum = 0;
      try {
        for (const { loss: l, rows } of batch) {
          const value = (await l.data())[0];
          if (!Number.isFinite(value)) throw divergence(epoch, value);
          sum += value * rows;
        }
      } finally {
        for (const { loss: l } of batch) l.dispose();
      }
      return sum;
    };

    let lastYield = now();
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      if (isCancelled()) break;
      // A fresh seeded permutation each epoch: reproducible, yet not the same order every epoch.
      for (let k = 0; k < nTrain; k++) order[k] = k;
      shuffleInPlace(order, mulberry32(deriveSeed(options.seed, epoch)));
      const orderTensor = track(tc.tensor1d(order, 'int32'));
      let lossSum = 0;
      let cancelled = false;
      for (let start = 0; start < nTrain; start += options.batchSize) {
        if (isCancelled()) {
          cancelled = true;
          break;
        }
        const size = Math.min(options.batchSize, nTrain - start);
        const batchLoss = tc.tidy((): tfc.Scalar => {
          const idx = tc.slice(orderTensor, [start], [size]);
          const xb = tc.gather(xTrain, idx);
          const yb = tc.gather(yTrain, idx);
          const cost = optimizer.minimize(() => loss(yb, net.apply(xb, { training: true }) as tfc.Tensor), true, variables);
          // minimize() returns null only when asked not to return the cost.
          if (cost === null) throw new Error('optimizer returned no loss');
          return cost;
        });
        pending.push({ loss: batchLoss, rows: size });
        if (now() - lastYield >= yieldEveryMs) {
          lossSum += await drain(epoch);
          await yieldToEventLoop();
          lastYield = now();
        }
      }
      lossSum += await drain(epoch);
      owned.splice(owned.indexOf(orderTensor), 1);
      orderTensor.dispose();
      if (cancelled) break;

      // One forward pass over all validation rows: batching by 32 would cost
      // a kernel launch per 32 rows on GPU backends.
      const [validationLossT, probabilitiesT] = tc.tidy((): [tfc.Scalar, tfc.Tensor] => {
        const logits = net.apply(xValidation, { training: false }) as tfc.Tensor;
        return [loss(yValidation, logits), tc.sigmoid(logits)];
      });
      let validationLoss: number;
      let validationScores: Float32Array;
      try {
        validationLoss = (await validationLossT.data())[0];
        // Copy: a backend may hand out its own buffer, which we are about to transfer.
        validationScores = new Float32Array(await probabilitiesT.data());
      } finally {
        validationLossT.dispose();
        probabilitiesT.dispose();
      }
      if (!Number.isFinite(validationLoss)) throw divergence(epoch, validationLoss);
      epochsRun = epoch;
      emit(
        { type: 'epoch', runId, epoch, epochs: options.epochs, trainLoss: lossSum / nTrain, validationLoss, validationScores },
        [validationScores.buffer],
      );
      await yieldToEventLoop();
      lastYield = now();
    }
    emit({ type: 'done', runId, reason: epochsRun === options.epochs ? 'completed' : 'cancelled', epochsRun });
  } catch (err) {
    emit({ type: 'error', runId, message: describeError(err) });
  } finally {
    for (const { loss: l } of pending) l.dispose();
    for (const t of owned) t.dispose();
    if (model) disposeMlp(model);
  }
}

/** A one-line message for the user; stack traces stay in the console. */
export function describeError(err: unknown): string {
  if (err instanceof TrainingStop) return err.message;
  if (err instanceof Error) return `training failed: ${err.message}`;
  return `training failed: ${String(err)}`;
}
