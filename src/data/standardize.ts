/**
 * Per-feature standardisation with statistics of the training rows only,
 * so validation rows never leak into the preprocessing.
 */

/** Means and standard deviations per feature, in float64. */
export interface Standardizer {
  means: Float64Array;
  stds: Float64Array;
}

/** The JSON form of a {@link Standardizer}, for the model export. */
export interface StandardizerJson {
  means: number[];
  stds: number[];
}

/**
 * Fits means and population standard deviations (as scikit-learn's
 * StandardScaler) over `rows` of the row-major `features` matrix. Missing
 * values (NaN, and ±Infinity, which no model can use) are skipped. A feature
 * with no spread gets std 1 and one with no present value gets mean 0, so
 * applying the standardizer never divides by zero.
 */
export function fitStandardizer(features: Float32Array, featureCount: number, rows: Uint32Array): Standardizer {
  const means = new Float64Array(featureCount);
  const stds = new Float64Array(featureCount);
  const m2 = new Float64Array(featureCount);
  const counts = new Float64Array(featureCount);
  // Welford's update: one pass, and no catastrophic cancellation for large means.
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r] * featureCount;
    for (let j = 0; j < featureCount; j++) {
      const x = features[base + j];
      if (!Number.isFinite(x)) continue;
      const n = ++counts[j];
      const delta = x - means[j];
      means[j] += delta / n;
      m2[j] += delta * (x - means[j]);
    }
  }
  for (let j = 0; j < featureCount; j++) {
    const std = counts[j] > 0 ? Math.sqrt(m2[j] / counts[j]) : 0;
    stds[j] = std > 0 && Number.isFinite(std) ? std : 1;
    if (counts[j] === 0) means[j] = 0;
  }
  return { means, stds };
}

/**
 * Standardises `rows` of `features` into a new row-major Float32Array
 * (rows.length × featureCount). A missing value becomes 0 after
 * standardising, which is imputation by the training mean.
 */
export function applyStandardizer(
  features: Float32Array,
  featureCount: number,
  standardizer: Standardizer,
  rows: Uint32Array,
): Float32Array {
  const { means, stds } = standardizer;
  const out = new Float32Array(rows.length * featureCount);
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r] * featureCount;
    const outBase = r * featureCount;
    for (let j = 0; j < featureCount; j++) {
      const x = features[base + j];
      out[outBase + j] = Number.isFinite(x) ? (x - means[j]) / stds[j] : 0;
    }
  }
  return out;
}

/** Plain-array form for JSON export. */
export function standardizerToJson(s: Standardizer): StandardizerJson {
  return { means: Array.from(s.means), stds: Array.from(s.stds) };
}

/** Inverse of {@link standardizerToJson}. */
export function standardizerFromJson(json: StandardizerJson): Standardizer {
  return { means: Float64Array.from(json.means), stds: Float64Array.from(json.stds) };
}
