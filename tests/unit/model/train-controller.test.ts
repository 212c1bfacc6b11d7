import { beforeAll, describe, expect, test } from 'vitest';
import { createTrainController } from '../../../src/model/train-controller';
import { readZip } from '../../../src/model/zip';
import { ofType, recorder, tf, trainRun } from './helpers';

beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

const context = { fileName: 'toy.csv', labelColumn: 'y', positiveValue: '1', toolVersion: '0.0.0' };

describe('createTrainController', () => {
  test('announces the backend, then runs', async () => {
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit);
    c.handle(trainRun(100, 2, { epochs: 1 }, 3));
    await c.idle();
    expect(events.map((e) => e.type)).toEqual(['backend', 'split', 'epoch', 'done']);
    expect(events[0]).toEqual({ type: 'backend', runId: 3, backend: 'cpu', reason: 'CPU — chosen in settings', details: 'cpu: chosen in settings' });
  });

  test("'warm' chooses the backend before any run, once, and answers backend + done", async () => {
    const { events, emit } = recorder();
    const calls: string[] = [];
    const c = createTrainController(tf, emit, {
      selectBackend: async (choice, known) => {
        calls.push(`${choice}:${known?.backend ?? '-'}`);
        return known ?? { backend: 'cpu', reason: 'CPU — test', details: 'test' };
      },
    });
    c.handle({ type: 'warm', runId: 1, backend: 'auto', known: { backend: 'cpu', reason: 'CPU — earlier', details: 'earlier' } });
    c.handle(trainRun(100, 2, { epochs: 1, backend: 'auto' }, 2));
    await c.idle();
    expect(calls).toEqual(['auto:cpu']);
    expect(events.filter((e) => e.runId === 1).map((e) => e.type)).toEqual(['backend', 'done']);
    expect(events.find((e) => e.runId === 2 && e.type === 'backend')).toMatchObject({ reason: 'CPU — earlier' });
    expect(events.at(-1)).toMatchObject({ type: 'done', runId: 2, reason: 'completed' });
  });

  test('a new train request cancels the running one; cancel stops a run within a second', async () => {
    const baseline = tf.core.memory().numTensors;
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit, { hooks: { yieldEveryMs: 5 } });
    c.handle(trainRun(2000, 4, { epochs: 1000, batchSize: 16 }, 1));
    await new Promise((r) => setTimeout(r, 150));
    c.handle(trainRun(2000, 4, { epochs: 1000, batchSize: 16 }, 2));
    await new Promise((r) => setTimeout(r, 150));
    const asked = performance.now();
    c.handle({ type: 'cancel', runId: 2 });
    await c.idle();
    expect(performance.now() - asked).toBeLessThan(1000);
    const dones = events.filter((e) => e.type === 'done');
    expect(dones).toEqual([expect.objectContaining({ runId: 1, reason: 'cancelled' }), expect.objectContaining({ runId: 2, reason: 'cancelled' })]);
    // Run 2 starts only after run 1 has finished.
    const firstOf2 = events.findIndex((e) => e.runId === 2);
    expect(events.findIndex((e) => e.type === 'done' && e.runId === 1)).toBeLessThan(firstOf2);
    expect(tf.core.memory().numTensors).toBe(baseline);
  });

  test('ten train / cancel / retrain cycles leave tf.memory().numTensors at its baseline', async () => {
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit, { hooks: { yieldEveryMs: 1 } });
    const baseline = tf.core.memory().numTensors;
    for (let cycle = 0; cycle < 10; cycle++) {
      c.handle(trainRun(300, 3, { epochs: 100, batchSize: 8, patience: 2, seed: cycle }, 2 * cycle + 1));
      await new Promise((r) => setTimeout(r, 20));
      c.handle({ type: 'cancel', runId: 2 * cycle + 1 });
      c.handle(trainRun(120, 3, { epochs: 1, batchSize: 32, seed: cycle }, 2 * cycle + 2));
      await c.idle();
      expect(tf.core.memory().numTensors).toBe(baseline);
    }
    const dones = ofType(events, 'done');
    expect(dones).toHaveLength(20);
    expect(dones.every((d) => d.numTensors === baseline)).toBe(true);
    expect(dones.filter((d) => d.reason === 'cancelled')).toHaveLength(10);
  });

  test('a cancel for an unknown run is ignored, and a queued cancelled run reports at once', async () => {
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit);
    c.handle({ type: 'cancel', runId: 9 });
    c.handle(trainRun(100, 2, { epochs: 1 }, 9));
    await c.idle();
    expect(events.at(-1)).toMatchObject({ type: 'done', runId: 9, reason: 'completed', epochsRun: 1 });
  });

  test('a failing backend choice becomes an error event', async () => {
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit, { selectBackend: () => Promise.reject(new Error('no backend')) });
    c.handle(trainRun(100, 2, { epochs: 1 }, 4));
    await c.idle();
    expect(events).toEqual([{ type: 'error', runId: 4, message: 'training failed: no backend', numTensors: tf.core.memory().numTensors }]);
  });

  test('export before any training is a clear error', async () => {
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit);
    c.handle({ type: 'export', runId: 1, context });
    await c.idle();
    expect(events[0]).toMatchObject({ type: 'error', message: 'the export failed: there is no trained model to export: train one first' });
  });

  test('exports the trained model and scores rows with it as the run did', async () => {
    const baseline = tf.core.memory().numTensors;
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit);
    const run = trainRun(300, 3, { epochs: 3, batchSize: 32, learningRate: 0.01 }, 1);
    c.handle(run);
    c.handle({ type: 'export', runId: 2, context });
    await c.idle();
    const [exported] = ofType(events, 'exported');
    expect(exported.fileName).toBe('cutoff-model.zip');
    const files = await readZip(new Uint8Array(exported.zip));
    expect(files.map((f) => f.name)).toEqual(['model.json', 'model.weights.bin', 'preprocessing.json']);
    const card = JSON.parse(new TextDecoder().decode(files[2].data));
    expect(card).toMatchObject({ format: 'cutoff-model', output: 'logit', data: { fileName: 'toy.csv', labelColumn: 'y' }, training: { epochsRun: 3 } });

    // Scoring the validation rows with the exported model gives the model's probabilities (a short run shows no epoch: done carries them).
    const [split] = ofType(events, 'split');
    const modelScores = ofType(events, 'done')[0].bestScores;
    const file = new File([exported.zip], 'cutoff-model.zip');
    const rows = Uint32Array.from(split.validationIndices, (i) => run.data.rows[i]);
    c.handle({ type: 'score', runId: 3, files: [file], data: { ...run.data, rows, labels: new Uint8Array(rows.length) }, options: { backend: 'cpu', threshold: 0.5 } });
    await c.idle();
    const [scored] = ofType(events, 'scored');
    expect(scored.description).toMatch(/^weighted BCE/);
    Array.from(scored.scores).forEach((p, i) => expect(p).toBeCloseTo(modelScores?.[i] ?? NaN, 5));
    expect(tf.core.memory().numTensors).toBe(baseline);
  });

  test('a sweep reports one point per weight from its best epoch, then done', async () => {
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit);
    const run = trainRun(300, 3, { epochs: 2, batchSize: 32, learningRate: 0.01 }, 5);
    c.handle({ type: 'sweep', runId: 5, data: run.data, options: run.options, weights: [1, 4] });
    await c.idle();
    const points = ofType(events, 'sweep-point');
    expect(points.map((p) => [p.index, p.total, p.point.posWeight, p.point.epochsRun])).toEqual([
      [0, 2, 1, 2],
      [1, 2, 4, 2],
    ]);
    // A heavier positive weight pushes probabilities up: recall at 0.5 cannot fall much.
    expect(points[1].point.recall).toBeGreaterThanOrEqual(points[0].point.recall);
    expect(events.at(-1)).toMatchObject({ type: 'done', runId: 5, reason: 'completed', epochsRun: 2 });
  });
});
