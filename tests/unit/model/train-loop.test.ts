import { beforeAll, describe, expect, test } from 'vitest';
import { train } from '../../../src/model/train-loop';
import { ScoreCurve } from '../../../src/metrics';
import type { LossName, TrainEvent } from '../../../src/engine/protocol';
import { ofType, recorder, tf, trainRun } from './helpers';
import { layersNetwork } from '../../bench/layers-trainer';
import { showsEpoch } from '../../../src/model/fit';

beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

/** Shows every epoch's scores, so a test can read them (the default shows one a second). */
const EVERY_EPOCH = { showEveryMs: 0 };

describe('train', () => {
  test('emits split, one epoch event per epoch, then done; the loss falls; figures come from ScoreCurve', async () => {
    const { events, transfers, emit } = recorder();
    const run = trainRun(600, 4, { epochs: 4, batchSize: 64, learningRate: 0.01, threshold: 0.5 });
    const model = await train(tf, run, emit, () => false, EVERY_EPOCH);
    expect(events.map((e) => e.type)).toEqual(['split', 'epoch', 'epoch', 'epoch', 'epoch', 'done']);

    const [split] = ofType(events, 'split');
    expect(split.validationIndices.length).toBe(120);
    expect(split.trainSize).toBe(480);
    const trainPositives = Array.from(run.data.labels).filter((v, i) => v === 1 && !split.validationIndices.includes(i)).length;
    expect(split.posWeight).toBeCloseTo((480 - trainPositives) / trainPositives, 12);
    expect(split.inputs).toEqual(['x0', 'x0 (missing)', 'x1', 'x1 (missing)', 'x2', 'x2 (missing)', 'x3', 'x3 (missing)']);
    expect(split.loss).toMatch(/^weighted BCE on logits, pos_weight /);

    const epochs = ofType(events, 'epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    const labels = Array.from(split.validationIndices, (i) => run.data.labels[i]);
    for (const e of epochs) {
      expect(e.validationScores?.length).toBe(120);
      expect(e.validationScores?.every((p) => p >= 0 && p <= 1)).toBe(true);
      expect(Number.isFinite(e.trainLoss) && Number.isFinite(e.validationLoss)).toBe(true);
      expect(e.seconds).toBeGreaterThan(0);
      const curve = ScoreCurve.from(e.validationScores ?? [], labels);
      expect(e.prAuc).toBe(curve.averagePrecision());
      expect(e.rocAuc).toBe(curve.rocAuc());
      const c = curve.confusionAt(0.5);
      expect(e.recall).toBe(c.tp / (c.tp + c.fn));
      // The curve the page shows is this one, sorted once in the worker.
      expect(Array.from(e.validationCurve?.thresholds ?? [])).toEqual(Array.from(curve.thresholds));
      expect(e.validationCurve?.view.rocAuc).toBe(curve.rocAuc());
    }
    expect(epochs[3].validationLoss).toBeLessThan(epochs[0].validationLoss);
    expect(epochs[3].trainLoss).toBeLessThan(epochs[0].trainLoss);
    expect(epochs[3].rocAuc).toBeGreaterThan(0.9);
    // The probabilities and their curve travel as transferables.
    expect(transfers[1]?.[0]).toBe(epochs[0].validationScores?.buffer);
    expect(transfers[1]).toContain(epochs[0].validationCurve?.thresholds.buffer);
    expect(events.at(-1)).toEqual({
      type: 'done',
      runId: 1,
      reason: 'completed',
      epochsRun: 4,
      bestEpoch: 4,
      bestScores: null,
      bestCurve: null,
      numTensors: tf.core.memory().numTensors,
      timings: expect.any(Object),
    });
    // Where the time went: every part measured, the epochs' steps and evaluations summed from their reports.
    const done = ofType(events, 'done')[0];
    const t = done.timings;
    expect(t && t.postedAt >= t.receivedAt).toBe(true);
    expect(t?.trainMs).toBeCloseTo(
      epochs.reduce((s, e) => s + e.seconds * 1000, 0),
      6,
    );
    expect(t?.validationMs).toBeCloseTo(
      epochs.reduce((s, e) => s + (e.validationSeconds ?? 0) * 1000, 0),
      6,
    );
    for (const ms of [t?.splitMs, t?.preprocessMs, t?.setupMs, t?.validationMs, t?.finishMs]) expect(ms).toBeGreaterThan(0);
    const parts = t ? t.splitMs + t.preprocessMs + t.setupMs + t.trainMs + t.validationMs + t.finishMs : Infinity;
    expect((t?.postedAt ?? 0) - (t?.receivedAt ?? 0)).toBeGreaterThanOrEqual(parts);
    expect(model?.weights.length).toBe(8 * 32 + 32 + 32 * 16 + 16 + 16 + 1);
    expect(model?.settings).toMatchObject({ epochsRun: 4, bestEpoch: 4, backend: 'cpu', loss: 'weighted-bce' });
  });

  test('is reproducible for a seed (split and scores) and uses an explicit pos_weight', async () => {
    const runOnce = async (): Promise<{ indices: number[]; scores: number[] }> => {
      const { events, emit } = recorder();
      await train(tf, trainRun(200, 3, { epochs: 2, batchSize: 32, posWeight: 5 }), emit, () => false, EVERY_EPOCH);
      expect(ofType(events, 'split')[0].posWeight).toBe(5);
      return { indices: Array.from(ofType(events, 'split')[0].validationIndices), scores: Array.from(ofType(events, 'epoch')[1].validationScores ?? []) };
    };
    expect(await runOnce()).toEqual(await runOnce());
  });

  test.each<[LossName, RegExp]>([
    ['weighted-bce', /^weighted BCE/],
    ['class-weights', /^BCE with class weights/],
    ['focal', /^focal loss, γ 2\.00, α 0\.250$/],
    ['oversample', /random oversampling/],
  ])('trains with the %s loss', async (loss, description) => {
    const baseline = tf.core.memory().numTensors;
    const { events, emit } = recorder();
    await train(tf, trainRun(400, 3, { epochs: 3, batchSize: 32, learningRate: 0.01, loss }), emit, () => false);
    expect(ofType(events, 'split')[0].loss).toMatch(description);
    const epochs = ofType(events, 'epoch');
    expect(epochs).toHaveLength(3);
    expect(epochs[2].validationLoss).toBeLessThan(epochs[0].validationLoss);
    expect(epochs[2].rocAuc).toBeGreaterThan(0.85);
    expect(events.at(-1)?.type).toBe('done');
    expect(tf.core.memory().numTensors).toBe(baseline);
  });

  test('early stopping stops after `patience` epochs without improvement and ends with the best epoch', async () => {
    const { events, emit } = recorder();
    // A large learning rate overfits a tiny split quickly, so the validation loss turns up.
    const model = await train(tf, trainRun(120, 3, { epochs: 60, batchSize: 8, learningRate: 0.05, patience: 3 }), emit, () => false, EVERY_EPOCH);
    const epochs = ofType(events, 'epoch');
    const done = ofType(events, 'done')[0];
    expect(done.reason).toBe('early-stopped');
    const losses = epochs.map((e) => e.validationLoss);
    const best = losses.indexOf(Math.min(...losses)) + 1;
    expect(done.bestEpoch).toBe(best);
    expect(done.epochsRun).toBe(best + 3);
    expect(Array.from(done.bestScores ?? [])).toEqual(Array.from(epochs[best - 1].validationScores ?? []));
    expect(model?.settings.bestEpoch).toBe(best);
  });

  test('three runs leave tf.memory().numTensors at its baseline, which done reports', async () => {
    const baseline = tf.core.memory().numTensors;
    for (let k = 0; k < 3; k++) {
      const { events, emit } = recorder();
      await train(tf, trainRun(150, 3, { epochs: 2, batchSize: 16, seed: k, patience: 1 }), emit, () => false);
      const done = ofType(events, 'done')[0];
      expect(done.numTensors).toBe(baseline);
      expect(tf.core.memory().numTensors).toBe(baseline);
    }
  });

  test('cancelling mid-run stops between batches, reports cancelled and frees its tensors', async () => {
    const baseline = tf.core.memory().numTensors;
    const { events, emit } = recorder();
    let batches = 0;
    // Cancel during epoch 2: isCancelled is polled once per batch (and once per epoch).
    const isCancelled = (): boolean => ++batches > 15;
    await train(tf, trainRun(400, 3, { epochs: 50, batchSize: 32 }), emit, isCancelled);
    expect(events.at(-1)).toMatchObject({ type: 'done', runId: 1, reason: 'cancelled', epochsRun: 1, bestEpoch: 1 });
    // Epoch 1 was not shown (under a second in): its scores, the model's, go with done.
    expect(ofType(events, 'done')[0].bestScores).toHaveLength(80);
    expect(ofType(events, 'epoch').length).toBe(1);
    expect(tf.core.memory().numTensors).toBe(baseline);
  });

  test('a diverging run ends with a readable error, keeps the good epochs it sent, and leaks nothing', async () => {
    const baseline = tf.core.memory().numTensors;
    const { events, emit } = recorder();
    const model = await train(tf, trainRun(200, 3, { epochs: 5, batchSize: 16, learningRate: 1e38 }), emit, () => false);
    const last = events.at(-1);
    expect(last?.type).toBe('error');
    if (last?.type === 'error') {
      expect(last.message).toMatch(/^training diverged at epoch \d+: the loss became (NaN|infinite); lower the learning rate or pos_weight$/);
      expect(last.numTensors).toBe(baseline);
    }
    for (const e of ofType(events, 'epoch')) expect(e.validationScores?.every(Number.isFinite) ?? true).toBe(true);
    expect(model).toBeNull();
    expect(tf.core.memory().numTensors).toBe(baseline);
  });

  test('bad input becomes an error event, not a throw', async () => {
    const { events, emit } = recorder();
    const run = trainRun(50, 2);
    run.data.labels.fill(0);
    await train(tf, run, emit, () => false);
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('error');
    if (events[0].type === 'error') expect(events[0].message).toMatch(/need at least 2 positive and 2 negative rows/);

    const bad = recorder();
    await train(tf, { ...run, data: { ...run.data, labels: new Uint8Array(3) } }, bad.emit, () => false);
    expect(bad.events[0]).toMatchObject({ type: 'error', message: 'there are 50 rows but 3 labels' });

    const focal = recorder();
    await train(tf, trainRun(50, 2, { loss: 'focal', focalAlpha: 1 }), focal.emit, () => false);
    expect(focal.events[0]).toMatchObject({ type: 'error', message: 'focal α must be between 0 and 1 (exclusive), got 1' });
  });
});

describe("tfjs's own training path", () => {
  test('trains the same network from the same initial weights to nearly the same model as FlatMlp', async () => {
    const { events: flat, emit: emitFlat } = recorder();
    const { events: layers, emit: emitLayers } = recorder();
    const run = trainRun(300, 3, { epochs: 3, batchSize: 32 });
    const before = tf.core.memory().numTensors;
    await train(tf, run, emitFlat, () => false);
    await train(tf, run, emitLayers, () => false, { network: layersNetwork });
    expect(tf.core.memory().numTensors).toBe(before);
    const lossesOf = (events: typeof flat) => events.flatMap((e) => (e.type === 'epoch' ? [e.validationLoss] : []));
    lossesOf(layers).forEach((l, i) => expect(l).toBeCloseTo(lossesOf(flat)[i], 3));
  });
});

describe('which epochs the page is shown', () => {
  const clock = { began: 0, lastShown: 0, shownAny: false, epochs: 10 };
  test.each([
    ['a long run shows its first epoch at once', { ...clock, now: 300, epoch: 1 }, true],
    ['a short run does not: its scores come with done', { ...clock, epochs: 2, now: 300, epoch: 1 }, false],
    ['after the first, one a second', { ...clock, lastShown: 300, shownAny: true, now: 900, epoch: 3 }, false],
    ['a second after the last one shown', { ...clock, lastShown: 300, shownAny: true, now: 1300, epoch: 4 }, true],
    ['a run slower than a second an epoch shows every epoch', { ...clock, epochs: 2, now: 1200, epoch: 1 }, true],
  ])('%s', (_, c, shown) => {
    expect(showsEpoch(c, 1000)).toBe(shown);
  });

  test("one a second: an epoch within the interval carries figures only, and done carries the model's scores and curve", async () => {
    const { events, emit } = recorder();
    // A clock that moves 400 ms per epoch: epochs end at about 400, 800, 1200, 1600 and 2000 ms.
    let epochsSeen = 0;
    const now = (): number => epochsSeen * 400;
    const counting = (e: TrainEvent, t?: Transferable[]): void => {
      if (e.type === 'epoch') epochsSeen++;
      emit(e, t);
    };
    const run = trainRun(300, 3, { epochs: 5, batchSize: 300, learningRate: 0.01 });
    // The fit reads the clock at an epoch's end before it reports it: epoch k ends at (k − 1) × 400 ms here.
    await train(tf, run, counting, () => false, { now, showEveryMs: 1000 });
    const epochs = ofType(events, 'epoch');
    expect(epochs.map((e) => e.validationScores !== undefined)).toEqual([false, false, false, true, false]);
    expect(epochs[3].validationCurve?.thresholds.length).toBeGreaterThan(0);
    expect(epochs.every((e) => Number.isFinite(e.rocAuc))).toBe(true);
    const done = ofType(events, 'done')[0];
    expect(done.bestEpoch).toBe(5);
    expect(done.bestScores).toHaveLength(60);
    expect(done.bestCurve?.view.rocAuc).toBe(epochs[4].rocAuc);
  });

  test("no scores go with done when the last epoch shown is the model's", async () => {
    const { events, emit } = recorder();
    await train(tf, trainRun(200, 3, { epochs: 2, batchSize: 200 }), emit, () => false, EVERY_EPOCH);
    expect(ofType(events, 'done')[0]).toMatchObject({ bestEpoch: 2, bestScores: null, bestCurve: null });
  });
});
