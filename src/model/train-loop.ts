/**
 * One training run: split, standardise, fit epoch by epoch, and report the
 * validation probabilities after every epoch. Never throws: every failure
 * becomes an 'error' event, and every tensor is freed whatever happens.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { TrainEvent, TrainOptions, TrainRequest } from '../protocol';
import { deriveSeed, mulberry32, shuffleInPlace } from '../data/random';
import { stratifiedSplit } from '../data/split';
import { applyStandardizer, fitStandardizer } from '../data/standardize';
import { evaluate } from './evaluate';
import { weightedBceWithLogits } from './losses';
import { FlatMlp } from './flat-mlp';
import { buildMlp, disposeMlp } from './mlp';
import { gatherBatch, splitRows, type SplitRows } from './rows';
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
 * An epoch's trainLoss and validationLoss are both the weighted BCE of the
 * weights at the end of that epoch, over the whole training / validation split.
 */
export async function train(tf: Tf, run: TrainRun, emit: Emit, isCancelled: () => boolean, hooks: TrainHooks = {}): Promise<void> {
  const tc = tf.core;
  const { runId, options } = run;
  const yieldEveryMs = hooks.yieldEveryMs ?? 100;
  const yieldToEventLoop = hooks.yieldToEventLoop ?? defaultYield;
  const now = hooks.now ?? (() => performance.now());

  let model: tfl.Sequential | null = null;
  let fast: FlatMlp | null = null;
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

    // --- rows, standardised with training statistics only
    const standardizer = fitStandardizer(features, featureCount, split.train);
    const labelsOf = (rows: Uint32Array): Float32Array => Float32Array.from(rows, (r) => (labels[r] === 1 ? 1 : 0));
    const rowsOf = (rows: Uint32Array): SplitRows =>
      splitRows(applyStandardizer(features, featureCount, standardizer, rows), featureCount, labelsOf(rows), posWeight);
    const trainRows = rowsOf(split.train);
    const validationRows = rowsOf(split.validation);

    // --- model: the tf.layers model fixes architecture and seeded initial
    // weights; FlatMlp trains the same network with far fewer kernel launches.
    model = buildMlp(tf, { inputDim: featureCount, hiddenUnits: options.hiddenUnits, seed: options.seed, learningRate: options.learningRate, posWeight });
    fast = new FlatMlp(tc, model.getWeights(), { learningRate: options.learningRate });
    const net = fast;
    const loss = weightedBceWithLogits(tc, posWeight);
    const order = new Int32Array(trainRows.n);

    let lastYield = now();
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      if (isCancelled()) break;
      // A fresh seeded permutation each epoch: reproducible, yet not the same order every epoch.
      for (let k = 0; k < order.length; k++) order[k] = k;
      shuffleInPlace(order, mulberry32(deriveSeed(options.seed, epoch)));
      let cancelled = false;
      for (let start = 0; start < order.length; start += options.batchSize) {
        if (isCancelled()) {
          cancelled = true;
          break;
        }
        const size = Math.min(options.batchSize, order.length - start);
        const batch = gatherBatch(trainRows, order, start, size);
        tc.tidy(() => net.trainStep(tc.tensor2d(batch.x, [size, featureCount]), tc.tensor2d(batch.y, [size, 1]), tc.tensor2d(batch.c, [size, 1])));
        if (now() - lastYield >= yieldEveryMs) {
          await net.sync();
          await yieldToEventLoop();
          lastYield = now();
        }
      }
      if (cancelled) break;

      // Both losses are evaluated after the epoch with the same weights, so
      // they compare like for like (a running mean of batch losses would lag).
      const trainLoss = (await evaluate(tc, net, loss, trainRows, false)).loss;
      if (!Number.isFinite(trainLoss)) throw divergence(epoch, trainLoss);
      const { loss: validationLoss, probabilities } = await evaluate(tc, net, loss, validationRows, true);
      if (!Number.isFinite(validationLoss)) throw divergence(epoch, validationLoss);
      const validationScores = probabilities ?? new Float32Array(0);
      epochsRun = epoch;
      emit({ type: 'epoch', runId, epoch, epochs: options.epochs, trainLoss, validationLoss, validationScores }, [validationScores.buffer]);
      await yieldToEventLoop();
      lastYield = now();
    }
    emit({ type: 'done', runId, reason: epochsRun === options.epochs ? 'completed' : 'cancelled', epochsRun });
  } catch (err) {
    emit({ type: 'error', runId, message: describeError(err) });
  } finally {
    fast?.dispose();
    if (model) disposeMlp(model);
  }
}

/** A one-line message for the user; stack traces stay in the console. */
export function describeError(err: unknown): string {
  if (err instanceof TrainingStop) return err.message;
  if (err instanceof Error) return `training failed: ${err.message}`;
  return `training failed: ${String(err)}`;
}
