/**
 * Scores rows with a loaded model: preprocessing, then the network in large batches, then
 * σ(logit).
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import type * as tfc from '@tensorflow/tfjs-core';
import type { Preprocessor, RawColumn } from '../data/preprocess';
import { applyPreprocessor } from '../data/preprocess-apply';
import { EVALUATION_CHUNK } from './split-loss';
import type { Tf } from './tf';

/** Probabilities for `rows` of `columns`, in row order. */
export async function scoreRows(tf: Tf, network: tfl.LayersModel, preprocessor: Preprocessor, columns: RawColumn[], rows: Uint32Array): Promise<Float32Array> {
  const x = applyPreprocessor(preprocessor, columns, rows);
  const d = preprocessor.inputs.length;
  const n = rows.length;
  const scores = new Float32Array(n);
  for (let start = 0; start < n; start += EVALUATION_CHUNK) {
    const size = Math.min(EVALUATION_CHUNK, n - start);
    const p = tf.core.tidy(() => tf.core.sigmoid(network.predict(tf.core.tensor2d(x.subarray(start * d, (start + size) * d), [size, d]), { batchSize: size }) as tfc.Tensor));
    try {
      scores.set(await p.data(), start);
    } finally {
      p.dispose();
    }
  }
  return scores;
}
