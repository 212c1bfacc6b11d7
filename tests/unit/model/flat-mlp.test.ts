import { beforeAll, describe, expect, test } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import { FlatMlp } from '../../../src/model/flat-mlp';
import { disposeMlp } from '../../../src/model/mlp';
import { trainableVariables } from '../../bench/layers-trainer';
import { buildMlp } from './reference-mlp';
import { meanLoss, weightedBceWithLogits } from '../../../src/model/losses';
import { toLayersModel } from '../../../src/model/trained-model';
import { tf } from './helpers';

beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

const tc = tf.core;

describe('FlatMlp', () => {
  test('steps exactly like tf.layers + autodiff + tf.train.adam', async () => {
    const posWeight = 3.5;
    const lr = 0.05;
    const x = tc.randomNormal([40, 5], 0, 1, 'float32', 3) as tfc.Tensor2D;
    const y = tc.cast(tc.greater(tc.randomUniform([40, 1], 0, 1, 'float32', 4), 0.7), 'float32') as tfc.Tensor2D;
    const reference = buildMlp(tf, { inputDim: 5, hiddenUnits: [8, 4], seed: 11, learningRate: lr, posWeight });
    const fast = new FlatMlp(tc, reference.getWeights(), { learningRate: lr });
    const loss = weightedBceWithLogits(tc, posWeight);
    const vars = trainableVariables(reference);

    // Row weights divided by the batch size, as trainStep expects.
    const c = tc.div(tc.add(tc.mul(y, posWeight - 1), 1), 40) as tfc.Tensor2D;
    for (let step = 0; step < 5; step++) {
      const expected = reference.optimizer.minimize(() => loss(y, reference.apply(x) as tfc.Tensor), true, vars);
      const actual = tc.tidy(() => loss(y, fast.logits(x)));
      expect(actual.dataSync()[0]).toBeCloseTo(expected?.dataSync()[0] ?? NaN, 5);
      fast.trainStep(x, y, c);
      tc.dispose([expected ?? [], actual]);
    }
    // The trained vector, turned back into a layers model, holds the reference's weights.
    const check = toLayersModel(tf, { inputDim: 5, hiddenUnits: [8, 4], weights: await fast.weights() });
    const want = reference.getWeights().map((w) => Array.from(w.dataSync()));
    const got = check.getWeights().map((w) => Array.from(w.dataSync()));
    got.forEach((layer, i) => layer.forEach((v, j) => expect(v).toBeCloseTo(want[i][j], 4)));

    // Forward pass agrees too.
    const a = fast.logits(x);
    const b = reference.predict(x) as tfc.Tensor;
    Array.from(a.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(b.dataSync()[i], 4));
    tc.dispose([a, b, x, y, c]);
    fast.dispose();
    disposeMlp(reference);
    disposeMlp(check);
  });

  test('its hand-written gradient equals autodiff of the plain loss, for BCE and focal loss; weights round-trip', async () => {
    const x = tc.randomNormal([30, 4], 0, 1, 'float32', 5) as tfc.Tensor2D;
    const y = tc.cast(tc.greater(tc.randomUniform([30, 1], 0, 1, 'float32', 6), 0.6), 'float32') as tfc.Tensor2D;
    const c = tc.add(tc.mul(y, 0.25 - 0.75), 0.75) as tfc.Tensor2D; // α = 0.25 for positives, 0.75 for negatives
    const cMean = tc.div(c, 30) as tfc.Tensor2D;
    const reference = buildMlp(tf, { inputDim: 4, hiddenUnits: [6, 3], seed: 3, learningRate: 0.01, posWeight: 1 });
    // Rows whose hidden units are all dead have logit 0 with zero biases, where autodiff through
    // |z| and max(z, 0) is wrong (the reason the loss has an explicit gradient): a bias avoids it.
    const start = reference.getWeights().map((w, i) => (i === 5 ? tc.fill(w.shape, 0.05) : tc.clone(w)));
    reference.setWeights(start);
    tc.dispose(start);
    const fast = new FlatMlp(tc, reference.getWeights(), { learningRate: 0.01 });
    for (const gamma of [0, 2, 0.5]) {
      const { grads } = tc.variableGrads(() => meanLoss(tc, y, reference.apply(x) as tfc.Tensor, c, gamma), trainableVariables(reference));
      const want = Object.values(grads).flatMap((g) => Array.from(g.dataSync()));
      const got = fast.gradient(x, y, cMean, gamma);
      Array.from(got.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(want[i], 6));
      tc.dispose([got, ...Object.values(grads)]);
    }
    const weights = await fast.weights();
    expect(weights).toEqual(Float32Array.from(reference.getWeights().flatMap((w) => Array.from(w.dataSync()))));
    fast.setWeights(new Float32Array(weights.length).fill(0.5));
    expect(Array.from(await fast.weights()).every((v) => v === 0.5)).toBe(true);
    tc.dispose([x, y, c, cMean]);
    fast.dispose();
    disposeMlp(reference);
  });

  test('frees everything it allocates', async () => {
    const before = tc.memory().numTensors;
    const model = buildMlp(tf, { inputDim: 3, seed: 1, learningRate: 0.01, posWeight: 1 });
    const fast = new FlatMlp(tc, model.getWeights(), { learningRate: 0.01 });
    const x = tc.ones([4, 3]) as tfc.Tensor2D;
    const y = tc.tensor2d([[1], [0], [1], [0]]);
    const c = tc.tensor2d([[2], [1], [2], [1]]);
    fast.trainStep(x, y, c);
    fast.logits(x).dispose();
    await fast.sync();
    await fast.weights();
    fast.dispose();
    disposeMlp(model);
    tc.dispose([x, y, c]);
    expect(tc.memory().numTensors).toBe(before);
  });
});
