/**
 * The one seeded pseudo-random generator of Cutoff: validation splits, shuffles, oversampling
 * and bootstrap resamples are all reproducible from a seed, in Node, the page and a worker alike.
 */

/** A function returning uniform floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a 32-bit generator with a full 2^32 period; plenty for
 * shuffling row indices, and identical on every JS engine (integer maths only).
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n) for n <= 2^32 (multiply-shift; bias < n / 2^32, negligible here). */
export function randomBelow(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** Derives an independent-looking seed for a sub-stream (e.g. epoch k's shuffle). */
export function deriveSeed(seed: number, stream: number): number {
  // Mixing through one mulberry32 step keeps neighbouring streams uncorrelated.
  return Math.floor(mulberry32((seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0)() * 4294967296);
}

/** Shuffles `values` in place (Fisher–Yates) and returns it. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(values: T, random: Random): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}
