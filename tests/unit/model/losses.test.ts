import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tf.grad needs the ops' gradients, which tfjs-core alone does not register.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { logitGradient, lossFunction, meanLoss, weightedBceWithLogits, type LossWeights } from '../../../src/model/losses';
import { lossReference, rowGradientReference, rowLossReference, softplus, weightedBceReference } from './loss-reference';
import { resolveLoss } from '../../../src/model/loss-spec';
import torchFixture from './fixtures/torch-bce.json';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Loss and d(mean loss)/dz through lossFunction (custom gradient), in float32. */
function tfLoss(logits: number[], labels: number[], w: LossWeights): { loss: number; grad: Float32Array } {
  const loss = lossFunction(tf, w);
  const z = tf.tensor2d(logits, [logits.length, 1]);
  const y = tf.tensor2d(labels, [labels.length, 1]);
  const { value, grads } = tf.valueAndGrads((zz: tf.Tensor) => loss(y, zz))([z]);
  const out = { loss: value.dataSync()[0], grad: grads[0].dataSync() as Float32Array };
  tf.dispose([z, y, value, ...grads]);
  return out;
}

const bce = (posWeight: number): LossWeights => ({ positive: posWeight, negative: 1, gamma: 0 });
const focal = (gamma: number, alpha: number): LossWeights => ({ positive: alpha, negative: 1 - alpha, gamma });

// Hand computation, weighted BCE, pos_weight = 3:
//   z=2,   y=1: 3·softplus(−2)  = 3·ln(1+e^−2) = 3·0.126928011 = 0.380784033
//   z=−1,  y=0: softplus(−1)    = ln(1+e^−1)   = 0.313261688
//   z=0,   y=1: 3·softplus(0)   = 3·ln 2       = 2.079441542
//   z=100, y=0: softplus(100)   = 100 (+ 4e−44)
//   z=−100,y=1: 3·softplus(100) = 300
//   mean = (0.380784033 + 0.313261688 + 2.079441542 + 100 + 300) / 5 = 80.554697452
const HAND = { logits: [2, -1, 0, 100, -100], labels: [1, 0, 1, 0, 1], posWeight: 3, loss: 80.55469745246539 };

// Hand computation, focal loss γ = 2, α = 0.25 (positives weighted α, negatives 1 − α):
//   z=0,    y=1: 0.25·(1 − ½)²·ln 2                 = 0.0625·0.693147181       = 0.043321699
//   z=2,    y=0: 0.75·σ(2)²·softplus(2)              = 0.75·0.775803·2.126928  = 1.237558635
//   z=−1,   y=1: 0.25·σ(1)²·softplus(1)              = 0.25·0.534447·1.313262  = 0.175467076
//   z=100,  y=1: 0.25·e^−200·(4e−44)                 = 0
//   z=−100, y=0: 0.75·e^−200·(4e−44)                 = 0
//   z=100,  y=0: 0.75·1·100                          = 75
//   z=−100, y=1: 0.25·1·100                          = 25
//   mean = 101.456347410 / 7 = 14.493763916
const FOCAL = { logits: [0, 2, -1, 100, -100, 100, -100], labels: [1, 0, 1, 1, 0, 0, 1], loss: 14.493763915600557 };

describe('float64 references', () => {
  test('weighted BCE matches the hand computation', () => {
    expect(softplus(0)).toBeCloseTo(Math.LN2, 15);
    expect(softplus(-2)).toBeCloseTo(0.12692801104297263, 15);
    expect(weightedBceReference(HAND.logits, HAND.labels, HAND.posWeight)).toBeCloseTo(HAND.loss, 12);
  });

  test('focal loss matches the hand computation, and is weighted BCE at γ = 0', () => {
    expect(rowLossReference(0, 1, focal(2, 0.25))).toBeCloseTo(0.0625 * Math.LN2, 15);
    expect(rowLossReference(2, 0, focal(2, 0.25))).toBeCloseTo(1.2375586345660565, 13);
    expect(lossReference(FOCAL.logits, FOCAL.labels, focal(2, 0.25))).toBeCloseTo(FOCAL.loss, 12);
    expect(lossReference(HAND.logits, HAND.labels, { positive: 3, negative: 1, gamma: 0 })).toBe(weightedBceReference(HAND.logits, HAND.labels, 3));
  });

  test('stay finite at extreme logits', () => {
    for (const w of [bce(2), focal(2, 0.25), focal(0.5, 0.9)]) {
      const v = lossReference([1000, -1000, 1e30, -1e30], [1, 0, 1, 0], w);
      expect(v).toBe(0);
      for (const z of [-1e30, -100, 100, 1e30]) for (const y of [0, 1]) expect(Number.isFinite(rowGradientReference(z, y, w))).toBe(true);
    }
    expect(weightedBceReference([1000], [0], 1)).toBe(1000);
  });

  test('the closed-form gradient equals central finite differences of the loss', () => {
    const h = 1e-5;
    for (const w of [bce(3), focal(2, 0.25), focal(0.5, 0.6), focal(5, 0.1)]) {
      for (const z of [-7, -1.3, -0.01, 0, 0.4, 2.5, 9]) {
        for (const y of [0, 1]) {
          const numeric = (rowLossReference(z + h, y, w) - rowLossReference(z - h, y, w)) / (2 * h);
          expect(rowGradientReference(z, y, w)).toBeCloseTo(numeric, 7);
        }
      }
    }
  });
});

describe('tfjs losses', () => {
  test('weighted BCE matches the hand computation in float32, no NaN or Infinity at ±100', () => {
    const { loss, grad } = tfLoss(HAND.logits, HAND.labels, bce(HAND.posWeight));
    expect(loss).toBeCloseTo(HAND.loss, 3);
    expect(Array.from(grad).every(Number.isFinite)).toBe(true);
    // d/dz at z=0, y=1, w=3: 3·(σ(0) − 1) / 5 = −0.3 (autodiff through |z| would give 0 here).
    expect(grad[2]).toBeCloseTo(-0.3, 6);
    expect(grad[3]).toBeCloseTo(1 / 5, 6); // z=100, y=0: σ(100)/5
    expect(grad[4]).toBeCloseTo(-3 / 5, 6); // z=−100, y=1: 3·(0 − 1)/5
  });

  test('focal loss matches the hand computation in float32, no NaN or Infinity at ±100', () => {
    const { loss, grad } = tfLoss(FOCAL.logits, FOCAL.labels, focal(2, 0.25));
    expect(loss).toBeCloseTo(FOCAL.loss, 4);
    expect(Array.from(grad).every(Number.isFinite)).toBe(true);
    FOCAL.logits.forEach((z, i) => expect(grad[i]).toBeCloseTo(rowGradientReference(z, FOCAL.labels[i], focal(2, 0.25)) / 7, 6));
    // At z = ±100 on the wrong side the slope is the plain one: ∓α_t (the factor (1 − p_t)^γ is 1).
    expect(grad[5]).toBeCloseTo(0.75 / 7, 6);
    expect(grad[6]).toBeCloseTo(-0.25 / 7, 6);
  });

  test('logitGradient equals tf.grad of the plain (autodiff) loss away from z = 0', () => {
    const logits = [-6, -2.5, -0.7, 0.3, 1.1, 4, 8, -3, 0.9, 2];
    const labels = [1, 0, 1, 0, 1, 0, 1, 1, 0, 0];
    for (const w of [bce(4), focal(2, 0.25), focal(0.5, 0.7), { positive: 2, negative: 0.5, gamma: 1.5 }]) {
      const z = tf.tensor1d(logits);
      const y = tf.tensor1d(labels);
      const c = tf.tensor1d(labels.map((v) => (v === 1 ? w.positive : w.negative)));
      const auto = tf.grad((zz: tf.Tensor) => meanLoss(tf, y, zz, c, w.gamma))(z);
      const mine = tf.tidy(() => tf.div(logitGradient(tf, y, z, c, w.gamma), logits.length));
      const a = auto.dataSync();
      Array.from(mine.dataSync()).forEach((g, i) => expect(g).toBeCloseTo(a[i], 6));
      tf.dispose([z, y, c, auto, mine]);
    }
  });

  test('match the float64 references on random data', () => {
    let s = 12345;
    const rand = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const w of [bce(0.5), bce(1), bce(7.3), focal(2, 0.25), focal(1, 0.8), { positive: 1.9, negative: 0.6, gamma: 0 }]) {
      const logits = Array.from({ length: 200 }, () => (rand() - 0.5) * 40);
      const labels = logits.map(() => (rand() < 0.3 ? 1 : 0));
      const { loss, grad } = tfLoss(logits, labels, w);
      expect(loss).toBeCloseTo(lossReference(logits, labels, w), 4);
      logits.forEach((z, i) => expect(grad[i]).toBeCloseTo(rowGradientReference(z, labels[i], w) / 200, 6));
    }
  });

  test('reject bad parameters', () => {
    expect(() => weightedBceWithLogits(tf, 0)).toThrow(RangeError);
    expect(() => weightedBceWithLogits(tf, NaN)).toThrow(RangeError);
    expect(() => lossFunction(tf, { positive: 1, negative: 1, gamma: -1 })).toThrow(RangeError);
  });

  test('leave no tensors behind', () => {
    const before = tf.memory().numTensors;
    tfLoss(HAND.logits, HAND.labels, bce(HAND.posWeight));
    tfLoss(FOCAL.logits, FOCAL.labels, focal(2, 0.25));
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('resolveLoss', () => {
  // A training split of 20 positives and 80 negatives: neg/pos = 4.
  test('weighted BCE: pos_weight defaults to neg/pos', () => {
    const s = resolveLoss({ loss: 'weighted-bce', posWeight: null, focalGamma: 2, focalAlpha: 0.25 }, 20, 80);
    expect(s.objective).toEqual({ positive: 4, negative: 1, gamma: 0 });
    expect(s.batch).toEqual(s.objective);
    expect(s.oversample).toBe(1);
  });

  test('class weights: the pos_weight ratio, scaled to an average row weight of 1 (sklearn "balanced" at neg/pos)', () => {
    const s = resolveLoss({ loss: 'class-weights', posWeight: null, focalGamma: 2, focalAlpha: 0.25 }, 20, 80);
    // n / (2·P) = 2.5 and n / (2·N) = 0.625.
    expect(s.objective.positive).toBeCloseTo(2.5, 12);
    expect(s.objective.negative).toBeCloseTo(0.625, 12);
    expect((20 * s.objective.positive + 80 * s.objective.negative) / 100).toBeCloseTo(1, 12);
  });

  test('focal: α and 1 − α weight the classes, pos_weight is α/(1 − α)', () => {
    const s = resolveLoss({ loss: 'focal', posWeight: 9, focalGamma: 2, focalAlpha: 0.25 }, 20, 80);
    expect(s.objective).toEqual({ positive: 0.25, negative: 0.75, gamma: 2 });
    expect(s.posWeight).toBeCloseTo(1 / 3, 12);
  });

  test('oversampling: plain BCE batches, positives repeated pos_weight times, weighted BCE as the objective', () => {
    const s = resolveLoss({ loss: 'oversample', posWeight: 2.5, focalGamma: 2, focalAlpha: 0.25 }, 20, 80);
    expect(s.batch).toEqual({ positive: 1, negative: 1, gamma: 0 });
    expect(s.objective).toEqual({ positive: 2.5, negative: 1, gamma: 0 });
    expect(s.oversample).toBe(2.5);
    expect(() => resolveLoss({ loss: 'oversample', posWeight: 0.5, focalGamma: 2, focalAlpha: 0.25 }, 20, 80)).toThrow(/at least 1/);
  });
});

// Fixture written by fixtures/torch_bce.py with PyTorch's BCEWithLogitsLoss(pos_weight).
describe(`agreement with PyTorch ${torchFixture.torch}`, () => {
  for (const c of torchFixture.cases) {
    test(`BCEWithLogitsLoss: ${c.name}`, () => {
      expect(weightedBceReference(c.logits, c.labels, c.posWeight)).toBeCloseTo(c.loss, 10);
      const { loss, grad } = tfLoss(c.logits, c.labels, bce(c.posWeight));
      expect(Math.abs(loss - c.loss)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(c.loss)));
      c.grad.forEach((g, i) => expect(grad[i]).toBeCloseTo(g, 5));
    });
  }
  for (const c of torchFixture.focalCases) {
    test(`focal loss (torchvision's formula, autograd gradient): ${c.name}`, () => {
      const w = focal(c.gamma, c.alpha);
      expect(lossReference(c.logits, c.labels, w)).toBeCloseTo(c.loss, 10);
      c.grad.forEach((g, i) => expect(rowGradientReference(c.logits[i], c.labels[i], w) / c.logits.length).toBeCloseTo(g, 10));
      const { loss, grad } = tfLoss(c.logits, c.labels, w);
      expect(Math.abs(loss - c.loss)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(c.loss)));
      c.grad.forEach((g, i) => expect(grad[i]).toBeCloseTo(g, 5));
    });
  }
});
