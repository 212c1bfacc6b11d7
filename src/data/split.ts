/**
 * Stratified, seeded train/validation split: every class keeps its share in
 * both parts, so a rare positive class is never missing from validation.
 */
import { mulberry32, shuffleInPlace } from './random';

/** Row indices of the two parts, each ascending. */
export interface Split {
  train: Uint32Array;
  validation: Uint32Array;
}

/**
 * Splits rows by class value: of each class's rows, round(count × fraction)
 * go to validation, but at least one (and at most count − 1) when the class has
 * two or more rows; a class with a single row stays in training.
 * The same labels, fraction and seed always give the same split.
 */
export function stratifiedSplit(labels: Uint8Array, validationFraction: number, seed: number): Split {
  if (!(validationFraction > 0 && validationFraction < 1)) {
    throw new RangeError(`validationFraction must be between 0 and 1 (exclusive), got ${validationFraction}`);
  }
  // Bucket rows by class (labels are bytes, so 256 buckets at most).
  const counts = new Uint32Array(256);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  const byClass: Uint32Array[] = [];
  const fill = new Uint32Array(256);
  for (let c = 0; c < 256; c++) byClass.push(new Uint32Array(counts[c]));
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    byClass[c][fill[c]++] = i;
  }

  const random = mulberry32(seed);
  const validationParts: Uint32Array[] = [];
  let validationSize = 0;
  for (let c = 0; c < 256; c++) {
    const rows = byClass[c];
    if (rows.length < 2) continue;
    const wanted = Math.round(rows.length * validationFraction);
    const size = Math.min(rows.length - 1, Math.max(1, wanted));
    // Shuffle only this class's rows, in class order, so a class's split does
    // not depend on how the other classes are interleaved with it.
    shuffleInPlace(rows, random);
    validationParts.push(rows.subarray(0, size));
    validationSize += size;
  }

  const inValidation = new Uint8Array(labels.length);
  for (const part of validationParts) for (let k = 0; k < part.length; k++) inValidation[part[k]] = 1;
  const validation = new Uint32Array(validationSize);
  const train = new Uint32Array(labels.length - validationSize);
  let v = 0;
  let t = 0;
  // A single pass over the membership mask yields both parts already ascending.
  for (let i = 0; i < labels.length; i++) {
    if (inValidation[i]) validation[v++] = i;
    else train[t++] = i;
  }
  return { train, validation };
}
