import { beforeAll, describe, expect, test } from 'vitest';
import { gatherBatch, splitRows } from '../../../src/model/rows';
import { EVALUATION_CHUNK, lossOverSplit, lossSample } from '../../../src/model/split-loss';
import { mulberry32 } from '../../../src/data/random';
import { FlatMlp } from '../../../src/model/flat-mlp';
import { disposeMlp } from '../../../src/model/mlp';
import { buildMlp } from './reference-mlp';
import { weightedBceWithLogits } from '../../../src/model/losses';
import { weightedBceReference } from './loss-reference';
import { tf } from './helpers';

beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

describe('splitRows / gatherBatch', () => {
  test('row weights come by class; batches follow the order and scale the weights', () => {
    const rows = splitRows(Float32Array.from([0, 1, 10, 11, 20, 21]), 2, Float32Array.from([1, 0, 1]), { positive: 4, negative: 1 });
    expect(Array.from(rows.c)).toEqual([4, 1, 4]);
    const b = gatherBatch(rows, Int32Array.from([2, 0, 1]), 1, 2);
    expect(Array.from(b.x)).toEqual([0, 1, 10, 11]);
    expect(Array.from(b.y)).toEqual([1, 0]);
    expect(Array.from(b.c)).toEqual([4, 1]);
    expect(Array.from(gatherBatch(rows, Int32Array.from([2, 0, 1]), 1, 2, 0.5).c)).toEqual([2, 0.5]);
  });
});

describe('lossOverSplit', () => {
  test('chunked loss and probabilities equal a direct computation', async () => {
    const n = EVALUATION_CHUNK + 100; // two chunks
    const d = 2;
    const x = Float32Array.from({ length: n * d }, (_, i) => Math.sin(i));
    const y = Float32Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const rows = splitRows(x, d, y, { positive: 3, negative: 1 });
    const model = buildMlp(tf, { inputDim: d, hiddenUnits: [4], seed: 2, learningRate: 0.01, posWeight: 3 });
    const net = new FlatMlp(tf.core, model.getWeights(), { learningRate: 0.01 });
    const before = tf.core.memory().numTensors;
    const result = await lossOverSplit(tf.core, net, weightedBceWithLogits(tf.core, 3), rows, true);
    expect(tf.core.memory().numTensors).toBe(before);

    const logitsT = net.logits(tf.core.tensor2d(x, [n, d]));
    const logits = Array.from(logitsT.dataSync());
    tf.core.dispose(logitsT);
    expect(result.loss).toBeCloseTo(weightedBceReference(logits, Array.from(y), 3), 5);
    const p = result.probabilities;
    expect(p?.length).toBe(n);
    for (const i of [0, EVALUATION_CHUNK - 1, EVALUATION_CHUNK, n - 1]) expect(p?.[i]).toBeCloseTo(1 / (1 + Math.exp(-logits[i])), 6);
    net.dispose();
    disposeMlp(model);
  });
});

describe('lossSample', () => {
  const rows = splitRows(
    Float32Array.from({ length: 2000 }, (_, i) => i),
    2,
    Float32Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 1 : 0)),
    { positive: 3, negative: 1 },
  );

  test('keeps a small split whole', () => {
    expect(lossSample(rows, 1000, mulberry32(1))).toBe(rows);
  });

  test('draws distinct rows, whole (features, label and weight together), in their order, the same for a seed', () => {
    const sample = lossSample(rows, 100, mulberry32(7));
    expect(sample.n).toBe(100);
    const picked = Array.from({ length: 100 }, (_, k) => sample.x[2 * k] / 2);
    expect(new Set(picked).size).toBe(100);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
    picked.forEach((r, k) => {
      expect(sample.x[2 * k + 1]).toBe(2 * r + 1);
      expect(sample.y[k]).toBe(rows.y[r]);
      expect(sample.c[k]).toBe(rows.c[r]);
    });
    expect(lossSample(rows, 100, mulberry32(7))).toEqual(sample);
    expect(lossSample(rows, 100, mulberry32(8))).not.toEqual(sample);
  });
});
