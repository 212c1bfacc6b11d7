/**
 * `cutoff curve FILE [--bins N | --exact]`: the file reduced to `score,label,count` rows, the
 * aggregated shape the page and `check` read. Labels are kept as they are, so no positive
 * value is needed here. Memory is fixed for bins and grows with distinct scores (capped) for --exact.
 */
import { csvLine, headerLine, numberCell, textCell } from '../data/csv-writer';
import { BinnedScores, DistinctScores, MAX_DISTINCT_SCORES, type ScoreCounts } from './score-counts';
import { InputError, EXIT } from './errors';
import type { Io } from './io';
import { openTable } from './table-reader';
import { walkScoredRows } from './scored-rows';
import { readThresholdTable, thresholdLayoutOf } from './threshold-source';

export const DEFAULT_CURVE_BINS = 10_000;

export interface CurveOptions {
  score: string;
  label: string;
  weight?: string;
  bins?: number;
  exact: boolean;
}

/** Reduces FILE to ascending (score, label) rows with their summed weight. */
export async function reduceCurve(file: string, options: CurveOptions, stdin?: Io['stdin']): Promise<{ label: string; scores: Float64Array; counts: Float64Array }[]> {
  if (options.exact && options.bins !== undefined) throw new InputError('choose --bins N or --exact, not both');
  const bins = options.bins ?? DEFAULT_CURVE_BINS;
  const table = await openTable(file, stdin);
  const layout = thresholdLayoutOf(table);
  if (layout) {
    // Already counts at thresholds: their differences are the rows (label 1 positive, 0 negative).
    try {
      const t = await readThresholdTable(table, layout, file);
      const keep = (counts: Float64Array) => {
        const at = [...counts.keys()].filter((k) => counts[k] > 0);
        return { scores: Float64Array.from(at, (k) => t.scores[k]), counts: Float64Array.from(at, (k) => counts[k]) };
      };
      return [
        { label: '0', ...keep(t.neg) },
        { label: '1', ...keep(t.pos) },
      ];
    } finally {
      await table.close();
    }
  }
  // One table per label value; a score counted as "positive" in its label's table.
  const byLabel = new Map<string, ScoreCounts>();
  let distinctLeft = MAX_DISTINCT_SCORES;
  try {
    await walkScoredRows(
      table,
      file,
      { score: options.score, label: options.label, weight: options.weight ?? null, group: null },
      { scoreOption: '--score', labelOption: '--label', weightOption: '--weight', transform: (s) => s },
      (score, label, weight) => {
        if (label === null) return;
        let counts = byLabel.get(label);
        if (!counts) {
          if (byLabel.size >= 64) throw new InputError(`${file}: the label column "${options.label}" has more than 64 distinct values; is it the label?`);
          counts = options.exact ? new DistinctScores(distinctLeft) : new BinnedScores(bins);
          byLabel.set(label, counts);
        }
        if (!options.exact && !(score >= 0 && score <= 1)) {
          throw new InputError(`${file}: score ${score} is outside [0, 1]; --bins bins [0, 1], so use --exact or rescale the scores`);
        }
        if (!counts.add(score, true, weight)) {
          throw new InputError(`${file} has more than ${MAX_DISTINCT_SCORES} distinct scores, more than --exact keeps in memory; use --bins N (or cutoff sql in your engine)`);
        }
        if (options.exact && counts instanceof DistinctScores) distinctLeft = MAX_DISTINCT_SCORES - totalDistinct(byLabel);
      },
    );
  } finally {
    await table.close();
  }
  const labels = [...byLabel.keys()].sort();
  return labels.map((label) => {
    const e = (byLabel.get(label) as ScoreCounts).entries();
    return { label, scores: e.scores, counts: e.pos };
  });
}

function totalDistinct(byLabel: Map<string, ScoreCounts>): number {
  let n = 0;
  for (const c of byLabel.values()) if (c instanceof DistinctScores) n += c.distinct;
  return n;
}

export async function runCurve(file: string, options: CurveOptions, io: Io): Promise<number> {
  if (options.bins !== undefined && !(Number.isInteger(options.bins) && options.bins >= 1 && options.bins <= 10_000_000)) {
    throw new InputError(`--bins must be a whole number from 1 to 10000000, not ${options.bins}`);
  }
  const groups = await reduceCurve(file, options, io.stdin);
  // Merge the per-label lists into one ascending by score, then label.
  const at = groups.map(() => 0);
  // FILE's own names (and labels as written), so the output feeds `cutoff check` with no flags.
  let out: string[] = [headerLine([options.score, options.label, 'count'])];
  const flush = async () => {
    await io.out(`${out.join('\n')}\n`);
    out = [];
  };
  const labels = groups.map((g) => textCell(g.label));
  for (;;) {
    let best = -1;
    for (let g = 0; g < groups.length; g++) {
      if (at[g] < groups[g].scores.length && (best < 0 || groups[g].scores[at[g]] < groups[best].scores[at[best]])) best = g;
    }
    if (best < 0) break;
    const k = at[best]++;
    out.push(csvLine([numberCell(groups[best].scores[k]), labels[best], numberCell(groups[best].counts[k])]));
    if (out.length >= 8192) await flush();
  }
  if (out.length > 0) await flush();
  return EXIT.ok;
}
