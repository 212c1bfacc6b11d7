/**
 * `cutoff curve FILE [--bins N | --exact]`: the file reduced to `score,label,count` rows, the
 * aggregated shape the page and `check` read. Labels are kept as they are, so no positive
 * value is needed here. Memory is fixed for bins and grows with distinct scores (capped) for --exact.
 */
import { checkBins } from './bins';
import { csvLine, headerLine, numberCell, textCell } from '../data/csv-writer';
import { BinnedScores, DistinctScores, MAX_DISTINCT_SCORES, type ScoreCounts } from './score-counts';
import { InputError, EXIT } from './errors';
import type { Io } from './io';
import { openTable } from './table-reader';
import { walkScoredRows } from './scored-rows';
import { readThresholdTable, thresholdLayoutOf } from './threshold-source';

export const DEFAULT_CURVE_BINS = 10_000;

export interface CurveOptions {
  /** The workbook sheet FILE is read from (--sheet); the first visible one when absent. */
  sheet?: string;
  score: string;
  label: string;
  weight?: string;
  /** A group column kept beside the label, so a point with group thresholds can be checked on the output. */
  group?: string;
  bins?: number;
  exact: boolean;
}

/** Most groups kept by --group: as many as per-group thresholds take. */
const MAX_CURVE_GROUPS = 30;

export interface CurveRows {
  label: string;
  /** The group's value with --group; null without. */
  group: string | null;
  scores: Float64Array;
  counts: Float64Array;
}

/** Reduces FILE to ascending (score, label[, group]) rows with their summed weight. */
export async function reduceCurve(file: string, options: CurveOptions, stdin?: Io['stdin']): Promise<CurveRows[]> {
  if (options.exact && options.bins !== undefined) throw new InputError('choose --bins N or --exact, not both');
  const bins = options.bins ?? DEFAULT_CURVE_BINS;
  const table = await openTable(file, stdin, options.sheet);
  const layout = thresholdLayoutOf(table);
  if (layout && options.group !== undefined) {
    await table.close();
    throw new InputError(`${file} is a table of counts at thresholds, which holds no groups; --group needs one row per case`);
  }
  if (layout) {
    // Already counts at thresholds: their differences are the rows (label 1 positive, 0 negative).
    try {
      const t = await readThresholdTable(table, layout, file);
      const keep = (counts: Float64Array) => {
        const at = [...counts.keys()].filter((k) => counts[k] > 0);
        return { scores: Float64Array.from(at, (k) => t.scores[k]), counts: Float64Array.from(at, (k) => counts[k]) };
      };
      return [
        { label: '0', group: null, ...keep(t.neg) },
        { label: '1', group: null, ...keep(t.pos) },
      ];
    } finally {
      await table.close();
    }
  }
  // One table per label value (and group); a score counted as "positive" in its table.
  const byLabel = new Map<string, ScoreCounts>();
  const keys = new Map<string, [string, string | null]>();
  const groups = new Set<string>();
  let distinctLeft = MAX_DISTINCT_SCORES;
  try {
    await walkScoredRows(
      table,
      file,
      { score: options.score, label: options.label, weight: options.weight ?? null, group: options.group ?? null },
      { scoreOption: '--score', labelOption: '--label', weightOption: '--weight', transform: (s) => s },
      (score, label, weight, group) => {
        if (label === null) return;
        const key = group === null ? label : `${label}\u0000${group}`;
        let counts = byLabel.get(key);
        if (!counts) {
          if (!keys.has(key) && group !== null && !groups.has(group)) {
            if (groups.size >= MAX_CURVE_GROUPS)
              throw new InputError(`${file}: the --group column "${options.group}" has more than ${MAX_CURVE_GROUPS} values, more than per-group thresholds take`);
            groups.add(group);
          }
          if (new Set([...keys.values()].map(([l]) => l).concat(label)).size > 64) {
            throw new InputError(`${file}: the label column "${options.label}" has more than 64 distinct values; is it the label?`);
          }
          counts = options.exact ? new DistinctScores(distinctLeft) : new BinnedScores(bins);
          byLabel.set(key, counts);
          keys.set(key, [label, group]);
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
  const sorted = [...keys.entries()].sort(([, a], [, b]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : (a[1] ?? '') < (b[1] ?? '') ? -1 : (a[1] ?? '') > (b[1] ?? '') ? 1 : 0));
  return sorted.map(([key, [label, group]]) => {
    const e = (byLabel.get(key) as ScoreCounts).entries();
    return { label, group, scores: e.scores, counts: e.pos };
  });
}

function totalDistinct(byLabel: Map<string, ScoreCounts>): number {
  let n = 0;
  for (const c of byLabel.values()) if (c instanceof DistinctScores) n += c.distinct;
  return n;
}

export async function runCurve(file: string, options: CurveOptions, io: Io): Promise<number> {
  checkBins(options.bins);
  const groups = await reduceCurve(file, options, io.stdin);
  // Merge the per-label lists into one ascending by score, then label.
  const at = groups.map(() => 0);
  // FILE's own names (and labels as written), so the output feeds `cutoff check` with no flags.
  const grouped = options.group !== undefined;
  let out: string[] = [headerLine(grouped ? [options.score, options.label, options.group as string, 'count'] : [options.score, options.label, 'count'])];
  const flush = async () => {
    await io.out(`${out.join('\n')}\n`);
    out = [];
  };
  const labels = groups.map((g) => (grouped ? `${textCell(g.label)},${textCell(g.group ?? '')}` : textCell(g.label)));
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
