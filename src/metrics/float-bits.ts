/**
 * Bit-level helpers for float64 values. Typed-array aliasing works the same in Node and in a
 * Web Worker, so this needs no DataView or BigInt (both are slower in hot loops).
 */

const probe = new Uint8Array(new Uint32Array([1]).buffer);

/** Index of the high (sign/exponent) 32-bit word of a float64 inside a Uint32Array alias. */
export const HI_WORD = probe[0] === 1 ? 1 : 0;
/** Index of the low 32-bit word of a float64 inside a Uint32Array alias. */
export const LO_WORD = 1 - HI_WORD;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * The smallest float64 strictly greater than x (Math.nextUp in Java). Infinity stays Infinity
 * and NaN stays NaN. Used for "a threshold just above the top score", so that `score >= t`
 * selects nothing while t stays as close to the data as a double allows.
 */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE; // covers -0 as well
  f64[0] = x;
  let hi = u32[HI_WORD];
  let lo = u32[LO_WORD];
  if (x > 0) {
    // Positive: the next double has the next larger bit pattern.
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    // Negative: magnitude shrinks, so the bit pattern decreases.
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  u32[HI_WORD] = hi;
  u32[LO_WORD] = lo;
  return f64[0];
}
