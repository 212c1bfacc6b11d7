/**
 * Test oracle: scikit-learn's default LogisticRegression (L2, C = 1, unpenalised intercept),
 * fitted by Newton's method to convergence. Checked against sklearn in
 * tests/unit/model/small-data.test.ts; used as the bar a default training run must reach.
 */

/** Coefficients per feature and the intercept. */
export interface LogisticFit {
  coef: number[];
  intercept: number;
}

/** Fits rows × features `x` (row-major arrays) to 0/1 labels `y`. */
export function fitLogistic(x: number[][], y: ArrayLike<number>, C = 1, iterations = 100): LogisticFit {
  const d = x[0]?.length ?? 0;
  const p = d + 1; // the intercept is the last parameter
  const w = new Array<number>(p).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(p).fill(0);
    const hess = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < x.length; i++) {
      const row = [...x[i], 1];
      const z = row.reduce((s, v, j) => s + v * w[j], 0);
      const mu = 1 / (1 + Math.exp(-z));
      for (let j = 0; j < p; j++) {
        grad[j] += C * (mu - y[i]) * row[j];
        for (let k = 0; k < p; k++) hess[j][k] += C * mu * (1 - mu) * row[j] * row[k];
      }
    }
    for (let j = 0; j < d; j++) {
      grad[j] += w[j];
      hess[j][j] += 1;
    }
    const step = solve(hess, grad);
    let size = 0;
    for (let j = 0; j < p; j++) {
      w[j] -= step[j];
      size = Math.max(size, Math.abs(step[j]));
    }
    if (size < 1e-12) break;
  }
  return { coef: w.slice(0, d), intercept: w[d] };
}

/** The decision function w·x + b of each row. */
export function decisionFunction(fit: LogisticFit, x: number[][]): Float64Array {
  return Float64Array.from(x, (row) => row.reduce((s, v, j) => s + v * fit.coef[j], fit.intercept));
}

/** Gaussian elimination with partial pivoting (small systems only). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}
