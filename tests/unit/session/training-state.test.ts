import { describe, expect, it } from 'vitest';
import { INITIAL_SWEEP, INITIAL_TRAINING, reduceTraining, startJob, type TrainingState } from '../../../src/session/training-state';
import type { FoldSummary, TrainEvent } from '../../../src/engine/protocol';
import { DEFAULT_TRAIN_OPTIONS } from '../../../src/session/settings';
import { prepareCurve } from '../../../src/metrics/curve-view';
import { ScoreCurve } from '../../../src/metrics/score-curve';

const options = { ...DEFAULT_TRAIN_OPTIONS, epochs: 3 };
const figures = { prAuc: 0.5, rocAuc: 0.8, recall: 0.7, precision: 0.4 };
const epoch = (n: number, extra: Partial<Extract<TrainEvent, { type: 'epoch' }>> = {}): TrainEvent => ({
  type: 'epoch',
  runId: 1,
  epoch: n,
  epochs: 3,
  trainLoss: 1 / n,
  validationLoss: 2 / n,
  seconds: 0.1,
  validationScores: Float32Array.of(n / 10, 0.9),
  ...figures,
  ...extra,
});
const split: TrainEvent = {
  type: 'split',
  runId: 1,
  validationIndices: Uint32Array.of(4, 9),
  validationLabels: Uint8Array.of(0, 1),
  trainSize: 8,
  posWeight: 4,
  loss: 'weighted BCE',
  inputs: ['x'],
  notes: [],
  batchSize: 32,
  epochs: 60,
  stepsPerEpoch: 10,
};
const fold = (n: number): FoldSummary => ({ fold: n, rows: 5, positives: 1, bestEpoch: n + 1, epochsRun: n + 2, ...figures });
const fold_ = (s: TrainingState, events: TrainEvent[]): TrainingState => events.reduce((acc, e) => reduceTraining(acc, 'train', e), s);

describe('training-state reducer', () => {
  it('a hold-out run: split, epochs, done with the best epoch’s scores', () => {
    let s = startJob(INITIAL_TRAINING, 'train', options);
    expect(s).toMatchObject({ status: 'training', totalEpochs: 3, options, crossValidation: null });
    s = fold_(s, [{ type: 'backend', runId: 1, backend: 'wasm', reason: 'WASM (SIMD) — test', details: 'd' }, split, epoch(1), epoch(2)]);
    expect(s).toMatchObject({
      backend: 'wasm',
      backendReason: 'WASM (SIMD) — test',
      backendDetails: 'd',
      posWeight: 4,
      totalEpochs: 60,
      schedule: { batchSize: 32, epochs: 60, stepsPerEpoch: 10 },
    });
    expect(s.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(Array.from(s.validationScores ?? [])).toEqual([Math.fround(0.2), Math.fround(0.9)]);
    expect(Array.from(s.validationLabels ?? [])).toEqual([0, 1]);
    const best = Float32Array.of(0.1, 0.9);
    s = reduceTraining(s, 'train', { type: 'done', runId: 1, reason: 'early-stopped', epochsRun: 2, bestEpoch: 1, bestScores: best, numTensors: 7 });
    expect(s).toMatchObject({ status: 'done', bestEpoch: 1, stoppedEarly: true, numTensors: 7, modelReady: true, evaluatedOn: 'validation' });
    expect(s.validationScores).toBe(best);
  });

  it("keeps the training worker's curve with its scores, and drops it where the metrics worker builds one", () => {
    const prepared = prepareCurve(ScoreCurve.from([0.2, 0.9], [0, 1]));
    let s = fold_(startJob(INITIAL_TRAINING, 'train', options), [split, epoch(1, { validationCurve: prepared })]);
    expect(s.validationCurve).toBe(prepared);
    s = reduceTraining(s, 'train', { type: 'done', runId: 1, reason: 'completed', epochsRun: 1, bestEpoch: 1, bestScores: null, numTensors: 0 });
    expect(s.validationCurve).toBe(prepared);
    const best = prepareCurve(ScoreCurve.from([0.1, 0.9], [0, 1]));
    s = reduceTraining(s, 'train', {
      type: 'done',
      runId: 1,
      reason: 'completed',
      epochsRun: 1,
      bestEpoch: 1,
      bestScores: Float32Array.of(0.1, 0.9),
      bestCurve: best,
      numTensors: 0,
    });
    expect(s.validationCurve).toBe(best);
    s = reduceTraining(s, 'train', {
      type: 'out-of-fold',
      runId: 1,
      scores: Float32Array.of(0.1, 0.2),
      foldOf: Uint8Array.of(0, 1),
      labels: Uint8Array.of(0, 1),
      folds: [],
      refitEpochs: 1,
    });
    expect(s.validationCurve).toBeNull();
  });

  it('a cross-validation: per-fold epochs restart the chart, the scores wait for out-of-fold', () => {
    let s = startJob(INITIAL_TRAINING, 'train', { ...options, evaluation: 'cv', folds: 2 });
    expect(s.crossValidation).toEqual({ total: 2, currentFold: 1, folds: [], foldOf: null, refitEpochs: null });
    s = fold_(s, [epoch(1, { fold: 1 }), epoch(2, { fold: 1 }), { type: 'fold', runId: 1, folds: 2, summary: fold(1) }, epoch(1, { fold: 2 })]);
    expect(s.epochs.map((e) => e.epoch)).toEqual([1]);
    expect(s.crossValidation?.currentFold).toBe(2);
    expect(s.crossValidation?.folds).toEqual([fold(1)]);
    expect(s.validationScores).toBeNull();
    const scores = Float32Array.of(0.1, 0.2, 0.3);
    s = fold_(s, [
      { type: 'fold', runId: 1, folds: 2, summary: fold(2) },
      { type: 'out-of-fold', runId: 1, scores, foldOf: Uint8Array.of(0, 1, 0), labels: Uint8Array.of(0, 1, 1), folds: [fold(1), fold(2)], refitEpochs: 3 },
      { type: 'done', runId: 1, reason: 'completed', epochsRun: 3, bestEpoch: 3, bestScores: null, numTensors: 0 },
    ]);
    expect(s).toMatchObject({ status: 'done', evaluatedOn: 'out-of-fold', modelReady: true, bestEpoch: 3 });
    expect(Array.from(s.validationIndices ?? [])).toEqual([0, 1, 2]);
    expect(s.validationScores).toBe(scores);
    expect(s.crossValidation).toMatchObject({ refitEpochs: 3, folds: [fold(1), fold(2)] });
  });

  it('a sweep keeps the curves and collects its points; errors and cancels are told apart', () => {
    const trained = fold_(startJob(INITIAL_TRAINING, 'train', options), [split, epoch(1)]);
    let s = startJob(trained, 'sweep', options);
    expect(s.epochs).toEqual(trained.epochs);
    expect(s.sweep).toEqual({ ...INITIAL_SWEEP, status: 'running', threshold: options.threshold });
    const point = { posWeight: 2, focalAlpha: null, bestEpoch: 1, epochsRun: 1, ...figures };
    s = reduceTraining(s, 'sweep', { type: 'sweep-point', runId: 2, index: 0, total: 4, point });
    s = reduceTraining(s, 'sweep', { type: 'done', runId: 2, reason: 'cancelled', epochsRun: 1, bestEpoch: 0, bestScores: null, numTensors: 3 });
    expect(s.sweep).toMatchObject({ status: 'cancelled', total: 4, points: [point] });
    expect(s.numTensors).toBe(3);
    const failed = reduceTraining(startJob(s, 'train', options), 'train', { type: 'error', runId: 3, message: 'bad', numTensors: 0 });
    expect(failed).toMatchObject({ status: 'error', message: 'bad' });
  });

  it('scores from an imported model cover every row sent', () => {
    const s = reduceTraining(startJob(INITIAL_TRAINING, 'score', options), 'score', {
      type: 'scored',
      runId: 1,
      scores: Float32Array.of(0.4, 0.6),
      description: 'model.zip',
      numTensors: 0,
    });
    expect(s).toMatchObject({ status: 'done', evaluatedOn: 'all rows', importedModel: 'model.zip', options: null });
    expect(Array.from(s.validationIndices ?? [])).toEqual([0, 1]);
  });
});
