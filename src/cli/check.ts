/**
 * `cutoff check POINT.json FILE`: evaluates FILE at the exported decision and compares it with
 * the export, in one streamed pass. Exit 0 when every floor holds, 1 when one fails.
 */
import type { OperatingPoint } from '../operating-point';
import { metricsFromConfusion, type Confusion } from '../metrics';
import { binnedKs, histogramBin, populationStability } from '../guardrails';
import { BinnedScores, DistinctScores, binningErrorBound } from './score-counts';
import { DecisionRule } from './decision-rule';
import { InputError, EXIT } from './errors';
import type { Io } from './io';
import { openTable } from './table-reader';
import { walkScoredRows } from './scored-rows';
import { recordedTransform, transformScore } from './score-transform';
import { loadPoint } from './load-point';
import { labelKey } from '../data/label-values';
import { readThresholdTable, thresholdLayoutOf } from './threshold-source';

export interface CheckOptions {
  score?: string;
  label?: string;
  positive?: string;
  weight?: string;
  minRecall?: number;
  minPrecision?: number;
  maxAlarmRate?: number;
  maxDrift?: number;
  json: boolean;
}

export interface Floor {
  name: 'recall' | 'precision' | 'alarm rate' | 'drift (PSI)';
  kind: 'min' | 'max';
  limit: number;
  value: number | null;
  ok: boolean;
  /** Where the limit came from. */
  from: 'option' | 'export';
}

export interface CheckReport {
  file: string;
  rows: number;
  unlabelled: number;
  positives: number;
  threshold: number;
  columns: { score: string; label: string; positive: string; weight: string | null; group: string | null };
  confusion: Confusion;
  metrics: {
    recall: number | null;
    precision: number | null;
    specificity: number | null;
    f1: number | null;
    accuracy: number | null;
    alarmRate: number;
    rocAuc: number | null;
    averagePrecision: number | null;
  };
  /** How ROC-AUC and AP were computed: exactly, or from bins when the file has too many distinct scores. */
  ranking: { exact: true } | { exact: false; bins: number; errorBound: { rocAuc: number; averagePrecision: number } };
  exported: { confusion: Confusion; recall: number | null; precision: number | null; rocAuc: number | null; averagePrecision: number | null; rows: number };
  drift: { psi: number; ks: number; bins: number } | null;
  groups: { value: string; threshold: number; confusion: Confusion; recall: number | null; precision: number | null }[];
  bands: { name: string; rows: number; positives: number }[];
  review: { rows: number } | null;
  floors: Floor[];
  passed: boolean;
  notes: string[];
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

/** The file's columns: options first, then what the export names; `count` of a score,label,count table as weight. */
function columnsFor(point: OperatingPoint, options: CheckOptions, fileColumns: readonly string[]) {
  const notes: string[] = [];
  const score = options.score ?? (point.source.kind === 'scores' ? point.source.scoreColumn : 'score');
  const label = options.label ?? point.label.column;
  let weight = options.weight ?? null;
  if (weight === null && point.source.kind === 'scores' && point.source.weightColumn && fileColumns.includes(point.source.weightColumn)) {
    weight = point.source.weightColumn;
  }
  if (weight === null && fileColumns.length === 3 && fileColumns.includes('count') && fileColumns.includes(score) && fileColumns.includes(label)) {
    weight = 'count';
    notes.push('read as aggregated score,label,count rows: "count" is each row\'s weight');
  }
  return { score, label, weight, positive: options.positive ?? point.label.positive, group: point.groups?.column ?? null, notes };
}

export async function evaluateCheck(pointPath: string, filePath: string, options: CheckOptions, stdin?: Io['stdin']): Promise<CheckReport> {
  const point = await loadPoint(pointPath);
  const table = await openTable(filePath, stdin);
  try {
    return await evaluate(point, table, filePath, options);
  } finally {
    await table.close();
  }
}

async function evaluate(point: OperatingPoint, table: Awaited<ReturnType<typeof openTable>>, file: string, options: CheckOptions): Promise<CheckReport> {
  const cols = columnsFor(point, options, table.columns);
  const notes = [...table.notes, ...cols.notes];
  const positiveKey = labelKey(cols.positive);
  const isPositive = (label: string) => label === cols.positive || (label.length === positiveKey.length && labelKey(label) === positiveKey);
  const rule = new DecisionRule(point);
  const histogram = point.guardrails?.histogram ?? null;
  const driftCounts = histogram ? new Array<number>(histogram.counts.length).fill(0) : null;
  const exact = new DistinctScores(EXACT_RANKING_SCORES);
  const binned = new BinnedScores(FALLBACK_BINS);
  let exactOk = true;
  const confusion = emptyConfusion();
  const byGroup = new Map<string, Confusion>();
  const bandRows = rule.bandNames.map(() => ({ rows: 0, positives: 0 }));
  let review = 0;
  const band = point.band;
  let outside = 0;
  const visit = (score: number, label: string, weight: number, group: string | null): void => {
    const positive = isPositive(label);
    const threshold = rule.thresholdFor(group);
    const predicted = score >= threshold;
    count(confusion, predicted, positive, weight);
    if (group !== null) {
      let c = byGroup.get(group);
      if (!c) byGroup.set(group, (c = emptyConfusion()));
      count(c, predicted, positive, weight);
    }
    if (band !== null && score >= band.lower && score < band.upper) review += weight;
    if (rule.hasBands) {
      const b = bandRows[rule.bandIndex(score)];
      b.rows += weight;
      if (positive) b.positives += weight;
    }
    if (driftCounts && histogram) driftCounts[histogramBin(histogram.edges, score)] += weight;
    if (score < 0 || score > 1) outside++;
    if (exactOk && !exact.add(score, positive, weight)) {
      exactOk = false;
      exact.clear();
    }
    binned.add(score, positive, weight);
  };
  const layout = thresholdLayoutOf(table);
  let rows: number;
  let unlabelled = 0;
  if (layout) {
    // A per-threshold count table: its bins stand in for rows (positive label, negative label).
    const t = await readThresholdTable(table, layout, file);
    const negative = `not ${cols.positive}`;
    for (let k = 0; k < t.scores.length; k++) {
      if (t.pos[k] > 0) visit(t.scores[k], cols.positive, t.pos[k], null);
      if (t.neg[k] > 0) visit(t.scores[k], negative, t.neg[k], null);
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
    ({ rows, unlabelled } = await walkScoredRows(
      table,
      file,
      cols,
      { scoreOption: '--score', labelOption: '--label', weightOption: '--weight', transform: transformScore(recordedTransform(point)) },
      visit,
    ));
  }
  if (unlabelled > 0) notes.push(`${unlabelled} rows with an empty label were left out`);
  if (outside > 0) notes.push(`${outside} scores lie outside [0, 1]: is this the score the threshold was chosen on?`);
  const positives = confusion.tp + confusion.fn;
  if (positives === 0) notes.push(`no row has the positive label "${cols.positive}" in "${cols.label}"; name it with --positive`);

  const curve = exactOk ? exact.curve(rows) : binned.curve(rows);
  const ranking: CheckReport['ranking'] = exactOk || !curve ? { exact: true } : { exact: false, bins: FALLBACK_BINS, errorBound: binningErrorBound(curve) };
  if (!exactOk) notes.push(`more than ${exact.distinct} distinct scores: ROC-AUC and AP from ${FALLBACK_BINS} bins (the matrix and floors are exact)`);
  const m = metricsFromConfusion(confusion, { costFp: point.costs.falsePositive, costFn: point.costs.falseNegative });
  const total = confusion.tp + confusion.fp + confusion.tn + confusion.fn;
  const alarmRate = total > 0 ? (confusion.tp + confusion.fp) / total : 0;
  const metrics: CheckReport['metrics'] = {
    recall: orNull(m.recall),
    precision: orNull(m.precision),
    specificity: orNull(m.specificity),
    f1: orNull(m.f1),
    accuracy: orNull(m.accuracy),
    alarmRate,
    rocAuc: curve ? orNull(curve.rocAuc()) : null,
    averagePrecision: curve ? orNull(curve.averagePrecision()) : null,
  };
  const drift =
    driftCounts && histogram ? { psi: populationStability(histogram.counts, driftCounts), ks: binnedKs(histogram.counts, driftCounts), bins: driftCounts.length } : null;
  const floors = floorsOf(point, options, metrics, drift);
  const groups = (point.groups?.thresholds ?? []).map((g) => {
    const c = byGroup.get(g.value) ?? emptyConfusion();
    const gm = metricsFromConfusion(c, { costFp: 1, costFn: 1 });
    return { value: g.value, threshold: g.threshold, confusion: c, recall: orNull(gm.recall), precision: orNull(gm.precision) };
  });
  return {
    file,
    rows,
    unlabelled,
    positives,
    threshold: point.threshold,
    columns: { score: cols.score, label: cols.label, positive: cols.positive, weight: cols.weight, group: cols.group },
    confusion,
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
    drift,
    groups,
    bands: rule.bandNames.map((name, i) => ({ name, ...bandRows[i] })),
    review: rule.hasReviewBand ? { rows: review } : null,
    floors,
    passed: floors.every((f) => f.ok),
    notes,
  };
}

function floorsOf(point: OperatingPoint, options: CheckOptions, metrics: CheckReport['metrics'], drift: CheckReport['drift']): Floor[] {
  const g = point.guardrails;
  const floors: Floor[] = [];
  const add = (name: Floor['name'], kind: Floor['kind'], option: number | undefined, recorded: number | null | undefined, value: number | null) => {
    const limit = option ?? recorded ?? null;
    if (limit === null) return;
    const ok = value !== null && (kind === 'min' ? value >= limit : value <= limit);
    floors.push({ name, kind, limit, value, ok, from: option !== undefined ? 'option' : 'export' });
  };
  add('recall', 'min', options.minRecall, g?.minRecall, metrics.recall);
  add('precision', 'min', options.minPrecision, g?.minPrecision, metrics.precision);
  add('alarm rate', 'max', options.maxAlarmRate, g?.maxAlarmRate, metrics.alarmRate);
  if ((options.maxDrift !== undefined || (g?.maxDrift ?? null) !== null) && drift === null) {
    if (options.maxDrift !== undefined)
      throw new InputError('--max-drift needs the score histogram an export records (guardrails.histogram); this operating point has none: export it again');
  } else add('drift (PSI)', 'max', options.maxDrift, g?.maxDrift, drift ? drift.psi : null);
  return floors;
}

const fmt = (x: number | null, digits = 4): string => (x === null ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(digits));

/** The report as text: matrix, metrics beside the exported ones, drift, floors, verdict. */
export function formatCheck(r: CheckReport): string {
  const lines: string[] = [];
  lines.push(
    `cutoff check: ${r.file}: ${fmt(r.rows)} rows, ${fmt(r.positives)} positive ("${r.columns.positive}" in "${r.columns.label}"), score "${r.columns.score}"${r.columns.weight ? `, weight "${r.columns.weight}"` : ''}`,
  );
  lines.push(`decision: score >= ${r.threshold}${r.columns.group ? ` (per-group thresholds on "${r.columns.group}")` : ''}`);
  lines.push('');
  lines.push('             predicted +   predicted −');
  lines.push(`  actual +   TP ${fmt(r.confusion.tp).padEnd(10)} FN ${fmt(r.confusion.fn)}`);
  lines.push(`  actual −   FP ${fmt(r.confusion.fp).padEnd(10)} TN ${fmt(r.confusion.tn)}`);
  lines.push('');
  lines.push(`  ${'metric'.padEnd(18)}${'now'.padEnd(10)}exported`);
  const row = (name: string, now: number | null, then: number | null) => lines.push(`  ${name.padEnd(18)}${fmt(now).padEnd(10)}${fmt(then)}`);
  row('recall', r.metrics.recall, r.exported.recall);
  row('precision', r.metrics.precision, r.exported.precision);
  row('alarm rate', r.metrics.alarmRate, alarmRateOf(r.exported.confusion));
  row('ROC-AUC', r.metrics.rocAuc, r.exported.rocAuc);
  row('average precision', r.metrics.averagePrecision, r.exported.averagePrecision);
  if (!r.ranking.exact)
    lines.push(`  (ROC-AUC within ±${r.ranking.errorBound.rocAuc.toExponential(2)}, AP within ±${r.ranking.errorBound.averagePrecision.toExponential(2)}: ${r.ranking.bins} bins)`);
  for (const g of r.groups) lines.push(`  group ${g.value}: threshold ${g.threshold}, recall ${fmt(g.recall)}, precision ${fmt(g.precision)}`);
  for (const b of r.bands) lines.push(`  band ${b.name}: ${fmt(b.rows)} rows, ${fmt(b.positives)} positive`);
  if (r.review) lines.push(`  review band: ${fmt(r.review.rows)} rows`);
  lines.push('');
  lines.push(
    r.drift
      ? `drift: PSI ${r.drift.psi.toFixed(4)}, KS ${r.drift.ks.toFixed(4)} against the exported ${r.drift.bins}-bin score histogram`
      : 'drift: not checked (the export has no score histogram)',
  );
  for (const note of r.notes) lines.push(`note: ${note}`);
  lines.push('');
  if (r.floors.length === 0) lines.push('floors: none set (pass --min-recall, --min-precision, --max-alarm-rate or --max-drift, or set guardrails in the export)');
  for (const f of r.floors)
    lines.push(`  ${f.ok ? 'ok  ' : 'FAIL'} ${f.name} ${fmt(f.value)} ${f.kind === 'min' ? '>=' : '<='} ${f.limit} (${f.from === 'option' ? 'option' : 'from the export'})`);
  lines.push(r.passed ? 'PASS' : `FAIL: ${failureLine(r)}`);
  return `${lines.join('\n')}\n`;
}

function alarmRateOf(c: Confusion): number | null {
  const total = c.tp + c.fp + c.tn + c.fn;
  return total > 0 ? (c.tp + c.fp) / total : null;
}

export function failureLine(r: CheckReport): string {
  return r.floors
    .filter((f) => !f.ok)
    .map((f) => `${f.name} ${fmt(f.value)} ${f.kind === 'min' ? '<' : '>'} ${f.kind === 'min' ? 'floor' : 'ceiling'} ${f.limit}`)
    .join('; ');
}

export async function runCheck(pointPath: string, filePath: string, options: CheckOptions, io: Io): Promise<number> {
  const report = await evaluateCheck(pointPath, filePath, options, io.stdin);
  await io.out(options.json ? `${JSON.stringify(report)}\n` : formatCheck(report));
  if (!report.passed) {
    io.err(`cutoff check: ${failureLine(report)}\n`);
    return EXIT.floorFailed;
  }
  return EXIT.ok;
}
