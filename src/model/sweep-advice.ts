/**
 * Warnings about the chosen pos_weight: the rule of thumb (far above the class ratio), and,
 * once a sweep has run, what the sweep measured at the nearest weight it tried.
 */
import type { SweepPoint } from './train-protocol';

/** A weight more than this many times the class ratio is called extreme. */
export const EXTREME_WEIGHT_FACTOR = 4;
/** Precision below this share of the sweep's best precision counts as collapsed. */
export const PRECISION_COLLAPSE_SHARE = 0.5;
/** A PR-AUC this far below the sweep's best is worth a warning. */
export const PR_AUC_MARGIN = 0.05;

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '—');
const fmtWeight = (x: number): string => (x >= 10 ? x.toFixed(1) : x.toPrecision(3));

/**
 * The sweep point that speaks for `weight`: the nearest on a log scale if within a factor 1.5,
 * or the heaviest one when `weight` is above every weight swept (precision only falls further).
 */
export function nearestSweepPoint(points: readonly SweepPoint[], weight: number): SweepPoint | null {
  const heaviest = points.reduce<SweepPoint | null>((top, p) => (top === null || p.posWeight > top.posWeight ? p : top), null);
  if (heaviest && weight > heaviest.posWeight) return heaviest;
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
  // The reference is the weight with the best PR-AUC, not the most precise one: a weight of 1
  // is often very precise at 0.5 only because it finds few positives.
  const best = bestSweepPoint(points);
  if (!here || !best || here === best) return warnings;
  const at = here.posWeight === weight ? '' : ` (the nearest weight swept to ${fmtWeight(weight)})`;
  if (best.precision > 0 && here.precision < PRECISION_COLLAPSE_SHARE * best.precision) {
    warnings.push(
      `The sweep measured precision ${fmt(here.precision)} at threshold ${threshold} for pos_weight ${fmtWeight(here.posWeight)}${at}, against ${fmt(best.precision)} for pos_weight ${fmtWeight(best.posWeight)}, the best PR-AUC (recall ${fmt(here.recall)} vs ${fmt(best.recall)}): this weight collapses precision at this threshold.`,
    );
  }
  if (here.prAuc < best.prAuc - PR_AUC_MARGIN) {
    warnings.push(`Its validation PR-AUC (${fmt(here.prAuc)}) is lower than at pos_weight ${fmtWeight(best.posWeight)} (${fmt(best.prAuc)}).`);
  }
  return warnings;
}
