import { describe, expect, it } from 'vitest';
import { recognizeThresholdTable, thresholdBins, type ThresholdRow } from '../../../src/data/threshold-table';
import { ScoreCurve } from '../../../src/metrics/score-curve';
import { curveOfEntries } from '../../../src/cli/score-counts';
import { scoredRows } from './fixtures';

const rows = scoredRows(1500, 3);
const scores = rows.map((r) => r.score);
const labels = rows.map((r) => (r.y === 'yes' ? 1 : 0));
const truth = ScoreCurve.from(scores, labels);

/** Brute-force counts at `score >= t`. */
function at(t: number): ThresholdRow {
  const r = { threshold: t, tp: 0, fp: 0, tn: 0, fn: 0 };
  scores.forEach((s, i) => {
    if (s >= t) {
      if (labels[i]) r.tp++;
      else r.fp++;
    } else if (labels[i]) r.fn++;
    else r.tn++;
  });
  return r;
}

describe('threshold tables', () => {
  it('recognises the four engines by their column names', () => {
    expect(recognizeThresholdTable(['threshold', 'recall', 'false_positive_rate', 'true_positives', 'false_positives', 'true_negatives', 'false_negatives'])?.kind).toBe(
      'bigquery-ml-roc-curve',
    );
    expect(recognizeThresholdTable(['threshold', 'true_positives', 'false_positives', 'true_negatives', 'false_negatives', 'precision', 'recall'])?.kind).toBe(
      'tfma-confusion-matrix-at-thresholds',
    );
    expect(recognizeThresholdTable(['thresholds', 'tns', 'fps', 'fns', 'tps'])).toEqual({
      kind: 'sklearn-confusion-matrix-at-thresholds',
      threshold: 'thresholds',
      tp: 'tps',
      fp: 'fps',
      tn: 'tns',
      fn: 'fns',
    });
    expect(recognizeThresholdTable(['threshold', 'weightedTruePositives', 'weightedFalsePositives', 'weightedTrueNegatives', 'weightedFalseNegatives'])?.kind).toBe(
      'spark-by-threshold',
    );
    expect(recognizeThresholdTable(['score', 'label', 'count'])).toBeNull();
    expect(recognizeThresholdTable(['threshold', 'tps', 'fps'])).toBeNull();
  });

  it("gives back every listed threshold's counts exactly (a coarse table, in any row order)", () => {
    const listed = [0.9, 0.1, 0.5, 0.3, 0.7];
    const bins = thresholdBins(listed.map(at));
    const curve = curveOfEntries(bins, rows.length);
    if (!curve) throw new Error('no curve');
    for (const t of listed) expect(curve.confusionAt(t)).toEqual(truth.confusionAt(t));
    expect([...bins.thresholds]).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
    expect(bins.positives).toBe(truth.positives);
  });

  it('a table at every distinct score (scikit-learn, with its infinite first threshold) is the exact curve', () => {
    const table = [Number.POSITIVE_INFINITY, ...truth.thresholds].map(at);
    const curve = curveOfEntries(thresholdBins(table), rows.length);
    expect(curve?.rocAuc()).toBe(truth.rocAuc());
    expect(curve?.averagePrecision()).toBe(truth.averagePrecision());
  });

  it('refuses tables that are not counts at thresholds', () => {
    const a = at(0.5);
    const b = at(0.3);
    expect(() => thresholdBins([a, { ...b, fn: b.fn + 5 }])).toThrow(/positives \(tp \+ fn\) or negatives/);
    expect(() => thresholdBins([a, { ...b, threshold: 0.7 }])).toThrow(/counts fall/);
    expect(() => thresholdBins([a, { ...a, tp: a.tp - 1, fn: a.fn + 1 }])).toThrow(/listed twice/);
    expect(() => thresholdBins([{ ...a, tp: -1 }])).toThrow(/tp is -1/);
    expect(() => thresholdBins([])).toThrow(/no rows/);
  });
});

describe('threshold tables in the command', () => {
  it('cutoff check and curve read a BigQuery ML ROC_CURVE table and say it is exact only at its thresholds', async () => {
    const { cutoff, tempDir, writePoint } = await import('./fixtures');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = tempDir();
    const file = join(dir, 'roc.csv');
    const header = 'threshold,recall,false_positive_rate,true_positives,false_positives,true_negatives,false_negatives';
    const lines = [0.2, 0.5, 0.8].map(at).map((r) => [r.threshold, r.tp / (r.tp + r.fn), r.fp / (r.fp + r.tn), r.tp, r.fp, r.tn, r.fn].join(','));
    writeFileSync(file, `${header}\n${lines.join('\n')}\n`);
    const point = writePoint(dir, { threshold: 0.5 });
    const r = await cutoff('check', point, file, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { confusion: unknown; notes: string[] };
    expect(report.confusion).toEqual(truth.confusionAt(0.5));
    expect(report.notes.join(' ')).toMatch(/BigQuery ML ML\.ROC_CURVE table: the curve is exact only at its 3 listed thresholds/);
    const curve = await cutoff('curve', file);
    expect(curve.code).toBe(0);
    const total = curve.stdout
      .trim()
      .split('\n')
      .slice(1)
      .reduce((sum, l) => sum + Number(l.split(',')[2]), 0);
    expect(total).toBe(rows.length);
  });
});
