/**
 * Per-threshold count tables that engines already write, read as they are: BigQuery ML's
 * ML.ROC_CURVE, TFMA's ConfusionMatrixAtThresholds exported as CSV, scikit-learn's
 * confusion_matrix_at_thresholds and Spark's BinaryClassificationMetrics by-threshold output
 * written with counts. Each row gives the true/false positives at one threshold; differences
 * of neighbouring rows are exact counts of the cases between two listed thresholds, so the curve
 * built from them is exact at the listed thresholds (and only there).
 */
import type { Dataset } from './dataset';
import { DataError } from './errors';

export type ThresholdTableKind = 'bigquery-ml-roc-curve' | 'tfma-confusion-matrix-at-thresholds' | 'sklearn-confusion-matrix-at-thresholds' | 'spark-by-threshold';

export const THRESHOLD_TABLE_NAMES: Record<ThresholdTableKind, string> = {
  'bigquery-ml-roc-curve': 'BigQuery ML ML.ROC_CURVE',
  'tfma-confusion-matrix-at-thresholds': 'TFMA ConfusionMatrixAtThresholds',
  'sklearn-confusion-matrix-at-thresholds': 'scikit-learn confusion_matrix_at_thresholds',
  'spark-by-threshold': 'Spark BinaryClassificationMetrics by threshold',
};

export interface ThresholdTableLayout {
  kind: ThresholdTableKind;
  /** The file's column for each count. */
  threshold: string;
  tp: string;
  fp: string;
  tn: string;
  fn: string;
}

/** Column names as compared: lower case, letters and digits only (true_positives = truePositives). */
function normal(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const NAMES = {
  threshold: ['threshold', 'thresholds'],
  tp: ['truepositives', 'tps', 'tp', 'weightedtruepositives', 'numtruepositives'],
  fp: ['falsepositives', 'fps', 'fp', 'weightedfalsepositives', 'numfalsepositives'],
  tn: ['truenegatives', 'tns', 'tn', 'weightedtruenegatives', 'numtruenegatives'],
  fn: ['falsenegatives', 'fns', 'fn', 'weightedfalsenegatives', 'numfalsenegatives'],
} as const;

/** The layout of a threshold table from its header, or null when the columns are not one. */
export function recognizeThresholdTable(columns: readonly string[]): ThresholdTableLayout | null {
  const find = (names: readonly string[]) => columns.find((c) => names.includes(normal(c)));
  const threshold = find(NAMES.threshold);
  const tp = find(NAMES.tp);
  const fp = find(NAMES.fp);
  const tn = find(NAMES.tn);
  const fn = find(NAMES.fn);
  if (!threshold || !tp || !fp || !tn || !fn) return null;
  const has = (n: string) => columns.some((c) => normal(c) === n);
  let kind: ThresholdTableKind;
  if (normal(tp) === 'tps') kind = 'sklearn-confusion-matrix-at-thresholds';
  else if (has('recall') && has('falsepositiverate')) kind = 'bigquery-ml-roc-curve';
  else if (/[a-z][A-Z]/.test(tp) || normal(tp).startsWith('weighted')) kind = 'spark-by-threshold';
  else kind = 'tfma-confusion-matrix-at-thresholds';
  return { kind, threshold, tp, fp, tn, fn };
}

export interface ThresholdRow {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Exact counts between listed thresholds: ascending scores with their positive and negative weight. */
export interface ThresholdBins {
  /** The listed thresholds, ascending, where the curve is exact. */
  thresholds: Float64Array;
  scores: Float64Array;
  pos: Float64Array;
  neg: Float64Array;
  positives: number;
  negatives: number;
}

/** Relative slack for totals written as floating-point weights. */
const TOLERANCE = 1e-9;

/**
 * Turns per-threshold counts into bins. Rows sorted by threshold, highest first; the cases
 * counted positive at threshold t_k but not at t_{k−1} are put at score t_k, and the cases
 * below the lowest threshold at a score just under it, so `score >= t_k` gives back every row's
 * counts exactly. Refuses tables whose totals change between rows or whose counts fall as the
 * threshold falls: those are not counts at thresholds.
 */
export function thresholdBins(rows: readonly ThresholdRow[]): ThresholdBins {
  if (rows.length === 0) throw new DataError('The threshold table has no rows.');
  for (const [i, r] of rows.entries()) {
    for (const key of ['threshold', 'tp', 'fp', 'tn', 'fn'] as const) {
      const v = r[key];
      if (key === 'threshold' ? Number.isNaN(v) : !(Number.isFinite(v) && v >= 0)) {
        throw new DataError(`Row ${i + 1} of the threshold table: ${key} is ${String(v)}, not ${key === 'threshold' ? 'a number' : 'a count >= 0'}.`);
      }
    }
  }
  const sorted = [...rows].sort((a, b) => b.threshold - a.threshold);
  const positives = sorted[0].tp + sorted[0].fn;
  const negatives = sorted[0].fp + sorted[0].tn;
  const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
  const scores: number[] = [];
  const pos: number[] = [];
  const neg: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < sorted.length; k++) {
    const r = sorted[k];
    if (!close(r.tp + r.fn, positives) || !close(r.fp + r.tn, negatives)) {
      throw new DataError(
        `At threshold ${r.threshold} the positives (tp + fn) or negatives (fp + tn) differ from the other rows: this is not a table of counts at thresholds of one set of scores.`,
      );
    }
    if (k > 0 && r.threshold === sorted[k - 1].threshold) {
      if (close(r.tp, sorted[k - 1].tp) && close(r.fp, sorted[k - 1].fp)) continue;
      throw new DataError(`Threshold ${r.threshold} is listed twice with different counts.`);
    }
    const dp = r.tp - tp;
    const dn = r.fp - fp;
    if (dp < -TOLERANCE * positives || dn < -TOLERANCE * negatives) {
      throw new DataError(`The counts fall from threshold ${sorted[k - 1].threshold} to ${r.threshold}: true and false positives can only grow as the threshold falls.`);
    }
    // Infinite thresholds (scikit-learn's first row) hold no case of their own.
    if (Number.isFinite(r.threshold) && (dp > 0 || dn > 0)) {
      scores.push(r.threshold);
      pos.push(Math.max(0, dp));
      neg.push(Math.max(0, dn));
    }
    tp = Math.max(tp, r.tp);
    fp = Math.max(fp, r.fp);
  }
  const restPos = positives - tp;
  const restNeg = negatives - fp;
  if (restPos > TOLERANCE * positives || restNeg > TOLERANCE * negatives) {
    const lowest = sorted[sorted.length - 1].threshold;
    scores.push(Number.isFinite(lowest) ? below(lowest) : -Number.MAX_VALUE);
    pos.push(Math.max(0, restPos));
    neg.push(Math.max(0, restNeg));
  }
  const order = scores.map((_, i) => i).reverse();
  const listed = sorted.map((r) => r.threshold).filter((t) => Number.isFinite(t));
  return {
    thresholds: Float64Array.from(new Set(listed)).sort(),
    scores: Float64Array.from(order, (i) => scores[i]),
    pos: Float64Array.from(order, (i) => pos[i]),
    neg: Float64Array.from(order, (i) => neg[i]),
    positives,
    negatives,
  };
}

/** The largest double below x. */
function below(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const buffer = new Float64Array([x]);
  const bits = new BigInt64Array(buffer.buffer);
  bits[0] += x > 0 ? -1n : 1n;
  return buffer[0];
}

/**
 * A threshold table read by the page as the aggregated scores it stands for: one `score` row per
 * listed threshold and class, `label` positive/negative, `count` the cases between that threshold
 * and the next one above. Null when the dataset is not a threshold table. Every threshold gets a
 * row of each class (zero counts too, which the curve drops) so the positive class is suggested.
 */
export function thresholdTableDataset(dataset: Dataset): Dataset | null {
  const layout = recognizeThresholdTable(dataset.columns.map((c) => c.name));
  if (!layout) return null;
  const numeric = (name: string): Float64Array | null => {
    const column = dataset.columns.find((c) => c.name === name);
    return column?.kind === 'numeric' ? column.values : null;
  };
  const [threshold, tp, fp, tn, fn] = [layout.threshold, layout.tp, layout.fp, layout.tn, layout.fn].map(numeric);
  if (!threshold || !tp || !fp || !tn || !fn) return null;
  const rows: ThresholdRow[] = Array.from(threshold, (t, i) => ({ threshold: t, tp: tp[i], fp: fp[i], tn: tn[i], fn: fn[i] }));
  const bins = thresholdBins(rows);
  const m = bins.scores.length;
  const score = new Float64Array(2 * m);
  const count = new Float64Array(2 * m);
  const codes = new Int32Array(2 * m);
  for (let k = 0; k < m; k++) {
    score[2 * k] = score[2 * k + 1] = bins.scores[k];
    count[2 * k] = bins.pos[k];
    codes[2 * k] = 1;
    count[2 * k + 1] = bins.neg[k];
    codes[2 * k + 1] = 0;
  }
  const numberColumn = (name: string, values: Float64Array) => ({
    kind: 'numeric' as const,
    name,
    values,
    missing: 0,
    distinct: null,
    distinctCount: null,
    infinite: 0,
    firstInfiniteRow: -1,
  });
  return {
    ...dataset,
    rowCount: 2 * m,
    columns: [numberColumn('score', score), { kind: 'categorical', name: 'label', codes, levels: ['negative', 'positive'], missing: 0 }, numberColumn('count', count)],
    lineOf: Uint32Array.from({ length: 2 * m }, (_, i) => (i >> 1) + 2),
    rowIdColumns: [],
    notes: [
      ...dataset.notes,
      `Read as a ${THRESHOLD_TABLE_NAMES[layout.kind]} table of ${bins.thresholds.length} thresholds: differences of neighbouring rows are the counts between them, so the curve is exact only at the listed thresholds, and the threshold moves between them.`,
    ],
  };
}
