import { ScoreCurve } from './score-curve';

/** One subgroup's curve, e.g. one site or one age band. */
export interface Slice {
  level: string;
  curve: ScoreCurve;
}

/**
 * Splits scored cases by a group code (-1: no group, left out) and builds one curve per group
 * that has cases, so per-slice metrics at any threshold are O(log n) like the whole.
 */
export function sliceCurves(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  groups: ArrayLike<number>,
  levels: readonly string[],
): Slice[] {
  const members: number[][] = levels.map(() => []);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g >= 0 && g < levels.length) members[g].push(i);
  }
  const slices: Slice[] = [];
  members.forEach((rows, g) => {
    if (rows.length === 0) return;
    const pick = (source: ArrayLike<number>) => Float64Array.from(rows, (i) => source[i]);
    const sliceWeights = weights ? pick(weights) : undefined;
    if (sliceWeights && !sliceWeights.some((w) => w > 0)) return;
    slices.push({ level: levels[g], curve: ScoreCurve.from(pick(scores), pick(labels), sliceWeights) });
  });
  return slices;
}
