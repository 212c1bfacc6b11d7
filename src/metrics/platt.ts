import type { ScoreCurve } from './score-curve';

/** Platt scaling: calibrated probability = 1 / (1 + exp(a · score + b)) (Platt's sign convention). */
export interface PlattModel {
  a: number;
  b: number;
}

/** The calibrated probability of a score under a Platt model. */
export function plattPredict(model: PlattModel, score: number): number {
  const z = model.a * score + model.b;
  // Evaluate on the side that does not overflow exp.
  if (z >= 0) {
    const e = Math.exp(-z);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(z));
}

/**
 * Fits Platt scaling as scikit-learn's CalibratedClassifierCV(method="sigmoid") does: the
 * targets are Platt's smoothed labels (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2) rather than 1 and 0,
 * and the start is a = 0, b = log((N₋ + 1)/(N₊ + 1)). Weights count as in the curve.
 * Minimised by Newton's method with backtracking (Lin, Lin & Weng 2007) over the distinct
 * scores, O(size) per iteration; scikit-learn uses BFGS and stops a little earlier, so
 * the two agree to about 1e-6.
 */
export function fitPlatt(curve: ScoreCurve): PlattModel {
  const m = curve.size;
  const f = curve.thresholds;
  const posW = new Float64Array(m);
  const negW = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    posW[i] = curve.cumTp[i] - (i > 0 ? curve.cumTp[i - 1] : 0);
    negW[i] = curve.cumFp[i] - (i > 0 ? curve.cumFp[i - 1] : 0);
  }
  const prior1 = curve.positives;
  const prior0 = curve.negatives;
  const tPos = (prior1 + 1) / (prior1 + 2);
  const tNeg = 1 / (prior0 + 2);

  const objective = (a: number, b: number): number => {
    let sum = 0;
    for (let i = 0; i < m; i++) {
      const z = a * f[i] + b;
      // −log P and −log(1 − P) for P = σ(−z), computed without overflow.
      const nlP = softplus(z);
      const nl1mP = softplus(-z);
      sum += posW[i] * (tPos * nlP + (1 - tPos) * nl1mP) + negW[i] * (tNeg * nlP + (1 - tNeg) * nl1mP);
    }
    return sum;
  };

  let a = 0;
  let b = Math.log((prior0 + 1) / (prior1 + 1));
  let fval = objective(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-12; // tiny ridge keeps the Hessian invertible (Lin et al.)
    let hAB = 0;
    let hBB = 1e-12;
    for (let i = 0; i < m; i++) {
      const p = plattPredict({ a, b }, f[i]);
      const d = p * (1 - p);
      const wp = posW[i];
      const wn = negW[i];
      const r = wp * (tPos - p) + wn * (tNeg - p);
      const w = wp + wn;
      gA += r * f[i];
      gB += r;
      hAA += w * d * f[i] * f[i];
      hAB += w * d * f[i];
      hBB += w * d;
    }
    if (Math.abs(gA) < 1e-10 * Math.max(1, prior0 + prior1) && Math.abs(gB) < 1e-10 * Math.max(1, prior0 + prior1)) break;
    const det = hAA * hBB - hAB * hAB;
    const dA = -(hBB * gA - hAB * gB) / det;
    const dB = -(-hAB * gA + hAA * gB) / det;
    const slope = gA * dA + gB * dB;
    let step = 1;
    let improved = false;
    while (step >= 1e-10) {
      const na = a + step * dA;
      const nb = b + step * dB;
      const nf = objective(na, nb);
      if (nf < fval + 1e-4 * step * slope) {
        a = na;
        b = nb;
        fval = nf;
        improved = true;
        break;
      }
      step /= 2;
    }
    if (!improved) break;
  }
  return { a, b };
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
