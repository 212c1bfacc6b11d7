/**
 * Median by selection (d3-array's quickselect, Floyd–Rivest), O(n) on average: a full sort of
 * every column's training values would dominate preprocessing on large files. Not d3's
 * `median`: for an even count it interpolates, v₀ + (v₁ − v₀)/2, which can differ from numpy's
 * and scikit-learn's (v₀ + v₁)/2 in the last bit.
 */
import { quickselect } from 'd3-array';

/** The median of `values` (the mean of the two middle values for an even count); reorders `values`. NaN when empty. */
export function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const k = n >> 1;
  quickselect(values, k);
  const upper = values[k];
  if (n % 2 === 1) return upper;
  // After selecting k, everything left of k is ≤ values[k]: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < k; i++) if (values[i] > lower) lower = values[i];
  return (lower + upper) / 2;
}
