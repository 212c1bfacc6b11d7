import { afterAll, expect, test } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { FlatMlp } from '../../../src/model/flat-mlp';
import { createMlp, disposeMlp } from '../../../src/model/mlp';
import { chooseBackend } from '../../../src/model/backend';
import { train } from '../../../src/model/train-loop';
import { ofType, recorder, tf, trainRun } from './helpers';

const tc = tf.core;
afterAll(async () => {
  await tc.setBackend('cpu');
});

/** Gradient and one Adam step of a 5 → 8 → 4 → 1 net on `backend`, as plain arrays. */
async function stepOn(backend: string, gamma: number): Promise<{ gradient: number[]; weights: number[] }> {
  await tc.setBackend(backend);
  await tc.ready();
  const x = tc.tensor2d(
    Array.from({ length: 12 * 5 }, (_, i) => Math.sin(i * 1.3)),
    [12, 5],
  );
  const y = tc.tensor2d(
    Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 1 : 0)),
    [12, 1],
  );
  const c = tc.tensor2d(
    Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 3 : 1) / 12),
    [12, 1],
  );
  const model = createMlp(tf, { inputDim: 5, hiddenUnits: [8, 4], seed: 5 });
  const net = new FlatMlp(tc, model.getWeights(), { learningRate: 0.01 });
  disposeMlp(model);
  const g = net.gradient(x as tfc.Tensor2D, y as tfc.Tensor2D, c as tfc.Tensor2D, gamma);
  const gradient = Array.from(await g.data());
  net.trainStep(x as tfc.Tensor2D, y as tfc.Tensor2D, c as tfc.Tensor2D, gamma);
  const weights = Array.from(await net.weights());
  tc.dispose([g, x, y, c]);
  net.dispose();
  return { gradient, weights };
}

// Each backend takes its own fastest formulation of the backward pass (transposes, column
// sums); they must agree with each other.
test.each([0, 2])('WASM and CPU compute the same gradient and step (γ = %d), and leak nothing', async (gamma) => {
  const cpu = await stepOn('cpu', gamma);
  await tc.setBackend('wasm');
  const baseline = tc.memory().numTensors;
  const wasm = await stepOn('wasm', gamma);
  expect(tc.memory().numTensors).toBe(baseline);
  wasm.gradient.forEach((v, i) => expect(v).toBeCloseTo(cpu.gradient[i], 6));
  wasm.weights.forEach((v, i) => expect(v).toBeCloseTo(cpu.weights[i], 6));
});

test('on WASM, the same seed gives the same split and the same scores; the reason names SIMD', async () => {
  await tc.setBackend('wasm');
  const runOnce = async (): Promise<number[]> => {
    const { events, emit } = recorder();
    await train(tf, trainRun(300, 3, { epochs: 2, batchSize: 32, backend: 'wasm' }), emit, () => false, {}, 'wasm');
    const split = ofType(events, 'split')[0];
    return [...split.validationIndices, ...(ofType(events, 'epoch').at(-1)?.validationScores ?? [])];
  };
  expect(await runOnce()).toEqual(await runOnce());
  const selection = await chooseBackend(tc, 'wasm');
  expect(selection.reason).toBe('WASM (SIMD) — chosen in settings');
  expect(selection.details).toMatch(/^wasm: chosen in settings; WASM: SIMD on, single thread/);
});
