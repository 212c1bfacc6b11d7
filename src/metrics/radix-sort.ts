/**
 * Stable LSD radix sort of unsigned 32-bit keys, ascending, carrying a 32-bit payload.
 *
 * `digitBits` 16 (two passes, 65,536 buckets) is fastest for large arrays; 8 (four passes,
 * 256 buckets) for short ones, where clearing and summing 65,536 counters would dominate.
 * A pass is skipped when all keys share that digit (e.g. the top bits of scores in [0, 1]).
 * LSD radix is stable: equal keys keep their input order, so results are deterministic.
 *
 * The inputs are used as sort buffers; read the result from the returned arrays, which are
 * either the inputs or the scratch arrays (pass scratch to avoid allocating; length >= n).
 */
export function radixSortU32(
  keys: Uint32Array,
  payload: Uint32Array,
  digitBits: 8 | 16,
  scratchKeys?: Uint32Array,
  scratchPayload?: Uint32Array,
): { keys: Uint32Array; payload: Uint32Array } {
  const n = keys.length;
  const buckets = 1 << digitBits;
  const mask = buckets - 1;
  const passes = 32 / digitBits;
  const hist = new Uint32Array(passes * buckets);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    for (let d = 0; d < passes; d++) hist[d * buckets + ((k >>> (d * digitBits)) & mask)]++;
  }
  let k0: Uint32Array = keys;
  let p0: Uint32Array = payload;
  let k1: Uint32Array = scratchKeys ? scratchKeys.subarray(0, n) : new Uint32Array(n);
  let p1: Uint32Array = scratchPayload ? scratchPayload.subarray(0, n) : new Uint32Array(n);
  const offsets = new Uint32Array(buckets);
  for (let d = 0; d < passes; d++) {
    const base = d * buckets;
    if (oneBucket(hist, base, buckets, n)) continue;
    let sum = 0;
    for (let b = 0; b < buckets; b++) {
      offsets[b] = sum;
      sum += hist[base + b];
    }
    scatter(k0, p0, k1, p1, offsets, d * digitBits, mask, n);
    [k0, k1] = [k1, k0];
    [p0, p1] = [p1, p0];
  }
  return { keys: k0, payload: p0 };
}

/** One counting-sort pass. A separate small function so V8 optimises the hot loop alone. */
function scatter(
  keys: Uint32Array,
  payload: Uint32Array,
  outKeys: Uint32Array,
  outPayload: Uint32Array,
  offsets: Uint32Array,
  shift: number,
  mask: number,
  n: number,
): void {
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    const dst = offsets[(k >>> shift) & mask]++;
    outKeys[dst] = k;
    outPayload[dst] = payload[i];
  }
}

/** True when one bucket holds all n keys, so the pass would not move anything. */
function oneBucket(hist: Uint32Array, base: number, buckets: number, n: number): boolean {
  for (let b = 0; b < buckets; b++) {
    const c = hist[base + b];
    if (c !== 0) return c === n;
  }
  return true;
}
