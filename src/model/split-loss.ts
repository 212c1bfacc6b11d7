/**
 * Loss and probabilities of the current weights over a whole split, in a
 * few large forward passes instead of many small ones.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type { FlatMlp } from './flat-mlp';
import type { LossFn } from './losses';
import type { Random } from '../data/random';
import type { SplitRows } from './rows';

/**
 * Rows per forward pass: large enough that per-kernel overhead vanishes
 * (tf.layers' default predict batch of 32 is ~100× slower here), small
 * enough to bound memory (rows × widest layer × 4 bytes, 4 MiB at 32 units).
 */
export const EVALUATION_CHUNK = 32768;

/** Result of {@link lossOverSplit}. */
export interface SplitLoss {
  /** Mean loss over the rows. */
  loss: number;
  /** σ(logit) per row, in row order; null unless asked for. */
  probabilities: Float32Array | null;
}

/**
 * The mean loss of `net` over every row of `rows` (and each row's probability when asked).
 * Not src/metrics/evaluate.ts (a threshold's figures) nor useEvaluation (the scores a page chooses on).
 */
export async function lossOverSplit(tf: typeof tfc, net: Pick<FlatMlp, 'logits'>, loss: LossFn, rows: SplitRows, withProbabilities: boolean): Promise<SplitLoss> {
  const { n, featureCount: d } = rows;
  const probabilities = withProbabilities ? new Float32Array(n) : null;
  let sum = 0;
  for (let start = 0; start < n; start += EVALUATION_CHUNK) {
    const size = Math.min(EVALUATION_CHUNK, n - start);
    const [lossT, probT] = tf.tidy((): [tfc.Scalar, tfc.Tensor] => {
      const x = tf.tensor2d(rows.x.subarray(start * d, (start + size) * d), [size, d]);
      const y = tf.tensor2d(rows.y.subarray(start, start + size), [size, 1]);
      const logits = net.logits(x);
      return [loss(y, logits), tf.sigmoid(logits)];
    });
    try {
      sum += (await lossT.data())[0] * size;
      // Copied out (set), never handed on: a backend may return its own buffer.
      if (probabilities) probabilities.set(await probT.data(), start);
    } finally {
      lossT.dispose();
      probT.dispose();
    }
  }
  return { loss: sum / n, probabilities };
}

/**
 * Rows the training loss is measured on after each epoch. Its mean over a fixed sample of this
 * many rows has a standard error far below the epoch-to-epoch change the loss chart shows,
 * and a forward pass over every training row cost a fifth of a 200,000-row epoch.
 */
export const TRAIN_LOSS_ROWS = 32768;

/** `rows` itself when it has at most `size` rows, else `size` of them drawn with `random` (kept in their order). */
export function lossSample(rows: SplitRows, size: number, random: Random): SplitRows {
  const { n, featureCount: d } = rows;
  if (n <= size) return rows;
  // A partial Fisher–Yates: only the first `size` places are drawn.
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = index[i];
    index[i] = index[j];
    index[j] = t;
  }
  const picked = index.subarray(0, size).sort();
  const x = new Float32Array(size * d);
  const y = new Float32Array(size);
  const c = new Float32Array(size);
  for (let k = 0, at = 0; k < size; k++) {
    const r = picked[k];
    for (let j = 0, from = r * d; j < d; j++) x[at++] = rows.x[from + j];
    y[k] = rows.y[r];
    c[k] = rows.c[r];
  }
  return { n: size, featureCount: d, x, y, c };
}
