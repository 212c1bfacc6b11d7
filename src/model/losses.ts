/**
 * Weighted binary cross-entropy on logits, in the numerically stable form
 * (the same quantity as PyTorch's BCEWithLogitsLoss(pos_weight)):
 *
 *   loss = mean_i [ w·y_i·softplus(−z_i) + (1 − y_i)·softplus(z_i) ]
 *   softplus(x) = max(x, 0) + log1p(exp(−|x|))
 *
 * Working on logits, never on probabilities, keeps log(0) out of the loss at
 * extreme scores (a logit of ±100 is an ordinary, finite loss).
 */
import type * as tfc from '@tensorflow/tfjs-core';

/** A loss usable as a tf.layers model loss: (labels, logits) → scalar. */
export type LossFn = (yTrue: tfc.Tensor, yPred: tfc.Tensor) => tfc.Scalar;

/**
 * Builds the weighted BCE-with-logits loss for `posWeight` with tfjs ops.
 * The gradient is given explicitly, (w·y·(σ(z) − 1) + (1 − y)·σ(z)) / n, because
 * autodiff through max(·,0) and |·| gives 0 instead of the true slope at z = 0
 * exactly — which is where every row starts when biases are zero and a row's
 * inputs are all imputed zeros.
 */
export function weightedBceWithLogits(tf: typeof tfc, posWeight: number): LossFn {
  if (!(posWeight > 0) || !Number.isFinite(posWeight)) {
    throw new RangeError(`pos_weight must be a positive finite number, got ${posWeight}`);
  }
  const op = tf.customGrad((...args) => {
    const y = args[0] as tfc.Tensor;
    const z = args[1] as tfc.Tensor;
    const save = args[2] as (tensors: tfc.Tensor[]) => void;
    save([y, z]);
    const shared = tf.log1p(tf.exp(tf.neg(tf.abs(z))));
    const spNeg = tf.add(tf.relu(tf.neg(z)), shared); // softplus(−z)
    const spPos = tf.add(tf.relu(z), shared); // softplus(z)
    const perRow = tf.add(tf.mul(tf.mul(y, posWeight), spNeg), tf.mul(tf.sub(1, y), spPos));
    const value = tf.mean(perRow);
    return {
      value,
      gradFunc: (dy: tfc.Tensor, saved: tfc.Tensor[]) => {
        const [ys, zs] = saved;
        const p = tf.sigmoid(zs);
        const slope = tf.add(tf.mul(tf.mul(ys, posWeight), tf.sub(p, 1)), tf.mul(tf.sub(1, ys), p));
        const dz = tf.mul(slope, tf.div(dy, zs.size));
        return [tf.zerosLike(ys), dz];
      },
    };
  });
  return (yTrue, yPred) => op(tf.cast(yTrue, 'float32'), yPred) as tfc.Scalar;
}

/** log(1 + e^x) without overflow or loss of precision, in float64. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** Plain-JS float64 reference of {@link weightedBceWithLogits}, for tests and checks. */
export function weightedBceReference(logits: ArrayLike<number>, labels: ArrayLike<number>, posWeight: number): number {
  if (logits.length !== labels.length) throw new RangeError('logits and labels differ in length');
  if (logits.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const y = labels[i];
    const z = logits[i];
    sum += posWeight * y * softplus(-z) + (1 - y) * softplus(z);
  }
  return sum / logits.length;
}
