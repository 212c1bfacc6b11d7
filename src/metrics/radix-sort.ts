/**
 * Sorted keys of a descending float64 sort, as two 32-bit words per value, plus the
 * permutation that sorts them. Produced by {@link radixSortDescending}; the caller reads the sorted keys to find
 * runs of equal scores without touching the scores again.
 */
export interface SortedKeys {
  /** order[i] = original position of the i-th largest value (ties keep input order). */
  order: Uint32Array;
  /** High word of the transformed key of the i-th sorted value. */
  hi: Uint32Array;
  /**
   * Low word of the transformed key of the i-th sorted value. Two sorted values are equal
   * exactly when both words are equal (after -0 was folded into +0).
   */
  lo: Uint32Array;
}

// 11 + 11 + 10 bits per word: three passes per 32-bit word, with histograms of 2048 counters
// that stay in L1. 16-bit digits need fewer passes but scatter into 65,536 buckets, which
// measured slower at 1e6 in V8.
const SHIFTS = [0, 11, 22] as const;
const MASKS = [0x7ff, 0x7ff, 0x3ff] as const;
const BUCKETS = 2048;

/**
 * Stable LSD radix sort of float64 values into descending order. The values come as their
 * raw IEEE 754 words, `hi` (sign, exponent, top of the mantissa) and `lo`, so the caller can
 * fill them while validating its input without holding a Float64Array copy; both arrays are
 * overwritten (transformed in place, then reused as sort buffers). The values must be finite
 * with -0 already folded into +0. `payload[i]` travels with value i (usually the row number).
 *
 * O(n) time: at most six passes, and a pass is skipped when every key has the same digit
 * there (common: probabilities from float32 have 29 zero low bits; scores in [0, 1] share
 * their sign and top exponent bits). LSD radix is stable, so rows with equal scores keep
 * their input order and the result is deterministic.
 *
 * Memory: 24 bytes per value while sorting (two key words and the payload, double-buffered).
 */
export function radixSortDescending(hiIn: Uint32Array, loIn: Uint32Array, positions: Uint32Array): SortedKeys {
  const n = hiIn.length;
  let hi: Uint32Array = hiIn;
  let lo: Uint32Array = loIn;
  const hist = new Uint32Array(6 * BUCKETS);
  for (let i = 0; i < n; i++) {
    let h = hi[i];
    let l = lo[i];
    // Map to an unsigned key whose ascending order is the descending order of the value:
    // negatives keep their bits (sign set: after all positives, larger magnitude later);
    // non-negatives flip every bit but the sign (larger magnitude, smaller key).
    if ((h & 0x80000000) === 0) {
      h = (h ^ 0x7fffffff) >>> 0;
      l = ~l >>> 0;
    }
    hi[i] = h;
    lo[i] = l;
    hist[l & 0x7ff]++;
    hist[BUCKETS + ((l >>> 11) & 0x7ff)]++;
    hist[2 * BUCKETS + (l >>> 22)]++;
    hist[3 * BUCKETS + (h & 0x7ff)]++;
    hist[4 * BUCKETS + ((h >>> 11) & 0x7ff)]++;
    hist[5 * BUCKETS + (h >>> 22)]++;
  }

  let order: Uint32Array = positions;
  let hiTmp: Uint32Array = new Uint32Array(n);
  let loTmp: Uint32Array = new Uint32Array(n);
  let orderTmp: Uint32Array = new Uint32Array(n);
  const offsets = new Uint32Array(BUCKETS);

  for (let pass = 0; pass < 6; pass++) {
    const base = pass * BUCKETS;
    if (isTrivialPass(hist, base, n)) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      offsets[b] = sum;
      sum += hist[base + b];
    }
    const shift = SHIFTS[pass % 3];
    const mask = MASKS[pass % 3];
    if (pass < 3) {
      // Low-word digits: move both words and the payload.
      for (let i = 0; i < n; i++) {
        const l = lo[i];
        const dst = offsets[(l >>> shift) & mask]++;
        loTmp[dst] = l;
        hiTmp[dst] = hi[i];
        orderTmp[dst] = order[i];
      }
      [lo, loTmp] = [loTmp, lo];
    } else {
      // High-word digits. The low word still travels along: the caller reads the sorted
      // (hi, lo) pairs sequentially to find runs of ties and to decode the thresholds, which
      // is cheaper than gathering the scores through the permutation.
      for (let i = 0; i < n; i++) {
        const h = hi[i];
        const dst = offsets[(h >>> shift) & mask]++;
        hiTmp[dst] = h;
        loTmp[dst] = lo[i];
        orderTmp[dst] = order[i];
      }
      [lo, loTmp] = [loTmp, lo];
    }
    [hi, hiTmp] = [hiTmp, hi];
    [order, orderTmp] = [orderTmp, order];
  }
  return { order, hi, lo };
}

/** True when one bucket holds all n keys, so the pass would not move anything. */
function isTrivialPass(hist: Uint32Array, base: number, n: number): boolean {
  for (let b = 0; b < BUCKETS; b++) {
    const c = hist[base + b];
    if (c !== 0) return c === n;
  }
  return true;
}
