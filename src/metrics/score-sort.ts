import { radixSortU32 } from './radix-sort';

/**
 * Descending sort of float64 scores for ScoreCurve, by their bits, in O(n).
 *
 * A float64 is two 32-bit words. Each word is mapped to an unsigned key whose ascending
 * order is the descending order of the value (see {@link toDescendingKey}). The rows are
 * radix-sorted by the high-word key alone (two 16-bit passes instead of four over 64 bits),
 * then each run of equal high words, which is short unless scores agree in their first ~20
 * significant bits, is put in order by its low-word key. Rows carry a payload (row << 1 |
 * label), so labels need no lookup afterwards. Stable throughout: rows with equal scores keep
 * their input order.
 *
 * Measured at 1e6 scores in V8 this is about 3× faster than Float64Array.prototype.sort and
 * than a full 64-bit LSD radix sort carrying the payload.
 */

/**
 * Key of the high word of a finite float64 (-0 folded to +0): non-negative values flip every
 * bit but the sign (larger magnitude, smaller key); negatives keep their bits (sign set, so
 * after every non-negative; larger magnitude, larger key). The map keeps the sign bit and is
 * its own inverse, so hiKey(key) gives the word back.
 */
export function hiKey(hiWord: number): number {
  return (hiWord & 0x80000000) === 0 ? (hiWord ^ 0x7fffffff) >>> 0 : hiWord >>> 0;
}

/**
 * Key of the low word, given the high word (or, equally, the high key: the sign bit is the
 * same). Also its own inverse: loKey(hiKey, key) gives the low word back.
 */
export function loKey(hiWordOrKey: number, loWord: number): number {
  return (hiWordOrKey & 0x80000000) === 0 ? ~loWord >>> 0 : loWord >>> 0;
}

// Runs up to this length are insertion-sorted; longer ones get an 8-bit radix sort.
const INSERTION_MAX = 32;

/**
 * Sorts rows by descending score.
 * @param hi high-word keys of the kept rows (consumed).
 * @param payload (row << 1 | label) of the kept rows, same order as hi (consumed).
 * @param loByRow low-word keys indexed by row.
 * @returns high-word keys and payloads in sorted order.
 */
export function sortScoresDescending(
  hi: Uint32Array,
  payload: Uint32Array,
  loByRow: Uint32Array,
): { hi: Uint32Array; payload: Uint32Array } {
  const sorted = radixSortU32(hi, payload, 16);
  const h = sorted.keys;
  const p = sorted.payload;
  const n = h.length;
  let i = 0;
  while (i < n) {
    const key = h[i];
    let j = i + 1;
    while (j < n && h[j] === key) j++;
    if (j - i > 1) sortRunByLow(p, i, j, loByRow);
    i = j;
  }
  return { hi: h, payload: p };
}

/** Orders p[start..end) (rows with equal high words) by ascending low-word key, stably. */
function sortRunByLow(p: Uint32Array, start: number, end: number, loByRow: Uint32Array): void {
  // Many runs are exact ties (rounded scores): nothing to do.
  const first = loByRow[p[start] >>> 1];
  let differs = false;
  for (let a = start + 1; a < end && !differs; a++) differs = loByRow[p[a] >>> 1] !== first;
  if (!differs) return;
  if (end - start <= INSERTION_MAX) {
    for (let a = start + 1; a < end; a++) {
      const x = p[a];
      const kx = loByRow[x >>> 1];
      let b = a - 1;
      while (b >= start && loByRow[p[b] >>> 1] > kx) {
        p[b + 1] = p[b];
        b--;
      }
      p[b + 1] = x;
    }
    return;
  }
  const run = p.subarray(start, end);
  const keys = new Uint32Array(run.length);
  for (let a = 0; a < run.length; a++) keys[a] = loByRow[run[a] >>> 1];
  const out = radixSortU32(keys, run.slice(), 8);
  run.set(out.payload);
}
