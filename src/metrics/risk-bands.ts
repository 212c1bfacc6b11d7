import { MetricsInputError } from './errors';
import type { ScoreCurve } from './score-curve';

/**
 * Named risk bands from k ordered cut points: band 0 holds scores below cuts[0], band i holds
 * cuts[i−1] <= score < cuts[i], the last band scores >= cuts[k−1] (the same `score >= cut`
 * rule as the threshold). The two-edge review band is the case k = 2 (cleared, review, flagged).
 */
export interface RiskBand {
  name: string;
  /** Lower edge (inclusive; -Infinity for the first band) and upper edge (exclusive; Infinity for the last). */
  lower: number;
  upper: number;
  /** Weight of the cases in the band, and of the positives among them. */
  count: number;
  positives: number;
  /** positives / count; 0 for an empty band (zero_division = 0). */
  precision: number;
  /** count / all cases. */
  share: number;
}

/** Names for k + 1 bands when the user gave none: low / medium / high / urgent up to four. */
export function defaultBandNames(bands: number): string[] {
  const named: Record<number, string[]> = {
    1: ['all'],
    2: ['low', 'high'],
    3: ['low', 'medium', 'high'],
    4: ['low', 'medium', 'high', 'urgent'],
  };
  return named[bands] ?? Array.from({ length: bands }, (_, i) => `band ${i + 1}`);
}

/**
 * Reads cut points typed as text ("0.2, 0.5, 0.8"; commas, semicolons or spaces between).
 * Blank text is no cut point.
 * @throws MetricsInputError naming the first value that is not a number in [0, 1], or the
 *   first pair out of increasing order.
 */
export function parseCutPoints(text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  const cuts = parts.map((part) => {
    const value = Number(part);
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      throw new MetricsInputError(`Cut point "${part}" is not a number between 0 and 1; write them like 0.2, 0.5, 0.8.`);
    }
    return value;
  });
  for (let i = 1; i < cuts.length; i++) {
    if (!(cuts[i] > cuts[i - 1])) {
      throw new MetricsInputError(`Cut points must increase: ${cuts[i - 1]} is followed by ${cuts[i]}.`);
    }
  }
  return cuts;
}

/**
 * The names to use for `cuts.length + 1` bands: the user's where given and not blank, the
 * defaults elsewhere (so adding a cut point never leaves a band unnamed).
 */
export function bandNamesFor(cuts: readonly number[], names: readonly string[]): string[] {
  const defaults = defaultBandNames(cuts.length + 1);
  return defaults.map((fallback, i) => (names[i] !== undefined && names[i].trim() !== '' ? names[i] : fallback));
}

/**
 * Count, positives, precision and share of each band, O(k log n).
 * @throws MetricsInputError when the cut points are not increasing.
 */
export function riskBands(curve: ScoreCurve, cuts: readonly number[], names: readonly string[] = []): RiskBand[] {
  for (let i = 1; i < cuts.length; i++) {
    if (!(cuts[i] > cuts[i - 1])) throw new MetricsInputError(`Cut points must increase: ${cuts[i - 1]} is followed by ${cuts[i]}.`);
  }
  const labels = bandNamesFor(cuts, names);
  const total = curve.positives + curve.negatives;
  // Weight at or above each edge; the first band's lower edge takes everything.
  const above = (t: number) => {
    const c = curve.confusionAt(t);
    return { all: c.tp + c.fp, positives: c.tp };
  };
  const edges = [-Infinity, ...cuts, Infinity];
  const tops = edges.map((e) => (e === -Infinity ? { all: total, positives: curve.positives } : e === Infinity ? { all: 0, positives: 0 } : above(e)));
  return labels.map((name, i) => {
    const count = tops[i].all - tops[i + 1].all;
    const positives = tops[i].positives - tops[i + 1].positives;
    return {
      name,
      lower: edges[i],
      upper: edges[i + 1],
      count,
      positives,
      precision: count > 0 ? positives / count : 0,
      share: total > 0 ? count / total : 0,
    };
  });
}

/** Index of the band a score falls in (0..cuts.length), by binary search on the cut points. */
export function bandIndexOf(score: number, cuts: readonly number[]): number {
  let lo = 0;
  let hi = cuts.length;
  // Number of cut points <= score.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cuts[mid] <= score) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
