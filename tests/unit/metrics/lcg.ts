/**
 * The 32-bit LCG and row generator of tests/fixtures/sklearn/make_fixtures.py, bit for bit:
 * s ← (1664525·s + 1013904223) mod 2³². Only +, ·, / and floor touch the floats, which
 * IEEE 754 rounds the same way in Python and JavaScript.
 */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
}

/** Generated rows: 10% positives, positives shifted up, scores floored to `digits` decimals. */
export function generatedRows(seed: number, n: number, digits: number, weighted: boolean) {
  const next = lcg(seed);
  const scale = digits > 0 ? 10 ** digits : 0;
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  const weights = weighted ? new Float64Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const y = next() / 4294967296 < 0.1 ? 1 : 0;
    const u2 = next() / 4294967296;
    const u3 = next() / 4294967296;
    let s = (u2 + y * 0.6 * u3) / 1.6;
    if (scale > 0) s = Math.floor(s * scale) / scale;
    scores[i] = s;
    labels[i] = y;
    if (weights) weights[i] = next() % 5;
  }
  return { scores, labels, weights };
}
