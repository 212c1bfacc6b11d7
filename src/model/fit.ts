/**
 * Trains one model on a prepared run, epoch by epoch: seeded shuffles (with oversampling
 * when the loss asks for it), early stopping on the validation loss with the best weights
 * restored, a NaN/∞ guard, cancellation between batches. Every tensor it makes is freed
 * before it returns, whatever happens.
 */
import { deriveSeed, mulberry32 } from '../data/random';
import type { TrainOptions, ValidationFigures } from './train-protocol';
import { lossOverSplit, lossSample, TRAIN_LOSS_ROWS } from './split-loss';
import { FlatMlp } from './flat-mlp';
import type { LossSpec } from './loss-spec';
import { lossFunction } from './losses';
import { createMlp, disposeMlp } from './mlp';
import { weightedRows, type PreparedRun } from './prepare';
import { gatherBatch } from './rows';
import { epochOrder } from './sampling';
import type { Tf } from './tf';
import { validationCurve } from './validation-figures';
import type { PreparedCurve } from '../metrics/curve-view';
import type { ScoreCurve } from '../metrics/score-curve';

/** Knobs for hosts and tests; the defaults suit a Web Worker. */
export interface TrainHooks {
  /** Longest stretch of work, in ms, between two turns of the event loop (so a 'cancel' message can arrive). */
  yieldEveryMs?: number;
  /** Gives the event loop a turn. */
  yieldToEventLoop?: () => Promise<void>;
  /** Clock in ms. */
  now?: () => number;
  /** Overrides a hold-out run's SHOW_EVERY_MS (train-loop.ts); 0 shows every epoch. */
  showEveryMs?: number;
  /** Makes the network to train; FlatMlp by default (a bench compares tfjs's own path). */
  network?: (tf: Tf, settings: NetworkSettings) => Network;
}

/** What a network is made from: createMlp()'s architecture and seed, and Adam's step size. */
export interface NetworkSettings {
  inputDim: number;
  hiddenUnits: number[];
  seed: number;
  learningRate: number;
}

/** What fit() needs of the network it trains: FlatMlp's interface. */
export type Network = Pick<FlatMlp, 'trainStep' | 'logits' | 'sync' | 'weights' | 'dispose'>;

/** FlatMlp from createMlp()'s seeded initial weights. */
function flatNetwork(tf: Tf, settings: NetworkSettings): Network {
  const initial = createMlp(tf, settings);
  try {
    return new FlatMlp(tf.core, initial.getWeights(), { learningRate: settings.learningRate });
  } finally {
    disposeMlp(initial);
  }
}

/** What one epoch reports. */
export interface EpochReport extends ValidationFigures {
  epoch: number;
  trainLoss: number;
  validationLoss: number;
  seconds: number;
  /** Seconds of the evaluation after the epoch's steps (losses, scores, curve, the best weights' copy). */
  validationSeconds: number;
  /** Validation probabilities; the receiver may take ownership (transfer it). */
  validationScores: Float32Array;
  /** Their curve, sorted and drawn (null without validation rows, or when this epoch is not shown); also the receiver's to take. */
  validationCurve: PreparedCurve | null;
  /** True when the page is to show this epoch's scores (see FitOptions.showEveryMs). */
  shown: boolean;
}

/** Where a fit stands when an epoch ends, for {@link showsEpoch} (times in ms). */
export interface ShowClock {
  began: number;
  lastShown: number;
  shownAny: boolean;
  now: number;
  /** The epoch that just ended (1-based), and the most the run makes. */
  epoch: number;
  epochs: number;
}

/**
 * Whether the page is shown the epoch that just ended: once `everyMs` has passed since the
 * last one shown (or since the start), and also the first epoch of a run whose remaining
 * epochs, at the pace so far, will take at least `everyMs` more, so a long run's first curve
 * is not held back. A short run shows nothing until its scores come with 'done'.
 */
export function showsEpoch(c: ShowClock, everyMs: number): boolean {
  if (c.now - c.lastShown >= everyMs) return true;
  const remaining = ((c.epochs - c.epoch) * (c.now - c.began)) / c.epoch;
  return !c.shownAny && remaining >= everyMs;
}

/** An epoch's report without its scores and their curve: what an epoch the page is not shown carries. */
export function epochFigures(report: EpochReport): Omit<EpochReport, 'validationScores' | 'validationCurve' | 'shown'> {
  const { validationScores, validationCurve, shown, ...figures } = report;
  return figures;
}

/** How a fit ended, and the model it ends with. */
export interface FitOutcome {
  reason: 'completed' | 'cancelled' | 'early-stopped' | 'diverged';
  epochsRun: number;
  /** Epoch whose weights the model ends with (best validation loss with early stopping on, else the last); 0 if none. */
  bestEpoch: number;
  /**
   * bestEpoch's scores sorted into their curve, kept when that epoch was not shown (a shown
   * epoch's curve went to the page with its buffers), so 'done' draws it without sorting again.
   */
  bestCurve: ScoreCurve | null;
  /** A copy of bestEpoch's validation probabilities and its figures; null if no epoch finished. */
  bestScores: Float32Array | null;
  bestFigures: ValidationFigures | null;
  /** The final parameter vector (see FlatMlp.weights); null if no epoch finished. */
  weights: Float32Array | null;
  /** Set when reason is 'diverged': what went wrong, for the user. */
  message: string | null;
  /** Seconds before the first step: the seeded initial network, the loss's row weights, the loss sample. */
  setupSeconds: number;
}

const defaultYield = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Settings of {@link fit}: the run's options, minus what the spec and preparation already fixed. */
export type FitOptions = Pick<TrainOptions, 'learningRate' | 'patience' | 'seed' | 'hiddenUnits' | 'threshold'> & {
  epochs: number;
  batchSize: number;
  /**
   * How often an epoch is shown (its curve drawn, its scores sent): see {@link showsEpoch};
   * 0 (the default) shows every one, Infinity none.
   */
  showEveryMs?: number;
};

/**
 * Fits an MLP with `spec` on `run`. `isCancelled` is polled between batches; `onEpoch` gets
 * each finished epoch. Resolves (never rejects for NaN/∞ or cancellation) with the outcome.
 */
export async function fit(
  tf: Tf,
  run: PreparedRun,
  spec: LossSpec,
  options: FitOptions,
  isCancelled: () => boolean,
  onEpoch: (report: EpochReport) => void,
  hooks: TrainHooks = {},
): Promise<FitOutcome> {
  const tc = tf.core;
  const yieldEveryMs = hooks.yieldEveryMs ?? 100;
  const yieldToEventLoop = hooks.yieldToEventLoop ?? defaultYield;
  const now = hooks.now ?? (() => performance.now());
  const began = now();
  const d = run.inputCount;
  const trainRows = weightedRows(run.train, d, spec.batch);
  const validationRows = weightedRows(run.validation, d, spec.batch);
  // One sample for the whole run (stream 0: the epochs shuffle with 1, 2, …), so the epochs' training losses compare like for like.
  const trainLossRows = lossSample(trainRows, TRAIN_LOSS_ROWS, mulberry32(deriveSeed(options.seed, 0)));
  const loss = lossFunction(tc, spec.objective);
  // A refit on every row has nothing to validate on: it runs its fixed number of epochs.
  const validating = run.validation.positions.length > 0;
  const earlyStopping = options.patience > 0 && validating;

  // The tf.layers model fixes the architecture and the seeded initial weights; FlatMlp
  // trains the same network with far fewer kernel launches than tfjs's own path.
  const net = (hooks.network ?? flatNetwork)(tf, { inputDim: d, hiddenUnits: options.hiddenUnits, seed: options.seed, learningRate: options.learningRate });

  const outcome: FitOutcome = {
    reason: 'completed',
    epochsRun: 0,
    bestEpoch: 0,
    bestScores: null,
    bestCurve: null,
    bestFigures: null,
    weights: null,
    message: null,
    setupSeconds: (now() - began) / 1000,
  };
  let bestLoss = Infinity;
  let waited = 0;
  const showEveryMs = options.showEveryMs ?? 0;
  const shows = { began: now(), lastShown: now(), shownAny: false };
  try {
    let lastYield = now();
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      if (isCancelled()) {
        outcome.reason = 'cancelled';
        break;
      }
      // A fresh seeded permutation each epoch: reproducible, yet not the same order every epoch.
      const order = epochOrder(trainRows.n, run.trainPositiveRows, spec.oversample, mulberry32(deriveSeed(options.seed, epoch)));
      const started = now();
      for (let start = 0; start < order.length && outcome.reason !== 'cancelled'; start += options.batchSize) {
        if (isCancelled()) {
          outcome.reason = 'cancelled';
          break;
        }
        const size = Math.min(options.batchSize, order.length - start);
        const batch = gatherBatch(trainRows, order, start, size, 1 / size);
        tc.tidy(() => net.trainStep(tc.tensor2d(batch.x, [size, d]), tc.tensor2d(batch.y, [size, 1]), tc.tensor2d(batch.c, [size, 1]), spec.batch.gamma));
        if (now() - lastYield >= yieldEveryMs) {
          await net.sync();
          await yieldToEventLoop();
          lastYield = now();
        }
      }
      if (outcome.reason === 'cancelled') break;
      await net.sync();
      const seconds = (now() - started) / 1000;

      // Both losses are evaluated after the epoch with the same weights, so they compare
      // like for like (a running mean of batch losses would lag).
      const trainLoss = (await lossOverSplit(tc, net, loss, trainLossRows, false)).loss;
      const validation = validating ? await lossOverSplit(tc, net, loss, validationRows, true) : { loss: NaN, probabilities: new Float32Array(0) };
      const scores = validation.probabilities ?? new Float32Array(0);
      const bad = (validating ? [trainLoss, validation.loss] : [trainLoss]).find((v) => !Number.isFinite(v));
      if (bad !== undefined || !scores.every(Number.isFinite)) {
        outcome.reason = 'diverged';
        outcome.message = `training diverged at epoch ${epoch}: the loss became ${Number.isNaN(bad) || bad === undefined ? 'NaN' : 'infinite'}; lower the learning rate or pos_weight`;
        break;
      }
      const shown = validating && showsEpoch({ ...shows, now: now(), epoch, epochs: options.epochs }, showEveryMs);
      if (shown) Object.assign(shows, { lastShown: now(), shownAny: true });
      const measured = validating ? validationCurve(scores, run.validation.y, options.threshold, shown) : null;
      const figures = measured?.figures ?? { prAuc: NaN, rocAuc: NaN, recall: NaN, precision: NaN };
      outcome.epochsRun = epoch;
      const improved = validation.loss < bestLoss;
      if (improved || !earlyStopping) {
        bestLoss = Math.min(bestLoss, validation.loss);
        waited = 0;
        outcome.bestEpoch = epoch;
        outcome.bestFigures = figures;
        // Copies: the report's array goes to the page, and the weights keep training (a
        // cancel mid-epoch must not leave a half-trained epoch in the model).
        outcome.bestScores = scores.slice();
        outcome.bestCurve = shown ? null : (measured?.sorted ?? null);
        outcome.weights = await net.weights();
      } else {
        waited++;
      }
      const validationSeconds = (now() - started) / 1000 - seconds;
      onEpoch({
        epoch,
        trainLoss,
        validationLoss: validation.loss,
        seconds,
        validationSeconds,
        validationScores: scores,
        validationCurve: measured?.curve ?? null,
        shown,
        ...figures,
      });
      await yieldToEventLoop();
      lastYield = now();
      if (earlyStopping && waited >= options.patience && epoch < options.epochs) {
        outcome.reason = 'early-stopped';
        break;
      }
    }
    return outcome;
  } finally {
    net.dispose();
  }
}
