/**
 * The rows of one split as plain typed arrays, and batches cut from them.
 * Rows stay in JS memory and only a batch at a time becomes a tensor: the
 * WASM backend copies a tensor's whole buffer on every slice or gather, so
 * cutting batches out of one big tensor would cost O(rows) per batch.
 */

/** Standardised features, labels and per-row loss multipliers of one split. */
export interface SplitRows {
  n: number;
  featureCount: number;
  /** Row-major n × featureCount, encoded by the preprocessing, no NaN. */
  x: Float32Array;
  /** 1 = positive, 0 = negative. */
  y: Float32Array;
  /** Loss multiplier of each row in a training batch (by class, from the loss). */
  c: Float32Array;
}

/** Builds {@link SplitRows} from encoded features, the rows' 0/1 labels and the batch weight of each class. */
export function splitRows(x: Float32Array, featureCount: number, y: Float32Array, weights: { positive: number; negative: number }): SplitRows {
  const c = new Float32Array(y.length);
  for (let i = 0; i < y.length; i++) c[i] = y[i] === 1 ? weights.positive : weights.negative;
  return { n: y.length, featureCount, x, y, c };
}

/**
 * Copies rows order[start .. start+size) into fresh arrays (fresh, because some backends keep
 * the array a tensor was made from); each row weight is multiplied by `cScale` (1/size turns
 * the summed loss into the mean without a tensor op).
 */
export function gatherBatch(rows: SplitRows, order: Int32Array, start: number, size: number, cScale = 1): { x: Float32Array; y: Float32Array; c: Float32Array } {
  const d = rows.featureCount;
  const x = new Float32Array(size * d);
  const y = new Float32Array(size);
  const c = new Float32Array(size);
  const source = rows.x;
  // An element loop, not set(subarray(…)): a view object per row was a third of the epoch's
  // JavaScript time on 200,000 rows, and the garbage collector's work besides.
  for (let k = 0, at = 0; k < size; k++) {
    const r = order[start + k];
    for (let j = 0, from = r * d; j < d; j++) x[at++] = source[from + j];
    y[k] = rows.y[r];
    c[k] = rows.c[r] * cScale;
  }
  return { x, y, c };
}
