/**
 * Stratified, seeded k-fold assignment: each class's rows are shuffled and dealt round-robin
 * onto the folds, so every fold keeps the class shares (a rare positive class is spread
 * evenly) and fold sizes differ by at most one row per class.
 */
import { deriveSeed, mulberry32, shuffleInPlace } from '../data/random';

/** The fold (0 … k−1) of each row. The same labels, k and seed always give the same folds. */
export function stratifiedFolds(labels: Uint8Array, k: number, seed: number): Uint8Array {
  if (!Number.isInteger(k) || k < 2 || k > 255) throw new RangeError(`the number of folds must be a whole number from 2 to 255, got ${k}`);
  const foldOf = new Uint8Array(labels.length);
  // Its own stream of the seed, so the folds do not replay the hold-out split's shuffle.
  const random = mulberry32(deriveSeed(seed, 0x4b464f4c));
  let offset = 0;
  for (const value of new Set(labels)) {
    const rows = Uint32Array.from(labels.keys()).filter((i) => labels[i] === value);
    shuffleInPlace(rows, random);
    // Each class starts where the last one stopped, so small folds are not always the last ones.
    for (let j = 0; j < rows.length; j++) foldOf[rows[j]] = (offset + j) % k;
    offset = (offset + rows.length) % k;
  }
  return foldOf;
}

/** The rows in fold `fold` and the rest, each ascending. */
export function foldSplit(foldOf: Uint8Array, fold: number): { train: Uint32Array; validation: Uint32Array } {
  let size = 0;
  for (let i = 0; i < foldOf.length; i++) if (foldOf[i] === fold) size++;
  const validation = new Uint32Array(size);
  const train = new Uint32Array(foldOf.length - size);
  let v = 0;
  let t = 0;
  for (let i = 0; i < foldOf.length; i++) {
    if (foldOf[i] === fold) validation[v++] = i;
    else train[t++] = i;
  }
  return { train, validation };
}
