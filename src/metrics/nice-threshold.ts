/**
 * The shortest decimal threshold that selects exactly operating point k of a curve whose
 * distinct scores, descending, are `thresholds` (k of them predicted positive): a t with
 * thresholds[k] < t <= thresholds[k-1]. Every t in that interval gives the same confusion
 * matrix, so the page shows, and the export writes, a readable number that is exactly the
 * operating point on screen.
 */
export function niceThresholdAtIndex(thresholds: ArrayLike<number>, k: number): number {
  const m = thresholds.length;
  if (m === 0) return 0.5;
  if (k <= 0) {
    const max = thresholds[0];
    return shortestIn(max, max < 1 ? 1 : max + 1);
  }
  if (k >= m) {
    const min = thresholds[m - 1];
    return min >= 0 ? 0 : min;
  }
  return shortestIn(thresholds[k], thresholds[k - 1]);
}

// Two doubles are always told apart by 17 significant digits.
const MAX_DIGITS = 17;

/** The number with the fewest decimals in (lo, hi]. */
function shortestIn(lo: number, hi: number): number {
  for (let digits = 0; digits <= MAX_DIGITS; digits++) {
    const scale = 10 ** digits;
    const steps = Math.floor(hi * scale);
    for (const s of [steps, steps - 1]) {
      const candidate = Number((s / scale).toFixed(digits));
      if (candidate > lo && candidate <= hi) return candidate;
    }
  }
  return hi;
}
