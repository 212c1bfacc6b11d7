/**
 * Warnings about the chosen pos_weight: the rule of thumb (far above the class ratio), and,
 * once a sweep has run, what the sweep measured at the nearest weight it tried.
 */
import type { SweepPoint } from '../protocol';

/** A weight more than this many times the class ratio is called extreme. */
export const EXTREME_WEIGHT_FACTOR = 4;
/** Precision below this share of the sweep's best precision counts as collapsed. */
export const PRECISION_COLLAPSE_SHARE = 0.5;
/** A PR-AUC this far below the sweep's best is worth a warning. */
export const PR_AUC_MARGIN = 0.05;

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '—');
const fmtWeight = (x: number): string => (x >= 10 ? x.toFixed(1) : x.toPrecision(3));

/** The sweep point whose weight is nearest to `weight` on a log scale, if within a factor 1.5. */
export function nearestSweepPoint(points: readonly SweepPoint[], weight: number): SweepPoint | null {
  let best: SweepPoint | null = null;
  let distance = Infinity;
  for (const p of points) {
    const d = Math.abs(Math.log(p.posWeight / weight));
    if (d < distance) {
      best = p;
      distance = d;
    }
  }
  return distance <= Math.log(1.5) ? best : null;
}

/** The sweep point with the highest PR-AUC; null for an empty sweep. */
export function bestSweepPoint(points: readonly SweepPoint[]): SweepPoint | null {
  return points.reduce<SweepPoint | null>((best, p) => (best === null || p.prAuc > best.prAuc ? p : best), null);
}

/**
 * Sentences warning about `weight`, given the class ratio neg/pos and the sweep so far
 * (measured at `threshold`); empty when there is nothing to warn about.
 */
export function adviseWeight(weight: number | null, ratio: number | null, points: readonly SweepPoint[], threshold: number): string[] {
  if (weight === null) return [];
  const warnings: string[] = [];
  if (ratio !== null && weight > EXTREME_WEIGHT_FACTOR * Math.max(1, ratio)) {
    warnings.push(`pos_weight ${fmtWeight(weight)} is far above the class ratio (${fmtWeight(ratio)}): training may be unstable and precision may collapse.`);
  }
  const here = nearestSweepPoint(points, weight);
  if (!here) return warnings;
  const sharpest = points.reduce((best, p) => (p.precision > best.precision ? p : best), here);
  if (sharpest.precision > 0 && here.precision < PRECISION_COLLAPSE_SHARE * sharpest.precision) {
    warnings.push(
      `The sweep measured precision ${fmt(here.precision)} at threshold ${threshold} for pos_weight ${fmtWeight(here.posWeight)}, against ${fmt(sharpest.precision)} for pos_weight ${fmtWeight(sharpest.posWeight)} (recall ${fmt(here.recall)} vs ${fmt(sharpest.recall)}): this weight collapses precision at this threshold.`,
    );
  }
  const best = bestSweepPoint(points);
  if (best && best !== here && here.prAuc < best.prAuc - PR_AUC_MARGIN) {
    warnings.push(`Its validation PR-AUC (${fmt(here.prAuc)}) is lower than at pos_weight ${fmtWeight(best.posWeight)} (${fmt(best.prAuc)}).`);
  }
  return warnings;
}
