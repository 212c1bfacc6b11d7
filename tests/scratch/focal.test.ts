import { test } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import { FlatMlp } from '../../src/model/flat-mlp';
import { buildMlp, trainableVariables } from '../../src/model/mlp';
import { meanLoss } from '../../src/model/losses';
import { tf } from '../unit/model/helpers';
const tc = tf.core;
test('focal', async () => {
  await tc.setBackend('cpu');
  const x = tc.randomNormal([30, 4], 0, 1, 'float32', 5) as tfc.Tensor2D;
  const y = tc.cast(tc.greater(tc.randomUniform([30, 1], 0, 1, 'float32', 6), 0.6), 'float32') as tfc.Tensor2D;
  const c = tc.add(tc.mul(y, 0.25 - 0.75), 0.75) as tfc.Tensor2D;
  const cMean = tc.div(c, 30) as tfc.Tensor2D;
  const reference = buildMlp(tf, { inputDim: 4, hiddenUnits: [6, 3], seed: 3, learningRate: 0.01, posWeight: 1 });
  const fast = new FlatMlp(tc, reference.getWeights(), { learningRate: 0.01 });
  for (const gamma of [0, 2, 0.5]) {
    const vars = trainableVariables(reference);
    const { grads } = tc.variableGrads(() => meanLoss(tc, y, reference.apply(x) as tfc.Tensor, c, gamma), vars);
    console.log(Object.keys(grads), vars.map(v => v.name));
    const want = Object.values(grads).flatMap((g) => Array.from(g.dataSync()));
    const got = Array.from(fast.gradient(x, y, cMean, gamma).dataSync());
    console.log(gamma, got.map((v, i) => (v - want[i]).toExponential(1)).join(' '));
  }
  console.log(Array.from((reference.apply(x) as tfc.Tensor).dataSync()).join(' '));
});
