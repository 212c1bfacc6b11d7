/**
 * `cutoff check POINT.json FILE`: evaluates FILE at the exported decision and compares it with
 * the export, in one streamed pass. Exit 0 when every floor holds, 1 when one fails, 2 for a
 * configuration mistake (a positive class spelt otherwise, a third class, scores off [0, 1]).
 * A file without the label column is checked for score drift only.
 */
import type { OperatingPoint } from '../session/operating-point';
import { metricsFromConfusion } from '../metrics';
import { binnedKs, populationStability } from '../decision/guardrails';
import { ksPValue } from '../metrics/two-sample';
import { binningErrorBound } from './score-counts';
import { InputError, EXIT } from './errors';
import type { Io } from './io';
import { openTable, type Table } from './table-reader';
import { walkScoredRows } from './scored-rows';
import { recordedTransform, transformScore } from './score-transform';
import { loadPoint } from './load-point';
import { readThresholdTable, thresholdLayoutOf } from './threshold-source';
import { countsOf, floorsOf, type FloorOptions } from './floors';
import { CheckTally, emptyConfusion, FALLBACK_BINS } from './check-tally';
import { columnsFor } from './check-columns';
import { binnedThresholdNote } from './binned-note';
import { failureLine, formatCheck, type CheckReport } from './check-report';
import { outOfRangeScore } from './score-range';

export type { CheckReport, Floor } from './check-report';

export interface CheckOptions extends FloorOptions {
  /** The workbook sheet FILE is read from (--sheet); the first visible one when absent. */
  sheet?: string;
  score?: string;
  label?: string;
  positive?: string;
  weight?: string;
  /** The export's group column under another name in FILE. */
  group?: string;
  json: boolean;
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
const fmtCount = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));

export async function evaluateCheck(pointPath: string, filePath: string, options: CheckOptions, io: Partial<Pick<Io, 'stdin' | 'progress'>> = {}): Promise<CheckReport> {
  if (pointPath === '-' && filePath === '-') throw new InputError('POINT.json and FILE cannot both be - (standard input): name one of them as a file');
  const point = await loadPoint(pointPath, io.stdin);
  const table = await openTable(filePath, io.stdin, options.sheet);
  try {
    return await evaluate(point, table, filePath, options, io.progress);
  } finally {
    await table.close();
  }
}

async function evaluate(point: OperatingPoint, table: Table, file: string, options: CheckOptions, progress?: Io['progress']): Promise<CheckReport> {
  const layout = thresholdLayoutOf(table);
  const cols = columnsFor(point, options, table.columns);
  // A per-threshold count table holds the labels in its counts.
  if (layout) cols.labelled = true;
  const notes = [...table.notes, ...cols.notes];
  const histogram = point.guardrails?.histogram ?? null;
  if (!cols.labelled && !histogram) {
    throw new InputError(
      `${file} has no label column "${cols.label}" and the export has no score histogram, so there is nothing to check: add the label column (or name it with --label), or export the point again`,
    );
  }
  const t = new CheckTally(point, cols.positive, cols.weight !== null);
  const visit = (score: number, label: string | null, weight: number, group: string | null) => t.visit(score, label, weight, group);
  const { confusion, byGroup, squares, squaresByGroup, bandRows, driftCounts, exact, binned, rule } = t;
  let rows: number;
  let unlabelled = 0;
  if (layout) {
    // A per-threshold count table: its bins stand in for rows (positive label, negative label).
    const counts = await readThresholdTable(table, layout, file);
    for (let k = 0; k < counts.scores.length; k++) {
      if (counts.pos[k] > 0) visit(counts.scores[k], cols.positive, counts.pos[k], null);
      if (counts.neg[k] > 0) visit(counts.scores[k], `not ${cols.positive}`, counts.neg[k], null);
    }
    rows = counts.positives + counts.negatives;
    cols.weight = null;
    notes.push(`read as a ${counts.name} table: the curve is exact only at its ${counts.thresholds.length} listed thresholds`);
    if (!counts.thresholds.includes(point.threshold)) {
      const above = counts.thresholds.find((x) => x >= point.threshold);
      notes.push(
        `the exported threshold ${point.threshold} is not listed: the matrix is that of the next listed threshold${above === undefined ? ' (none above it: all negative)' : ` above it, ${above}`}`,
      );
    }
  } else {
    const transform = recordedTransform(point);
    ({ rows, unlabelled } = await walkScoredRows(
      table,
      file,
      { ...cols, label: cols.labelled ? cols.label : null },
      {
        scoreOption: '--score',
        labelOption: '--label',
        weightOption: '--weight',
        transform: transformScore(transform),
        checkScore: (score, at) => outOfRangeScore(score, at, cols.score, file, transform !== null),
        onProgress: progress,
      },
      visit,
    ));
    if (cols.labelled) t.labels.verify(cols.positive, options.positive !== undefined, cols.label, file);
  }
  if (cols.weight !== null && rows > 0 && !(t.total > 0)) {
    throw new InputError(`${file}: the weights in "${cols.weight}" sum to 0, so there are no cases to check; give rows a weight above 0 (or leave out --weight)`);
  }
  // Weights that are not whole counts, or too large to be counts, are relative weights: the
  // tests count the effective sample size, not the summed weight.
  const kish = cols.weight !== null && (!t.wholeWeights || t.total > Number.MAX_SAFE_INTEGER);
  if (kish) {
    const [, n] = countsOf('recall', confusion, squares, t.scale);
    notes.push(
      `the weights in "${cols.weight}" ${t.wholeWeights ? `sum to ${t.total.toPrecision(3)}, more than whole counts can be,` : 'are not whole-number counts,'} so they are read as relative weights: the two-sample tests count Kish's effective sample size (${fmtCount(n)} positive cases)`,
    );
  }
  if (unlabelled > 0) notes.push(`${unlabelled} rows with an empty label were left out`);
  if (t.outside > 0) notes.push(`${t.outside} scores lie outside [0, 1] after the recorded score transform: the new scores span more than those it was fitted on`);
  if (!cols.labelled) notes.push(`recall and precision were not checked: ${file} has no label column "${cols.label}" (score drift only)`);
  const positives = confusion.tp + confusion.fn;

  const curve = cols.labelled ? (t.exactOk ? exact.curve(rows) : binned.curve(rows)) : null;
  const ranking: CheckReport['ranking'] = t.exactOk || !curve ? { exact: true } : { exact: false, bins: FALLBACK_BINS, errorBound: binningErrorBound(curve) };
  if (!t.exactOk) notes.push(`more than ${exact.distinct} distinct scores: ROC-AUC and AP from ${FALLBACK_BINS} bins (the matrix and floors are exact)`);
  const binnedNote = cols.aggregated && cols.labelled && t.exactOk && !layout && !point.groups ? binnedThresholdNote(exact.entries(), point.threshold) : null;
  if (binnedNote) notes.push(binnedNote);
  const m = metricsFromConfusion(confusion, { costFp: point.costs.falsePositive, costFn: point.costs.falseNegative });
  const labelled = (x: number) => (cols.labelled ? orNull(x) : null);
  const metrics: CheckReport['metrics'] = {
    recall: labelled(m.recall),
    precision: labelled(m.precision),
    specificity: labelled(m.specificity),
    f1: labelled(m.f1),
    accuracy: labelled(m.accuracy),
    alarmRate: t.total > 0 ? t.predicted / t.total : 0,
    rocAuc: curve ? orNull(curve.rocAuc()) : null,
    averagePrecision: curve ? orNull(curve.averagePrecision()) : null,
  };
  const before = histogram ? histogram.counts.reduce((a, b) => a + b, 0) : 0;
  const driftFigures =
    driftCounts && histogram ? { psi: populationStability(histogram.counts, driftCounts), ks: binnedKs(histogram.counts, driftCounts), before, after: t.total } : null;
  const groups = (point.groups?.thresholds ?? []).map((g) => {
    const c = byGroup.get(g.value) ?? emptyConfusion();
    const gm = metricsFromConfusion(c, { costFp: 1, costFn: 1 });
    const e = g.confusion ? metricsFromConfusion(g.confusion, { costFp: 1, costFn: 1 }) : null;
    return {
      value: g.value,
      threshold: g.threshold,
      confusion: c,
      squares: kish ? squaresByGroup.get(g.value) : undefined,
      recall: orNull(gm.recall),
      precision: orNull(gm.precision),
      exported: e ? { recall: orNull(e.recall), precision: orNull(e.precision) } : null,
    };
  });
  if (options.maxGroupGap && groups.length === 0) throw new InputError('--max-group-gap needs an export with per-group thresholds (groups); this operating point has none');
  if (options.requireGroups && groups.length === 0) throw new InputError('--require-groups needs an export with per-group thresholds (groups); this operating point has none');
  const { floors, alpha, tests } = floorsOf(point, options, {
    confusion: cols.labelled ? confusion : null,
    groups: groups.map((g) => ({ value: g.value, confusion: g.confusion, squares: g.squares })),
    drift: driftFigures,
    weighting: kish ? { scale: t.scale, squares } : null,
  });
  return {
    file,
    rows,
    unlabelled,
    labelled: cols.labelled,
    cases: t.total,
    positives,
    threshold: point.threshold,
    columns: { score: cols.score, label: cols.label, positive: cols.positive, weight: cols.weight, group: cols.group },
    confusion: cols.labelled ? confusion : null,
    metrics,
    ranking,
    exported: {
      confusion: point.confusion,
      recall: point.metrics.recall,
      precision: point.metrics.precision,
      rocAuc: point.metrics.rocAuc,
      averagePrecision: point.metrics.averagePrecision,
      rows: point.dataset.rows,
    },
    drift: driftFigures ? { psi: driftFigures.psi, ks: driftFigures.ks, ksPValue: ksPValue(driftFigures.ks, before, t.total), bins: histogram?.counts.length ?? 0 } : null,
    groups: cols.labelled ? groups.map(({ squares: _, ...g }) => g) : [],
    bands: rule.bandNames.map((name, i) => ({ name, ...bandRows[i] })),
    review: rule.hasReviewBand ? { rows: t.review } : null,
    family: { alpha, tests },
    floors,
    passed: floors.every((f) => f.ok),
    notes,
  };
}

export { formatCheck, failureLine };

export async function runCheck(pointPath: string, filePath: string, options: CheckOptions, io: Io): Promise<number> {
  const report = await evaluateCheck(pointPath, filePath, options, io);
  await io.out(options.json ? `${JSON.stringify(report)}\n` : formatCheck(report));
  if (!report.passed) {
    io.err(`cutoff check: ${failureLine(report)}\n`);
    return EXIT.floorFailed;
  }
  return EXIT.ok;
}
