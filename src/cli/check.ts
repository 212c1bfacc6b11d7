/**
 * `cutoff check POINT.json FILE`: evaluates FILE at the exported decision and compares it with
 * the export, in one streamed pass. Exit 0 when every floor holds, 1 when one fails, 2 for a
 * configuration mistake (a positive class spelt otherwise, a third class, scores off [0, 1]).
 * A file without the label column is checked for score drift only.
 */
import type { OperatingPoint } from '../session/operating-point';
import { metricsFromConfusion, type Confusion } from '../metrics';
import { binnedKs, histogramBinner, populationStability } from '../decision/guardrails';
import { ksPValue } from '../metrics/two-sample';
import { labelKey } from '../data/label-values';
import { BinnedScores, DistinctScores, binningErrorBound } from './score-counts';
import { DecisionRule } from '../decision/decision-rule';
import { InputError, EXIT } from './errors';
import type { Io } from './io';
import { openTable, type Table } from './table-reader';
import { walkScoredRows } from './scored-rows';
import { recordedTransform, transformScore } from './score-transform';
import { loadPoint } from './load-point';
import { readThresholdTable, thresholdLayoutOf } from './threshold-source';
import { countsOf, floorsOf, type FloorOptions } from './floors';
import { LabelTally } from './label-check';
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

/**
 * Distinct scores kept for exact ROC-AUC and AP. Beyond, the bins below give them within a
 * stated bound (the matrix and floors stay exact): a table of millions of scores cost a
 * 10-million-row check more time than reading the file.
 */
const EXACT_RANKING_SCORES = 1 << 18;

/** Bins for ROC-AUC and AP once a file has more distinct scores than are kept exactly. */
const FALLBACK_BINS = 1 << 16;

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
const fmtCount = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));

function emptyConfusion(): Confusion {
  return { tp: 0, fp: 0, tn: 0, fn: 0 };
}

function count(c: Confusion, predictedPositive: boolean, positive: boolean, weight: number): void {
  if (predictedPositive) {
    if (positive) c.tp += weight;
    else c.fp += weight;
  } else if (positive) c.fn += weight;
  else c.tn += weight;
}

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
  const positiveKey = labelKey(cols.positive);
  // Each spelling's answer is kept: a row then costs one lookup, not a case fold.
  const positiveBySpelling = new Map<string, boolean>();
  const isPositive = (label: string): boolean => {
    let positive = positiveBySpelling.get(label);
    if (positive === undefined) {
      positive = label === cols.positive || (label.length === positiveKey.length && labelKey(label) === positiveKey);
      if (positiveBySpelling.size < 256) positiveBySpelling.set(label, positive);
    }
    return positive;
  };
  const tally = new LabelTally();
  const rule = new DecisionRule(point);
  const driftCounts = histogram ? new Array<number>(histogram.counts.length).fill(0) : null;
  const binOf = histogram ? histogramBinner(histogram.edges) : null;
  const exact = new DistinctScores(EXACT_RANKING_SCORES);
  const binned = new BinnedScores(FALLBACK_BINS);
  let exactOk = true;
  const confusion = emptyConfusion();
  const byGroup = new Map<string, Confusion>();
  // Squared weights in units of the first weight, for Kish's effective sample size.
  let scale = 0;
  let wholeWeights = true;
  const squares = emptyConfusion();
  const squaresByGroup = new Map<string, Confusion>();
  const bandRows = rule.bandNames.map(() => ({ rows: 0, positives: 0 }));
  let review = 0;
  let outside = 0;
  let predicted = 0;
  let total = 0;
  const band = point.band;
  const weighted = cols.weight !== null;
  // The last label's answer: a label column alternates between a few spellings.
  let lastLabel: string | null = null;
  let lastPositive = false;
  const visit = (score: number, label: string | null, weight: number, group: string | null): void => {
    let positive = false;
    if (label !== null) {
      if (label !== lastLabel) {
        lastLabel = label;
        lastPositive = isPositive(label);
      }
      positive = lastPositive;
    }
    const threshold = rule.thresholdFor(group);
    const alarm = score >= threshold;
    total += weight;
    if (alarm) predicted += weight;
    if (band !== null && score >= band.lower && score < band.upper) review += weight;
    if (rule.hasBands) {
      const b = bandRows[rule.bandIndex(score)];
      b.rows += weight;
      if (positive) b.positives += weight;
    }
    if (driftCounts && binOf) driftCounts[binOf(score)] += weight;
    if (score < 0 || score > 1) outside++;
    if (label === null) return;
    tally.add(label, weight);
    count(confusion, alarm, positive, weight);
    // Squared weights only matter with a weight column (Kish's effective size): every row pays otherwise.
    let square = 1;
    if (weighted) {
      if (scale === 0 && weight > 0) scale = weight;
      square = weight === scale ? 1 : scale > 0 ? (weight / scale) ** 2 : 0;
      if (wholeWeights && !Number.isInteger(weight)) wholeWeights = false;
      count(squares, alarm, positive, square);
    }
    if (group !== null) {
      let c = byGroup.get(group);
      if (!c) byGroup.set(group, (c = emptyConfusion()));
      count(c, alarm, positive, weight);
      if (weighted) {
        let q = squaresByGroup.get(group);
        if (!q) squaresByGroup.set(group, (q = emptyConfusion()));
        count(q, alarm, positive, square);
      }
    }
    if (exactOk && !exact.add(score, positive, weight)) {
      exactOk = false;
      exact.clear();
    }
    binned.add(score, positive, weight);
  };
  let rows: number;
  let unlabelled = 0;
  if (layout) {
    // A per-threshold count table: its bins stand in for rows (positive label, negative label).
    const t = await readThresholdTable(table, layout, file);
    for (let k = 0; k < t.scores.length; k++) {
      if (t.pos[k] > 0) visit(t.scores[k], cols.positive, t.pos[k], null);
      if (t.neg[k] > 0) visit(t.scores[k], `not ${cols.positive}`, t.neg[k], null);
    }
    rows = t.positives + t.negatives;
    cols.weight = null;
    notes.push(`read as a ${t.name} table: the curve is exact only at its ${t.thresholds.length} listed thresholds`);
    if (!t.thresholds.includes(point.threshold)) {
      const above = t.thresholds.find((x) => x >= point.threshold);
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
    if (cols.labelled) tally.verify(cols.positive, options.positive !== undefined, cols.label, file);
  }
  if (cols.weight !== null && rows > 0 && !(total > 0)) {
    throw new InputError(`${file}: the weights in "${cols.weight}" sum to 0, so there are no cases to check; give rows a weight above 0 (or leave out --weight)`);
  }
  // Weights that are not whole counts, or too large to be counts, are relative weights: the
  // tests count the effective sample size, not the summed weight.
  const kish = cols.weight !== null && (!wholeWeights || total > Number.MAX_SAFE_INTEGER);
  if (kish) {
    const [, n] = countsOf('recall', confusion, squares, scale);
    notes.push(
      `the weights in "${cols.weight}" ${wholeWeights ? `sum to ${total.toPrecision(3)}, more than whole counts can be,` : 'are not whole-number counts,'} so they are read as relative weights: the two-sample tests count Kish's effective sample size (${fmtCount(n)} positive cases)`,
    );
  }
  if (unlabelled > 0) notes.push(`${unlabelled} rows with an empty label were left out`);
  if (outside > 0) notes.push(`${outside} scores lie outside [0, 1] after the recorded score transform: the new scores span more than those it was fitted on`);
  if (!cols.labelled) notes.push(`recall and precision were not checked: ${file} has no label column "${cols.label}" (score drift only)`);
  const positives = confusion.tp + confusion.fn;

  const curve = cols.labelled ? (exactOk ? exact.curve(rows) : binned.curve(rows)) : null;
  const ranking: CheckReport['ranking'] = exactOk || !curve ? { exact: true } : { exact: false, bins: FALLBACK_BINS, errorBound: binningErrorBound(curve) };
  if (!exactOk) notes.push(`more than ${exact.distinct} distinct scores: ROC-AUC and AP from ${FALLBACK_BINS} bins (the matrix and floors are exact)`);
  const binnedNote = cols.aggregated && cols.labelled && exactOk && !layout && !point.groups ? binnedThresholdNote(exact.entries(), point.threshold) : null;
  if (binnedNote) notes.push(binnedNote);
  const m = metricsFromConfusion(confusion, { costFp: point.costs.falsePositive, costFn: point.costs.falseNegative });
  const labelled = (x: number) => (cols.labelled ? orNull(x) : null);
  const metrics: CheckReport['metrics'] = {
    recall: labelled(m.recall),
    precision: labelled(m.precision),
    specificity: labelled(m.specificity),
    f1: labelled(m.f1),
    accuracy: labelled(m.accuracy),
    alarmRate: total > 0 ? predicted / total : 0,
    rocAuc: curve ? orNull(curve.rocAuc()) : null,
    averagePrecision: curve ? orNull(curve.averagePrecision()) : null,
  };
  const before = histogram ? histogram.counts.reduce((a, b) => a + b, 0) : 0;
  const driftFigures =
    driftCounts && histogram ? { psi: populationStability(histogram.counts, driftCounts), ks: binnedKs(histogram.counts, driftCounts), before, after: total } : null;
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
    weighting: kish ? { scale, squares } : null,
  });
  return {
    file,
    rows,
    unlabelled,
    labelled: cols.labelled,
    cases: total,
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
    drift: driftFigures ? { psi: driftFigures.psi, ks: driftFigures.ks, ksPValue: ksPValue(driftFigures.ks, before, total), bins: histogram?.counts.length ?? 0 } : null,
    groups: cols.labelled ? groups.map(({ squares: _, ...g }) => g) : [],
    bands: rule.bandNames.map((name, i) => ({ name, ...bandRows[i] })),
    review: rule.hasReviewBand ? { rows: review } : null,
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
