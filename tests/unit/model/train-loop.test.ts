import { beforeAll, describe, expect, test } from 'vitest';
import { train } from '../../../src/model/train-loop';
import type { TrainEvent } from '../../../src/protocol';
import { recorder, tf, trainRun } from './helpers';

beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

type Of<K extends TrainEvent['type']> = Extract<TrainEvent, { type: K }>;
const ofType = <K extends TrainEvent['type']>(events: TrainEvent[], type: K): Of<K>[] =>
  events.filter((e): e is Of<K> => e.type === type);

describe('train', () => {
  test('emits split, one epoch event per epoch, then done; the loss falls', async () => {
    const { events, transfers, emit } = recorder();
    const run = trainRun(600, 4, { epochs: 4, batchSize: 64, learningRate: 0.01 });
    await train(tf, run, emit, () => false);
    expect(events.map((e) => e.type)).toEqual(['split', 'epoch', 'epoch', 'epoch', 'epoch', 'done']);

    const [split] = ofType(events, 'split');
    expect(split.validationIndices.length).toBe(120);
    expect(split.trainSize).toBe(480);
    const trainPositives = Array.from(run.labels).filter((v, i) => v === 1 && !split.validationIndices.includes(i)).length;
    expect(split.posWeight).toBeCloseTo((480 - trainPositives) / trainPositives, 12);

    const epochs = ofType(events, 'epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    for (const e of epochs) {
      expect(e.validationScores.length).toBe(120);
      expect(e.validationScores.every((p) => p >= 0 && p <= 1)).toBe(true);
      expect(Number.isFinite(e.trainLoss) && Number.isFinite(e.validationLoss)).toBe(true);
    }
    expect(epochs[3].validationLoss).toBeLessThan(epochs[0].validationLoss);
    expect(epochs[3].trainLoss).toBeLessThan(epochs[0].trainLoss);
    // The probabilities travel as transferables.
    expect(transfers[1]).toEqual([epochs[0].validationScores.buffer]);
    expect(events.at(-1)).toEqual({ type: 'done', runId: 1, reason: 'completed', epochsRun: 4 });
  });

  test('is reproducible for a seed and uses an explicit pos_weight', async () => {
    const runOnce = async (): Promise<Float32Array> => {
      const { events, emit } = recorder();
      await train(tf, trainRun(200, 3, { epochs: 2, batchSize: 32, posWeight: 5 }), emit, () => false);
      expect(ofType(events, 'split')[0].posWeight).toBe(5);
      return ofType(events, 'epoch')[1].validationScores;
    };
    expect(Array.from(await runOnce())).toEqual(Array.from(await runOnce()));
  });

  test('three runs leave tf.memory().numTensors at its baseline', async () => {
    const baseline = tf.core.memory().numTensors;
    for (let k = 0; k < 3; k++) {
      const { events, emit } = recorder();
      await train(tf, trainRun(150, 3, { epochs: 2, batchSize: 16, seed: k }), emit, () => false);
      expect(events.at(-1)?.type).toBe('done');
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
    const done = events.at(-1);
    expect(done).toEqual({ type: 'done', runId: 1, reason: 'cancelled', epochsRun: 1 });
    expect(ofType(events, 'epoch').length).toBe(1);
    expect(tf.core.memory().numTensors).toBe(baseline);
  });

  test('a diverging run ends with a readable error and no leak', async () => {
    const baseline = tf.core.memory().numTensors;
    const { events, emit } = recorder();
    await train(tf, trainRun(200, 3, { epochs: 5, batchSize: 16, learningRate: 1e38 }), emit, () => false);
    const last = events.at(-1);
    expect(last?.type).toBe('error');
    if (last?.type === 'error') expect(last.message).toMatch(/^training diverged at epoch \d+: the loss became (NaN|infinite); lower the learning rate or pos_weight$/);
    expect(tf.core.memory().numTensors).toBe(baseline);
  });

  test('bad input becomes an error event, not a throw', async () => {
    const { events, emit } = recorder();
    const run = trainRun(50, 2);
    run.labels.fill(0);
    await train(tf, run, emit, () => false);
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('error');
    if (events[0].type === 'error') expect(events[0].message).toMatch(/need at least 2 positive and 2 negative rows/);

    const bad = recorder();
    await train(tf, { ...trainRun(50, 2), featureCount: 3 }, bad.emit, () => false);
    expect(bad.events[0].type).toBe('error');
  });
});
