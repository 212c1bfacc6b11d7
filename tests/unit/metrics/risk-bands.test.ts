import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricsInputError, ScoreCurve, threeWayBand } from '../../../src/metrics';
import { bandIndexOf, bandNamesFor, defaultBandNames, parseCutPoints, riskBands } from '../../../src/metrics/risk-bands';

const rowsArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.constantFrom(0, 1), fc.constantFrom(0, 1, 2)), { minLength: 1, maxLength: 40 })
  .map((t) => ({ scores: t.map((x) => x[0] / 10), labels: t.map((x) => x[1]), weights: t.map((x) => x[2]) }))
  .filter((r) => r.weights.some((w) => w > 0));
const cutsArb = fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 5 }).map((xs) => xs.sort((a, b) => a - b).map((x) => x / 20));

describe('risk bands', () => {
  it('count, positives, precision and share of each band match the rows', () => {
    fc.assert(
      fc.property(rowsArb, cutsArb, (r, cuts) => {
        const curve = ScoreCurve.from(r.scores, r.labels, r.weights);
        const bands = riskBands(curve, cuts);
        expect(bands).toHaveLength(cuts.length + 1);
        const total = r.weights.reduce((a: number, b) => a + b, 0);
        bands.forEach((band, i) => {
          let count = 0;
          let positives = 0;
          r.scores.forEach((s, j) => {
            if (bandIndexOf(s, cuts) !== i) return;
            // Brute force on the edges themselves: lower <= s < upper.
            expect(s >= band.lower && s < band.upper).toBe(true);
            count += r.weights[j];
            positives += r.labels[j] ? r.weights[j] : 0;
          });
          expect(band.count).toBeCloseTo(count, 9);
          expect(band.positives).toBeCloseTo(positives, 9);
          expect(band.precision).toBeCloseTo(count > 0 ? positives / count : 0, 9);
          expect(band.share).toBeCloseTo(count / total, 9);
        });
      }),
    );
  });

  it('with two cut points are the review band: cleared, review, flagged', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (r, a, b) => {
        const [lower, upper] = [Math.min(a, b) / 10, Math.max(a, b) / 10 + 0.05];
        const curve = ScoreCurve.from(r.scores, r.labels, r.weights);
        const [cleared, review, flagged] = riskBands(curve, [lower, upper], ['cleared', 'review', 'flagged']);
        const band = threeWayBand(curve, lower, upper);
        expect(cleared.count).toBeCloseTo(band.cleared.fn + band.cleared.tn, 9);
        expect(review.positives).toBeCloseTo(band.review.positives, 9);
        expect(flagged.count).toBeCloseTo(band.flagged.tp + band.flagged.fp, 9);
        expect(review.share).toBeCloseTo(band.reviewShare, 9);
      }),
    );
  });

  it('reads typed cut points and names the bands', () => {
    expect(parseCutPoints('0.2, 0.5, 0.8')).toEqual([0.2, 0.5, 0.8]);
    expect(parseCutPoints(' 0.1;0.3 ')).toEqual([0.1, 0.3]);
    expect(parseCutPoints('')).toEqual([]);
    expect(() => parseCutPoints('0.5, 0.2')).toThrow(/must increase/);
    expect(() => parseCutPoints('0.2, high')).toThrow(MetricsInputError);
    expect(() => parseCutPoints('1.5')).toThrow(/between 0 and 1/);
    expect(defaultBandNames(4)).toEqual(['low', 'medium', 'high', 'urgent']);
    expect(bandNamesFor([0.2, 0.5, 0.8], ['', 'watch'])).toEqual(['low', 'watch', 'high', 'urgent']);
    expect(bandNamesFor([0.1, 0.2, 0.3, 0.4], [])).toEqual(['band 1', 'band 2', 'band 3', 'band 4', 'band 5']);
    expect(bandIndexOf(0.5, [0.2, 0.5, 0.8])).toBe(2);
    expect(bandIndexOf(0.1, [0.2, 0.5, 0.8])).toBe(0);
    expect(bandIndexOf(0.8, [0.2, 0.5, 0.8])).toBe(3);
  });
});
