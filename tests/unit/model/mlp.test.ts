import { beforeAll, describe, expect, test } from 'vitest';
import { disposeMlp } from '../../../src/model/mlp';
import { buildMlp } from './reference-mlp';
import { tf } from './helpers';

beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

const weightsOf = (seed: number, hiddenUnits?: number[]): number[][] => {
  const model = buildMlp(tf, { inputDim: 6, hiddenUnits, seed, learningRate: 0.001, posWeight: 2 });
  const w = model.getWeights().map((t) => Array.from(t.dataSync()));
  disposeMlp(model);
  return w;
};

describe('buildMlp', () => {
  test('6 → 32 → 16 → 1 with a linear logit output', () => {
    const model = buildMlp(tf, { inputDim: 6, seed: 1, learningRate: 0.001, posWeight: 1 });
    expect(model.layers.map((l) => l.getConfig().units)).toEqual([32, 16, 1]);
    expect(model.layers.map((l) => l.getConfig().activation)).toEqual(['relu', 'relu', 'linear']);
    const x = tf.core.fill([4, 6], 50);
    const y = model.predict(x) as ReturnType<typeof tf.core.fill>;
    expect(y.shape).toEqual([4, 1]);
    // A linear output can leave [0, 1]; a sigmoid output could not.
    const values = Array.from(y.dataSync());
    expect(values.some((v) => v < 0 || v > 1)).toBe(true);
    tf.core.dispose([x, y]);
    disposeMlp(model);
  });

  test('same seed, same weights; another seed, other weights', () => {
    expect(weightsOf(7)).toEqual(weightsOf(7));
    expect(weightsOf(7)).not.toEqual(weightsOf(8));
  });

  test('honours hiddenUnits and frees everything it made', () => {
    const before = tf.core.memory().numTensors;
    expect(weightsOf(1, [8]).map((w) => w.length)).toEqual([48, 8, 8, 1]);
    expect(tf.core.memory().numTensors).toBe(before);
  });

  test('rejects bad layer sizes', () => {
    expect(() => buildMlp(tf, { inputDim: 3, hiddenUnits: [0], seed: 1, learningRate: 0.01, posWeight: 1 })).toThrow(RangeError);
  });
});
