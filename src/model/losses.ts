/**
 * Every selectable loss is one formula on logits z, labels y ∈ {0, 1} and per-row weights c:
 *
 *   row loss = c · m · CE,   CE = softplus(−z) if y = 1, softplus(z) if y = 0
 *   m = (1 − p)^γ if y = 1, p^γ if y = 0,   p = σ(z)
 *
 * With γ = 0 it is weighted binary cross-entropy (PyTorch's BCEWithLogitsLoss(pos_weight)
 * when c = pos_weight for positives and 1 for negatives); with γ > 0 and c = α / (1 − α) it
 * is the focal loss of Lin et al. (2017). Everything stays in logits: softplus is computed as
 * max(x, 0) + log1p(e^−|x|) and m as exp(−γ·softplus(±z)), so a logit of ±100 gives an
 * ordinary finite loss and gradient, never log(0) or 0^γ.
 *
 * The slope in z of one row, used by the hand-written backward pass:
 *   y = 1:  −c · m · (γ·p·softplus(−z) + 1 − p)
 *   y = 0:   c · m · (γ·(1 − p)·softplus(z) + p)
 * which is c·(p − y) when γ = 0.
 */
import type * as tfc from '@tensorflow/tfjs-core';

/** A loss usable as a tf.layers model loss: (labels, logits) → scalar mean. */
export type LossFn = (yTrue: tfc.Tensor, yPred: tfc.Tensor) => tfc.Scalar;

/** The formula's parameters for one run: row weights by class and the focusing exponent. */
export interface LossWeights {
  /** c of a positive row and of a negative row. */
  positive: number;
  negative: number;
  /** γ ≥ 0; 0 is plain (weighted) cross-entropy. */
  gamma: number;
}

/** Per-row weights c = negative + (positive − negative)·y. */
export function rowWeights(tf: typeof tfc, y: tfc.Tensor, w: LossWeights): tfc.Tensor {
  return tf.add(tf.mul(y, w.positive - w.negative), w.negative);
}

/**
 * Mean loss over rows, in plain differentiable tfjs ops (no custom gradient), for
 * labels y, logits z and row weights c of the same shape.
 */
export function meanLoss(tf: typeof tfc, y: tfc.Tensor, z: tfc.Tensor, c: tfc.Tensor, gamma: number): tfc.Scalar {
  return tf.tidy(() => {
    const shared = tf.log1p(tf.exp(tf.neg(tf.abs(z))));
    const spPos = tf.add(tf.relu(z), shared); // softplus(z) = −log(1 − p)
    const spNeg = tf.add(tf.relu(tf.neg(z)), shared); // softplus(−z) = −log p
    let pos: tfc.Tensor = spNeg;
    let neg: tfc.Tensor = spPos;
    if (gamma !== 0) {
      pos = tf.mul(tf.exp(tf.mul(spPos, -gamma)), spNeg); // (1 − p)^γ · (−log p)
      neg = tf.mul(tf.exp(tf.mul(spNeg, -gamma)), spPos); // p^γ · (−log(1 − p))
    }
    return tf.mean(tf.mul(c, tf.add(tf.mul(y, pos), tf.mul(tf.sub(1, y), neg))));
  });
}

/**
 * Slope of the SUMMED loss in each logit (divide by the row count for the mean), the
 * quantity the backward pass starts from. γ = 0 takes the three-op path c·(σ(z) − y).
 */
export function logitGradient(tf: typeof tfc, y: tfc.Tensor, z: tfc.Tensor, c: tfc.Tensor, gamma: number): tfc.Tensor {
  return tf.tidy(() => {
    const p = tf.sigmoid(z);
    if (gamma === 0) return tf.mul(c, tf.sub(p, y));
    const q = tf.sigmoid(tf.neg(z)); // 1 − p without cancellation near p = 1
    const shared = tf.log1p(tf.exp(tf.neg(tf.abs(z))));
    const spPos = tf.add(tf.relu(z), shared);
    const spNeg = tf.add(tf.relu(tf.neg(z)), shared);
    const pos = tf.neg(tf.mul(tf.exp(tf.mul(spPos, -gamma)), tf.add(tf.mul(tf.mul(p, spNeg), gamma), q)));
    const neg = tf.mul(tf.exp(tf.mul(spNeg, -gamma)), tf.add(tf.mul(tf.mul(q, spPos), gamma), p));
    return tf.mul(c, tf.add(tf.mul(y, pos), tf.mul(tf.sub(1, y), neg)));
  });
}

/**
 * The loss for `weights` as a (labels, logits) → mean function with the explicit gradient
 * above: autodiff through max(·, 0) and |·| gives 0 instead of the true slope at z = 0
 * exactly, which is where every row starts when biases are zero and inputs are imputed zeros.
 */
export function lossFunction(tf: typeof tfc, weights: LossWeights): LossFn {
  checkWeights(weights);
  const op = tf.customGrad((...args) => {
    const y = args[0] as tfc.Tensor;
    const z = args[1] as tfc.Tensor;
    const save = args[2] as (tensors: tfc.Tensor[]) => void;
    save([y, z]);
    const c = rowWeights(tf, y, weights);
    const value = meanLoss(tf, y, z, c, weights.gamma);
    return {
      value,
      gradFunc: (dy: tfc.Tensor, saved: tfc.Tensor[]) => {
        const [ys, zs] = saved;
        const slope = logitGradient(tf, ys, zs, rowWeights(tf, ys, weights), weights.gamma);
        return [tf.zerosLike(ys), tf.mul(slope, tf.div(dy, zs.size))];
      },
    };
  });
  return (yTrue, yPred) => op(tf.cast(yTrue, 'float32'), yPred) as tfc.Scalar;
}

/** Weighted BCE on logits with `posWeight` (positives weighted posWeight, negatives 1). */
export function weightedBceWithLogits(tf: typeof tfc, posWeight: number): LossFn {
  return lossFunction(tf, { positive: posWeight, negative: 1, gamma: 0 });
}

function checkWeights(w: LossWeights): void {
  for (const [name, v] of [
    ['positive weight', w.positive],
    ['negative weight', w.negative],
  ] as const) {
    if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`the ${name} of the loss must be a positive finite number, got ${v}`);
  }
  if (!(w.gamma >= 0) || !Number.isFinite(w.gamma)) throw new RangeError(`focal γ must be a finite number ≥ 0, got ${w.gamma}`);
}
