import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/dataset';
import { decisionExtras, settingsFromExtras } from '../../../src/session/decision-export';
import { groupColumnNames } from '../../../src/decision/decision-inputs';
import { ScoreCurve } from '../../../src/metrics';
import { buildOperatingPoint, parseOperatingPoint } from '../../../src/session/operating-point';
import { pagePredictionsCsv } from '../../../src/session/predictions-csv';
import { DEFAULT_SETTINGS } from '../../../src/session/settings';

// Six cases, two groups (x: rows 0–3, y: rows 4–5; row 5's group missing), an amount per case.
const scores = [0.9, 0.7, 0.4, 0.2, 0.8, 0.3];
const labels = [1, 0, 1, 0, 1, 0];
const dataset: Dataset = {
  fileName: 'd.csv',
  rowCount: 6,
  columns: [
    { kind: 'categorical', name: 'site', codes: Int32Array.from([0, 0, 0, 0, 1, -1]), levels: ['x', 'y'], missing: 1 },
    { kind: 'numeric', name: 'amount', values: Float64Array.from([10, 20, 500, 40, 50, 60]), missing: 0, distinct: null, distinctCount: 6, infinite: 0, firstInfiniteRow: -1 },
    { kind: 'numeric', name: 'flag', values: Float64Array.from([0, 1, 0, 1, 1, NaN]), missing: 1, distinct: ['0', '1'], distinctCount: 2, infinite: 0, firstInfiniteRow: -1 },
  ],
  hasHeader: true,
  delimiter: ',',
  decimalComma: false,
  lineOf: Uint32Array.from([2, 3, 4, 5, 6, 7]),
  notes: [],
  sha256: 'a'.repeat(64),
  format: 'csv',
  encoding: null,
  rowIdColumns: [],
};
const cases = { curve: ScoreCurve.from(scores, labels), rows: Uint32Array.from([0, 1, 2, 3, 4, 5]), scores, labels, weights: null };

describe('decision extras of the export', () => {
  it('offers text and two-valued columns as groups', () => {
    expect(groupColumnNames(dataset, [])).toEqual(['site', 'flag']);
  });

  it('writes group thresholds with their matrices, row costs, bands and the target, and an import restores them', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      groupColumn: 'site',
      groupStrategy: 'manual' as const,
      groupThresholds: [{ value: 'x', threshold: 0.3 }],
      costFnColumn: 'amount',
      bandCuts: [0.25, 0.75],
      bandNames: ['', 'watch'],
      target: { kind: 'best-recall-at-precision' as const, value: 0.6, confidence: null },
    };
    const extras = decisionExtras(dataset, cases, settings, 0.5);
    expect(extras.groups?.thresholds).toEqual([
      expect.objectContaining({ value: 'x', threshold: 0.3, confusion: { tp: 2, fp: 1, tn: 1, fn: 0 } }),
      expect.objectContaining({ value: 'y', threshold: 0.5, confusion: { tp: 1, fp: 0, tn: 0, fn: 0 } }),
    ]);
    expect(extras.rowCosts).toEqual({ falseNegativeColumn: 'amount', falsePositiveColumn: null });
    expect(extras.bands).toEqual({ cuts: [0.25, 0.75], names: ['low', 'watch', 'high'] });
    expect(extras.targets).toEqual([expect.objectContaining({ kind: 'best-recall-at-precision', value: 0.6, confidence: null, threshold: 0.4, method: 'sample' })]);

    // Valid in the schema, and read back into settings.
    const point = parseOperatingPoint(
      buildOperatingPoint({
        toolVersion: 't',
        createdAt: new Date(0),
        dataset: { fileName: 'd.csv', rows: 6, positives: 3, sha256: 'a'.repeat(64) },
        label: { column: 'y', positive: '1' },
        source: { kind: 'scores', scoreColumn: 's', weightColumn: null },
        threshold: 0.5,
        band: null,
        costs: { falsePositive: 1, falseNegative: 10 },
        prevalence: { observed: 0.5, assumed: null },
        evaluatedOn: 'all rows',
        confusion: { tp: 2, fp: 1, tn: 2, fn: 1 },
        metrics: { tpr: 0, fpr: 0, precision: 0, recall: 0, specificity: 0, npv: 0, f1: 0, mcc: 0, accuracy: 0, expectedCostPerCase: 0, rocAuc: 0, averagePrecision: 0 },
        impliedCostRatio: null,
        ...extras,
      }),
    );
    expect(settingsFromExtras(point)).toEqual({
      groupColumn: 'site',
      groupStrategy: 'manual',
      groupThresholds: [
        { value: 'x', threshold: 0.3 },
        { value: 'y', threshold: 0.5 },
      ],
      costFnColumn: 'amount',
      costFpColumn: null,
      bandCuts: [0.25, 0.75],
      bandNames: ['low', 'watch', 'high'],
      target: { kind: 'best-recall-at-precision', value: 0.6, confidence: null },
    });
  });

  it('a version-1 file restores none of them', () => {
    expect(settingsFromExtras({ schemaVersion: 1 } as never)).toEqual({});
  });

  it('the predictions CSV applies each row’s group threshold (the overall one without a group) and names its band', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      threshold: 0.5,
      groupColumn: 'site',
      groupStrategy: 'manual' as const,
      groupThresholds: [{ value: 'x', threshold: 0.3 }],
      bandCuts: [0.5],
      bandNames: ['low', '=high'],
    };
    const csv = pagePredictionsCsv(dataset, cases, settings);
    expect(csv.trim().split('\n')).toEqual([
      'row,score,site,decision,risk_band,group_threshold',
      "1,0.9,x,positive,'=high,0.3",
      "2,0.7,x,positive,'=high,0.3",
      '3,0.4,x,positive,low,0.3',
      '4,0.2,x,negative,low,0.3',
      "5,0.8,y,positive,'=high,0.5",
      '6,0.3,,negative,low,0.5',
    ]);
  });
});
