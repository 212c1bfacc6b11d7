/**
 * Stable LSD radix sorts of unsigned 32-bit keys, ascending, that carry their payload along
 * (never through an index permutation: looking rows up in sorted order is a random memory
 * access per row, which at 1e6 rows costs more than the sort itself).
 *
 * A pass is skipped when all keys share that digit (e.g. the top bits of scores in [0, 1]).
 * LSD radix is stable: equal keys keep their input order, so results are deterministic.
 * Inputs are used as sort buffers; read the result from the returned arrays.
 */

/**
 * Sorts by `keys` with 16-bit digits (two passes), carrying `lo` and `w`.
 * Memory: the inputs plus one scratch copy of each (32 bytes per element in all).
 */
export function radixSort16(keys: Uint32Array, lo: Uint32Array, w: Float64Array): { keys: Uint32Array; lo: Uint32Array; w: Float64Array } {
  const n = keys.length;
  const hist = new Uint32Array(2 * 0x10000);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    hist[k & 0xffff]++;
    hist[0x10000 + (k >>> 16)]++;
  }
  let k0: Uint32Array = keys;
  let l0: Uint32Array = lo;
  let w0: Float64Array = w;
  let k1: Uint32Array | undefined;
  let l1: Uint32Array | undefined;
  let w1: Float64Array | undefined;
  const offsets = new Uint32Array(0x10000);
  for (let d = 0; d < 2; d++) {
    if (!prefixSums(hist, d * 0x10000, 0x10000, n, offsets)) continue;
    k1 ??= new Uint32Array(n);
    l1 ??= new Uint32Array(n);
    w1 ??= new Float64Array(n);
    scatter3(k0, l0, w0, k1, l1, w1, offsets, d * 16, 0xffff);
    [k0, k1] = [k1, k0];
    [l0, l1] = [l1, l0];
    [w0, w1] = [w1, w0];
  }
  return { keys: k0, lo: l0, w: w0 };
}

/** Sorts by `keys` with 8-bit digits (four passes, small histograms), carrying `w`. For short arrays. */
export function radixSort8(keys: Uint32Array, w: Float64Array): { keys: Uint32Array; w: Float64Array } {
  const n = keys.length;
  const hist = new Uint32Array(4 * 0x100);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    hist[k & 0xff]++;
    hist[0x100 + ((k >>> 8) & 0xff)]++;
    hist[0x200 + ((k >>> 16) & 0xff)]++;
    hist[0x300 + (k >>> 24)]++;
  }
  let k0: Uint32Array = keys;
  let w0: Float64Array = w;
  let k1: Uint32Array | undefined;
  let w1: Float64Array | undefined;
  const offsets = new Uint32Array(0x100);
  for (let d = 0; d < 4; d++) {
    if (!prefixSums(hist, d * 0x100, 0x100, n, offsets)) continue;
    k1 ??= new Uint32Array(n);
    w1 ??= new Float64Array(n);
    scatter2(k0, w0, k1, w1, offsets, d * 8, 0xff);
    [k0, k1] = [k1, k0];
    [w0, w1] = [w1, w0];
  }
  return { keys: k0, w: w0 };
}

/**
 * Exclusive prefix sums of one digit's histogram into `offsets`. Returns false (pass not
 * needed) when a single bucket holds all n keys.
 */
function prefixSums(hist: Uint32Array, base: number, buckets: number, n: number, offsets: Uint32Array): boolean {
  let sum = 0;
  for (let b = 0; b < buckets; b++) {
    const c = hist[base + b];
    if (c === n) return false;
    offsets[b] = sum;
    sum += c;
  }
  return true;
}

// The counting-sort passes are separate small functions so V8 optimises each hot loop alone.

function scatter3(
  keys: Uint32Array,
  lo: Uint32Array,
  w: Float64Array,
  outKeys: Uint32Array,
  outLo: Uint32Array,
  outW: Float64Array,
  offsets: Uint32Array,
  shift: number,
  mask: number,
): void {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const dst = offsets[(k >>> shift) & mask]++;
    outKeys[dst] = k;
    outLo[dst] = lo[i];
    outW[dst] = w[i];
  }
}

function scatter2(keys: Uint32Array, w: Float64Array, outKeys: Uint32Array, outW: Float64Array, offsets: Uint32Array, shift: number, mask: number): void {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const dst = offsets[(k >>> shift) & mask]++;
    outKeys[dst] = k;
    outW[dst] = w[i];
  }
}
