import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { softplus, weightedBceReference, weightedBceWithLogits } from '../../../src/model/losses';
import torchFixture from './fixtures/torch-bce.json';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function tfLoss(logits: number[], labels: number[], posWeight: number): { loss: number; grad: Float32Array } {
  const loss = weightedBceWithLogits(tf, posWeight);
  const z = tf.tensor2d(logits, [logits.length, 1]);
  const y = tf.tensor2d(labels, [labels.length, 1]);
  const { value, grads } = tf.valueAndGrads((zz: tf.Tensor) => loss(y, zz))([z]);
  const out = { loss: value.dataSync()[0], grad: grads[0].dataSync() as Float32Array };
  tf.dispose([z, y, value, ...grads]);
  return out;
}

// Hand computation, pos_weight = 3:
//   z=2,   y=1: 3·softplus(−2)  = 3·ln(1+e^−2) = 3·0.126928011 = 0.380784033
//   z=−1,  y=0: softplus(−1)    = ln(1+e^−1)   = 0.313261688
//   z=0,   y=1: 3·softplus(0)   = 3·ln 2       = 2.079441542
//   z=100, y=0: softplus(100)   = 100 (+ 4e−44)
//   z=−100,y=1: 3·softplus(100) = 300
//   mean = (0.380784033 + 0.313261688 + 2.079441542 + 100 + 300) / 5 = 80.554697452
const HAND = { logits: [2, -1, 0, 100, -100], labels: [1, 0, 1, 0, 1], posWeight: 3, loss: 80.55469745246539 };

describe('weightedBceReference', () => {
  test('matches the hand computation', () => {
    expect(softplus(0)).toBeCloseTo(Math.LN2, 15);
    expect(softplus(-2)).toBeCloseTo(0.12692801104297263, 15);
    expect(weightedBceReference(HAND.logits, HAND.labels, HAND.posWeight)).toBeCloseTo(HAND.loss, 12);
  });

  test('stays finite at extreme logits', () => {
    const v = weightedBceReference([1000, -1000, 1e30, -1e30], [1, 0, 1, 0], 2);
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBe(0);
    expect(weightedBceReference([1000], [0], 1)).toBe(1000);
  });
});

describe('weightedBceWithLogits (tfjs)', () => {
  test('matches the hand computation in float32, with no NaN or Infinity at ±100', () => {
    const { loss, grad } = tfLoss(HAND.logits, HAND.labels, HAND.posWeight);
    expect(loss).toBeCloseTo(HAND.loss, 3);
    expect(Number.isFinite(loss)).toBe(true);
    expect(Array.from(grad).every(Number.isFinite)).toBe(true);
    // d/dz at z=0, y=1, w=3: 3·(σ(0) − 1) / 5 = −0.3 (autodiff through |z| would give 0 here).
    expect(grad[2]).toBeCloseTo(-0.3, 6);
  });

  test('matches the plain-JS reference on random data', () => {
    let s = 12345;
    const rand = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const posWeight of [0.5, 1, 7.3]) {
      const logits = Array.from({ length: 200 }, () => (rand() - 0.5) * 40);
      const labels = logits.map(() => (rand() < 0.3 ? 1 : 0));
      const { loss } = tfLoss(logits, labels, posWeight);
      expect(loss).toBeCloseTo(weightedBceReference(logits, labels, posWeight), 4);
    }
  });

  test('rejects a non-positive pos_weight', () => {
    expect(() => weightedBceWithLogits(tf, 0)).toThrow(RangeError);
    expect(() => weightedBceWithLogits(tf, NaN)).toThrow(RangeError);
  });

  test('leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    tfLoss(HAND.logits, HAND.labels, HAND.posWeight);
    expect(tf.memory().numTensors).toBe(before);
  });
});

// Fixture written by fixtures/torch_bce.py with PyTorch's BCEWithLogitsLoss(pos_weight).
describe(`agreement with PyTorch ${torchFixture.torch} BCEWithLogitsLoss`, () => {
  for (const c of torchFixture.cases) {
    test(c.name, () => {
      expect(weightedBceReference(c.logits, c.labels, c.posWeight)).toBeCloseTo(c.loss, 10);
      const { loss, grad } = tfLoss(c.logits, c.labels, c.posWeight);
      expect(Math.abs(loss - c.loss)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(c.loss)));
      c.grad.forEach((g, i) => expect(grad[i]).toBeCloseTo(g, 5));
    });
  }
});
