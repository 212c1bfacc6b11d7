import { describe, expect, it } from 'vitest';
import { guardrailsFor } from '../../../components/export/download';
import { importWarnings } from '../../../components/export/ExportPanel';
import { binnedKs, curveHistogram, histogramBin, populationStability, scoreHistogram } from '../../../src/decision/guardrails';
import fc from 'fast-check';
import { buildOperatingPoint } from '../../../src/session/operating-point';
import { ScoreCurve } from '../../../src/metrics/score-curve';
import { baseInput } from './fixtures';

describe('guardrails in the export', () => {
  const evaluation = { curve: ScoreCurve.from([0.01, 0.3, 0.5, 0.99, 1], [0, 1, 0, 1, 1]) };

  it('default to comparing recall and precision with the export at a 1% false-alarm rate, with the score histogram', () => {
    const g = guardrailsFor(evaluation);
    expect([g.minRecall, g.minPrecision, g.maxAlarmRate]).toEqual([null, null, null]);
    expect(g.compare).toEqual(['recall', 'precision']);
    expect(g.alpha).toBe(0.01);
    expect(g.histogram.edges).toHaveLength(21);
    expect(g.histogram.counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(g.histogram.counts[19]).toBe(2); // 0.99 and 1 (the top edge belongs to the last bin)
    expect(() => buildOperatingPoint({ ...baseInput, guardrails: g })).not.toThrow();
  });

  it('takes the floors typed in the export panel as absolute floors, in place of the comparison', () => {
    const g = guardrailsFor(evaluation, { minRecall: 0.9, maxAlarmRate: 0.2 });
    expect([g.minRecall, g.maxAlarmRate]).toEqual([0.9, 0.2]);
    expect(g.compare).toEqual(['precision']);
    expect(g.basis).toMatch(/set in the export panel/);
  });
});

describe('the export histogram read off the curve', () => {
  it('equals the histogram of the rows: ties, weights, scores on the edges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(0, 0.05, 0.5, 0.95, 1, 0.3333), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), fc.integer({ min: 0, max: 5 })), {
          minLength: 1,
          maxLength: 60,
        }),
        (rows) => {
          const scores = rows.map(([edge, s, onEdge]) => (onEdge ? edge : s));
          const labels = rows.map((_, i) => i % 2);
          const weights = rows.map((r) => r[3]);
          if (!weights.some((w) => w > 0)) return;
          expect(curveHistogram(ScoreCurve.from(scores, labels, weights)).counts).toEqual(scoreHistogram(scores, undefined, weights).counts);
        },
      ),
    );
  });
});

describe('drift measures', () => {
  it('PSI is 0 for the same distribution and matches the formula otherwise; KS is the largest CDF gap', () => {
    expect(populationStability([10, 20, 70], [1, 2, 7])).toBe(0);
    const psi = (0.5 - 0.2) * Math.log(0.5 / 0.2) + (0.5 - 0.8) * Math.log(0.5 / 0.8);
    expect(populationStability([20, 80], [50, 50])).toBeCloseTo(psi, 12);
    expect(binnedKs([20, 80], [50, 50])).toBeCloseTo(0.3, 12);
    expect([histogramBin([0, 0.5, 1], -1), histogramBin([0, 0.5, 1], 0.5), histogramBin([0, 0.5, 1], 2)]).toEqual([0, 1, 1]);
  });
});

describe('import warnings', () => {
  const point = buildOperatingPoint(baseInput);
  it('name another label column and another file, and say nothing when they match', () => {
    expect(importWarnings(point, 'y', { fileName: 's.csv', sha256: 'a'.repeat(64) })).toEqual([]);
    const w = importWarnings(point, 'churned', { fileName: 'new.csv', sha256: 'b'.repeat(64) });
    expect(w[0]).toBe('it was made for the label column "y", not "churned"');
    expect(w[1]).toMatch(/another file \(s\.csv, SHA-256 aaaaaaaaaaaa…\), not new\.csv/);
  });
});
