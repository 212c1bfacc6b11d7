import { bisectRight } from 'd3-array';
import { classWeights } from './class-weights';
import type { ScoreCurve } from './score-curve';

/**
 * The upper convex hull of the operating points in "cost space": point k is
 * (X_k, Y_k) = (wN · fp_k, wP · tp_k), i.e. FPR and TPR scaled by the class shares.
 * The expected cost per case for costs (C_FP, C_FN) is C_FP·X_k + C_FN·(wP·P − Y_k), so with
 * r = C_FN / C_FP the best k minimises X_k − r·Y_k: a line sweeping over the points, which
 * touches only hull vertices (ROC convex hull; Provost & Fawcett 2001). The hull itself does
 * not depend on the costs, so it is built once per curve and prevalence.
 */
export interface CostHull {
  /** Operating-point indices of the hull vertices, increasing, with distinct coordinates. */
  vertices: Uint32Array;
  wP: number;
  wN: number;
}

// Relative tolerance for "collinear": rounding in weighted sums must not make a point that
// lies on a hull edge look strictly below (never optimal) or above it.
const REL_TOL = 1e-12;

/** X and Y of operating point k (k = 0: nothing predicted positive). */
function xOf(curve: ScoreCurve, hull: Pick<CostHull, 'wN'>, k: number): number {
  return k === 0 ? 0 : hull.wN * curve.cumFp[k - 1];
}
function yOf(curve: ScoreCurve, hull: Pick<CostHull, 'wP'>, k: number): number {
  return k === 0 ? 0 : hull.wP * curve.cumTp[k - 1];
}

/** Sign of the turn o → a → b, with near-zero values (relative to the terms) reported as 0. */
function turn(ox: number, oy: number, ax: number, ay: number, bx: number, by: number): number {
  const t1 = (ax - ox) * (by - oy);
  const t2 = (ay - oy) * (bx - ox);
  const cross = t1 - t2;
  return Math.abs(cross) <= REL_TOL * (Math.abs(t1) + Math.abs(t2)) ? 0 : cross;
}

/** Builds the hull by Andrew's monotone chain; points already come sorted by (X, Y). O(size). */
export function buildCostHull(curve: ScoreCurve, prevalence?: number): CostHull {
  const { wP, wN } = classWeights(curve, prevalence);
  const w = { wP, wN };
  const m = curve.thresholds.length;
  const stack = new Uint32Array(m + 1);
  let top = 0;
  stack[top++] = 0;
  for (let k = 1; k <= m; k++) {
    const bx = xOf(curve, w, k);
    const by = yOf(curve, w, k);
    const last = stack[top - 1];
    // Equal coordinates (possible when a class has factor 0): keep the earlier point only.
    if (bx === xOf(curve, w, last) && by === yOf(curve, w, last)) continue;
    // Pop while the top does not make a strict clockwise turn: collinear points are left
    // out of the vertex list and recognised on their edge when queried.
    while (top >= 2) {
      const o = stack[top - 2];
      const a = stack[top - 1];
      if (turn(xOf(curve, w, o), yOf(curve, w, o), xOf(curve, w, a), yOf(curve, w, a), bx, by) < 0) break;
      top--;
    }
    stack[top++] = k;
  }
  return { vertices: stack.slice(0, top), wP, wN };
}

/** Cost ratio C_FN / C_FP at which the sweep moves from vertex a to vertex b (a < b). */
function edgeRatio(curve: ScoreCurve, hull: CostHull, a: number, b: number): number {
  const dx = xOf(curve, hull, b) - xOf(curve, hull, a);
  const dy = yOf(curve, hull, b) - yOf(curve, hull, a);
  if (dy <= 0) return Infinity; // only false positives added: worth it only if they are free
  return dx <= 0 ? 0 : dx / dy;
}

/**
 * Range of r = C_FN / C_FP for which operating point k has minimum expected cost, or null
 * if no r >= 0 makes it optimal (it lies strictly below the hull). O(log hull size).
 */
export function costRatioRange(curve: ScoreCurve, hull: CostHull, k: number): { low: number; high: number } | null {
  const v = hull.vertices;
  const h = v.length;
  // Last vertex at or before k (the first, vertex 0, when none is).
  const lo = Math.max(0, bisectRight(v, k) - 1);
  const kx = xOf(curve, hull, k);
  const ky = yOf(curve, hull, k);
  const vertexRange = (j: number) => ({
    low: j === 0 ? 0 : edgeRatio(curve, hull, v[j - 1], v[j]),
    high: j === h - 1 ? Infinity : edgeRatio(curve, hull, v[j], v[j + 1]),
  });
  const sameAs = (j: number) => kx === xOf(curve, hull, v[j]) && ky === yOf(curve, hull, v[j]);
  if (sameAs(lo)) return vertexRange(lo);
  if (lo + 1 >= h) return null;
  if (sameAs(lo + 1)) return vertexRange(lo + 1);
  const a = v[lo];
  const b = v[lo + 1];
  const t = turn(xOf(curve, hull, a), yOf(curve, hull, a), kx, ky, xOf(curve, hull, b), yOf(curve, hull, b));
  if (t !== 0) return null;
  // On an edge: optimal only at the single ratio where both ends tie.
  const r = edgeRatio(curve, hull, a, b);
  return { low: r, high: r };
}
