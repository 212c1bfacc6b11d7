/**
 * A threshold on mapped scores moved back onto raw scores, exactly: the smallest finite double x
 * with map(x) >= t, so `raw >= x` in an engine decides as `map(raw) >= t` does in `cutoff apply`,
 * with no EXP or division in the engine whose last bit could differ from this process's.
 */
import type { AppliedTransform } from '../data/score-transform';
import { transformScore } from './score-transform';

const view = new DataView(new ArrayBuffer(8));
const SIGN = 1n << 63n;

/** A double's place in the order of doubles, as an integer (-0 and 0 share one). */
function keyOf(x: number): bigint {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  return bits & SIGN ? -(bits & ~SIGN) : bits;
}

function doubleOf(key: bigint): number {
  view.setBigUint64(0, key < 0n ? -key | SIGN : key);
  return view.getFloat64(0);
}

/**
 * The smallest finite raw score whose mapped score is >= t; null when no finite score reaches t.
 * Requires a mapping that never decreases (division by a positive number, min-max with max > min,
 * the sigmoid), which is what makes one cut on raw scores the same rule.
 */
export function rawCut(t: number, transform: AppliedTransform | null): number | null {
  if (transform === null) return t;
  const map = transformScore(transform);
  const reaches = (x: number) => map(x) >= t;
  if (!reaches(Number.MAX_VALUE)) return null;
  if (reaches(-Number.MAX_VALUE)) return -Number.MAX_VALUE;
  // Invariant: the doubles at lo do not reach t, the ones at hi do.
  let lo = keyOf(-Number.MAX_VALUE);
  let hi = keyOf(Number.MAX_VALUE);
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (reaches(doubleOf(mid))) hi = mid;
    else lo = mid;
  }
  return doubleOf(hi);
}
