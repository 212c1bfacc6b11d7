import { describe, expect, it } from 'vitest';
import { buildOperatingPoint, parseOperatingPoint, serializeOperatingPoint, type OperatingPointInput } from '../../../src/session/operating-point';

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
    tpr: 0.8,
    fpr: 12 / 90,
    precision: 0.4,
    recall: 0.8,
    specificity: 78 / 90,
    npv: 78 / 80,
    f1: 0.5333,
    mcc: 0.5,
    accuracy: 0.86,
    expectedCostPerCase: 0.32,
    rocAuc: 0.9,
    averagePrecision: Number.NaN,
  },
  impliedCostRatio: { low: 4, high: Number.POSITIVE_INFINITY },
};

const extras: Partial<OperatingPointInput> = {
  evaluatedOn: 'out-of-fold',
  stability: {
    method: 'k-fold',
    resamples: 5,
    thresholds: [{ rule: 'cost-optimal', values: [0.6, 0.7, 0.65, 0.72, 0.68], spread: { low: 0.6, high: 0.72 } }],
    atChosen: { recall: { low: 0.7, high: 0.9, mean: 0.8, sd: 0.05 } },
  },
  groups: {
    column: 'region',
    strategy: 'equal-opportunity',
    thresholds: [
      { value: 'north', threshold: 0.25, confusion: { tp: 4, fp: 6, tn: 38, fn: 2 }, metrics: { recall: 0.667 } },
      { value: 'south', threshold: 0.35 },
    ],
  },
  rowCosts: { falseNegativeColumn: 'loss', falsePositiveColumn: null },
  bands: { cuts: [0.2, 0.5, 0.8], names: ['low', 'medium', 'high', 'urgent'] },
  targets: [{ kind: 'recall-at-least', value: 0.9, threshold: 0.31 }],
  guardrails: { minRecall: 0.7, minPrecision: 0.3, maxAlarmRate: null, maxDrift: 0.2, basis: '95% Wilson lower bounds', histogram: { edges: [0, 0.5, 1], counts: [80, 20] } },
  scoreTransform: { kind: 'divide', by: 100 },
};

describe('operating point export', () => {
  it('a threshold optimal only when false alarms cost nothing exports (both bounds null), rather than failing', () => {
    const point = buildOperatingPoint({ ...input, impliedCostRatio: { low: Number.POSITIVE_INFINITY, high: Number.POSITIVE_INFINITY } });
    expect(point.impliedCostRatio).toEqual({ low: null, high: null });
    expect(parseOperatingPoint(JSON.parse(serializeOperatingPoint(point))).impliedCostRatio).toEqual({ low: null, high: null });
  });

  it('builds a valid version-2 document and round-trips it through JSON', () => {
    const point = buildOperatingPoint(input);
    expect(point.schemaVersion).toBe(2);
    expect(point.rule).toBe('score >= threshold');
    expect(point.metrics.averagePrecision).toBeNull();
    expect(point.impliedCostRatio).toEqual({ low: 4, high: null });
    expect(point).not.toHaveProperty('groups');
    const again = parseOperatingPoint(JSON.parse(serializeOperatingPoint(point)));
    expect(again).toEqual(point);
  });

  it('carries every version-2 field through a round trip', () => {
    const point = buildOperatingPoint({ ...input, ...extras });
    const again = parseOperatingPoint(JSON.parse(serializeOperatingPoint(point)));
    for (const key of Object.keys(extras) as (keyof typeof extras)[]) expect(again[key as keyof typeof again]).toEqual(extras[key]);
  });

  it('records an imported model with its own training settings', () => {
    const source = {
      kind: 'imported-model' as const,
      model: {
        fileName: 'cutoff-model.zip',
        layers: [16],
        loss: 'weighted BCE',
        posWeight: 42,
        epochs: 20,
        features: ['a', 'b', 'c', 'd', 'e', 'f'],
        trainedOn: { fileName: 'train.csv', labelColumn: 'y', positiveValue: 'yes', sha256: 'b'.repeat(64) },
        scoredOwnTrainingRows: false,
      },
    };
    const point = buildOperatingPoint({ ...input, source });
    expect(parseOperatingPoint(JSON.parse(serializeOperatingPoint(point))).source).toEqual(source);
  });

  it('still reads a version-1 document', () => {
    const v1 = { ...JSON.parse(serializeOperatingPoint(buildOperatingPoint(input))), schemaVersion: 1 };
    const point = parseOperatingPoint(v1);
    expect(point.schemaVersion).toBe(1);
    expect(point.threshold).toBe(0.3);
  });

  it('refuses a document with a bad field and names it', () => {
    const point = buildOperatingPoint(input);
    expect(() => parseOperatingPoint({ ...point, confusion: { ...point.confusion, tp: -1 } })).toThrow(/confusion\.tp/);
    expect(() => parseOperatingPoint({ ...point, schemaVersion: 3 })).toThrow(/schemaVersion 3; this Cutoff reads versions 1 and 2/);
    expect(() => parseOperatingPoint({ ...point, schemaVersion: undefined })).toThrow(/schemaVersion is missing/);
    expect(() => parseOperatingPoint({ ...point, band: { lower: 0.6, upper: 0.2 } })).toThrow(/band/);
    expect(() => parseOperatingPoint({ ...point, dataset: { ...point.dataset, sha256: 'xyz' } })).toThrow(/dataset\.sha256/);
  });

  it('refuses thresholds outside [0, 1] and bands out of order', () => {
    const point = buildOperatingPoint(input);
    expect(() => parseOperatingPoint({ ...point, threshold: 2 })).toThrow(/threshold/);
    expect(() => parseOperatingPoint({ ...point, threshold: -0.1 })).toThrow(/threshold/);
    expect(() => parseOperatingPoint({ ...point, bands: { cuts: [0.5, 0.2], names: ['a', 'b', 'c'] } })).toThrow(/bands\.cuts: band cut points must be in increasing order/);
    expect(() => parseOperatingPoint({ ...point, bands: { cuts: [0.2, 0.5], names: ['a', 'b'] } })).toThrow(/bands\.names/);
    expect(() => parseOperatingPoint({ ...point, groups: { column: 'g', strategy: 'single', thresholds: [{ value: 'x', threshold: 1.5 }] } })).toThrow(
      /groups\.thresholds\.0\.threshold/,
    );
    expect(() => parseOperatingPoint({ ...point, guardrails: { histogram: { edges: [0, 1], counts: [1, 2] } } })).toThrow(/guardrails\.histogram\.counts/);
  });

  it('refuses hostile or non-object JSON with a plain message', () => {
    expect(() => parseOperatingPoint(null)).toThrow(/not a JSON object/);
    expect(() => parseOperatingPoint([1, 2])).toThrow(/not a JSON object/);
    expect(() => parseOperatingPoint('x')).toThrow(/not a JSON object/);
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, "schemaVersion": 2, "threshold": 0.5}`) as unknown;
    expect(() => parseOperatingPoint(hostile)).toThrow(/Not a valid Cutoff operating point/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
