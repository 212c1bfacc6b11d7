/**
 * The order in which one epoch visits the training rows: a seeded shuffle, with positives
 * repeated when the loss oversamples them.
 */
import { shuffleInPlace, type Random } from '../data/random';

/**
 * Row indices for one epoch, shuffled with `random`. With `oversample` = w > 1 every positive
 * appears ⌊w⌋ times and a random (w − ⌊w⌋) share of them once more, so each positive is
 * expected w times — the same expectation as drawing w·P positives with replacement, with
 * less variance. `positives` lists the positive rows, `rowCount` is the split's size.
 */
export function epochOrder(rowCount: number, positives: Uint32Array, oversample: number, random: Random): Int32Array {
  if (!(oversample >= 1)) throw new RangeError(`oversample must be at least 1, got ${oversample}`);
  const whole = Math.floor(oversample);
  const extra = Math.round((oversample - whole) * positives.length);
  const order = new Int32Array(rowCount + (whole - 1) * positives.length + extra);
  for (let k = 0; k < rowCount; k++) order[k] = k;
  let at = rowCount;
  for (let copy = 1; copy < whole; copy++) for (let k = 0; k < positives.length; k++) order[at++] = positives[k];
  if (extra > 0) {
    const pool = shuffleInPlace(Int32Array.from(positives), random);
    for (let k = 0; k < extra; k++) order[at++] = pool[k];
  }
  return shuffleInPlace(order, random);
}
