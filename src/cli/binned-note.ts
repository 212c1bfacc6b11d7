/**
 * `check` on `cutoff curve --bins N` output (or the printed SQL's): each row stands at its bin's
 * lower edge, so when the threshold falls inside a bin, all of that bin's cases are counted below
 * it although some scored above. The matrix cannot be exact there; this says so, and by how much
 * TP and FP can be off, as threshold tables get a note for the same situation.
 */
import { BINS_RANGE } from './bins';

export interface ScoreEntries {
  scores: Float64Array;
  pos: Float64Array;
  neg: Float64Array;
}

/** Finer grids than this are read as exact scores, not bins. */
const MAX_GRID = BINS_RANGE[1];

export function binnedThresholdNote(e: ScoreEntries, threshold: number): string | null {
  const m = e.scores.length;
  if (m < 2) return null;
  let gap = Number.POSITIVE_INFINITY;
  for (let k = 1; k < m; k++) gap = Math.min(gap, e.scores[k] - e.scores[k - 1]);
  // The bins' width: the smallest gap between listed scores, when every score sits on its grid.
  const n = Math.round(1 / gap);
  if (!(n >= 1 && n <= MAX_GRID)) return null;
  const onGrid = (x: number) => Math.abs(x * n - Math.round(x * n)) < 1e-6;
  for (let k = 0; k < m; k++) if (!onGrid(e.scores[k])) return null;
  if (onGrid(threshold)) return null;
  const lower = Math.floor(threshold * n) / n;
  let k = m - 1;
  while (k >= 0 && e.scores[k] > lower + 0.5 / n) k--;
  if (k < 0 || Math.abs(e.scores[k] - lower) > 0.5 / n) return null;
  const pos = e.pos[k];
  const neg = e.neg[k];
  const upper = Math.round(lower * n + 1) / n;
  return `the scores are binned (a bin every 1/${n}) and the threshold ${threshold} falls inside the bin [${lower}, ${upper}): its ${pos + neg} cases are all counted below the threshold, so TP can be up to ${pos} and FP up to ${neg} higher than shown (reduce with --exact, or with the threshold on a bin edge, for the exact matrix)`;
}
