import { describe, expect, it } from 'vitest';
import { buildOperatingPoint, parseOperatingPoint, serializeOperatingPoint, type OperatingPointInput } from '../../src/operating-point';

const input: OperatingPointInput = {
  toolVersion: '0.1.0',
  createdAt: new Date('2026-11-23T12:00:00Z'),
  dataset: { fileName: 'd.csv', rows: 100, positives: 10, sha256: 'a'.repeat(64) },
  label: { column: 'y', positive: 'yes' },
  source: { kind: 'scores', scoreColumn: 'score', weightColumn: null },
  threshold: 0.3,
  band: null,
  costs: { falsePositive: 1, falseNegative: 10 },
  prevalence: { observed: 0.1, assumed: null },
  evaluatedOn: 'all rows',
  confusion: { tp: 8, fp: 12, tn: 78, fn: 2 },
  metrics: {
    tpr: 0.8, fpr: 12 / 90, precision: 0.4, recall: 0.8, specificity: 78 / 90, npv: 78 / 80, f1: 0.5333, mcc: 0.5,
    accuracy: 0.86, expectedCostPerCase: 0.32, rocAuc: 0.9, averagePrecision: Number.NaN,
  },
  impliedCostRatio: { low: 4, high: Number.POSITIVE_INFINITY },
};

describe('operating point export', () => {
  it('builds a valid version-1 document and round-trips it through JSON', () => {
    const point = buildOperatingPoint(input);
    expect(point.schemaVersion).toBe(1);
    expect(point.rule).toBe('score >= threshold');
    expect(point.metrics.averagePrecision).toBeNull();
    expect(point.impliedCostRatio).toEqual({ low: 4, high: null });
    const again = parseOperatingPoint(JSON.parse(serializeOperatingPoint(point)));
    expect(again).toEqual(point);
  });

  it('refuses a document with a bad field and names it', () => {
    const point = buildOperatingPoint(input);
    expect(() => parseOperatingPoint({ ...point, confusion: { ...point.confusion, tp: -1 } })).toThrow(/confusion\.tp/);
    expect(() => parseOperatingPoint({ ...point, schemaVersion: 2 })).toThrow(/schemaVersion/);
    expect(() => parseOperatingPoint({ ...point, band: { lower: 0.6, upper: 0.2 } })).toThrow(/band/);
    expect(() => parseOperatingPoint({ ...point, dataset: { ...point.dataset, sha256: 'xyz' } })).toThrow(/dataset\.sha256/);
  });
});
