/**
 * Median by selection (Hoare's quickselect), O(n) on average: a full sort of every column's
 * training values would dominate preprocessing on large files.
 */

/** The median of `values` (the mean of the two middle values for an even count); reorders `values`. NaN when empty. */
export function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const upper = select(values, n >> 1);
  if (n % 2 === 1) return upper;
  // After selecting k, everything left of k is ≤ values[k]: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (values[i] > lower) lower = values[i];
  return (lower + upper) / 2;
}

/** Reorders `a` so that a[k] is the k-th smallest, smaller ones before it, larger after; returns a[k]. */
export function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    // Median of three as the pivot keeps sorted and reversed inputs linear.
    const mid = (lo + hi) >> 1;
    const pivot = medianOf3(a[lo], a[mid], a[hi]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function medianOf3(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}
