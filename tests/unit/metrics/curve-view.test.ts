import { describe, expect, it } from 'vitest';
import { proposeBand } from '../../../src/metrics/band';
import { chartPoints } from '../../../src/metrics/chart-points';
import { buildCostHull } from '../../../src/metrics/cost-hull';
import { curveViewBuffers, DRAW_UNITS, prepareCurveView } from '../../../src/metrics/curve-view';
import { decimate } from '../../../src/metrics/decimate';
import { belowRange, decisionCurve, decisionCurveRange, decisionGrid } from '../../../src/metrics/decision-curve';
import { classHistogram } from '../../../src/metrics/histogram';
import { ScoreCurve } from '../../../src/metrics/score-curve';
import { mulberry32 } from '../../../src/data/random';
import { reliabilityBins } from '../../../src/metrics/reliability';

function randomCurve(n: number, seed: number): ScoreCurve {
  const random = mulberry32(seed);
  const labels = Uint8Array.from({ length: n }, () => (random() < 0.2 ? 1 : 0));
  const scores = Float64Array.from(labels, (y) => Math.min(1, Math.max(0, 0.3 * y + 0.7 * random())));
  return ScoreCurve.from(scores, labels);
}

describe('prepareCurveView', () => {
  it('holds exactly what the page would derive from the curve itself', () => {
    const curve = randomCurve(5000, 3);
    const view = prepareCurveView(curve);
    const points = chartPoints(curve);
    expect(view.points).toEqual(points);
    expect(view.rocKept).toEqual(decimate(points.rocX, points.rocY, DRAW_UNITS, DRAW_UNITS, 0.5));
    expect(view.prKept).toEqual(decimate(points.prX, points.prY, DRAW_UNITS, DRAW_UNITS, 0.5));
    expect(view.histogram).toEqual(classHistogram(curve));
    expect(view.hull).toEqual(buildCostHull(curve));
    expect(view.rocAuc).toBe(curve.rocAuc());
    expect(view.averagePrecision).toBe(curve.averagePrecision());
  });

  it('draws a long curve with far fewer vertices, first and last kept', () => {
    const view = prepareCurveView(randomCurve(100_000, 5));
    const m = view.points.rocX.length;
    expect(view.rocKept.length).toBeLessThan(m / 10);
    expect(view.rocKept[0]).toBe(0);
    expect(view.rocKept.at(-1)).toBe(m - 1);
  });

  it('lists every buffer of the view once, so a transfer leaves nothing behind', () => {
    const view = prepareCurveView(randomCurve(100, 7));
    const buffers = curveViewBuffers(view);
    expect(new Set(buffers).size).toBe(12);
    expect(buffers).toContain(view.points.rocX.buffer);
    expect(buffers).toContain(view.hull.vertices.buffer);
    expect(buffers).toContain(view.summaryRoc.buffer);
  });
});

describe('decisionCurveRange', () => {
  it('ends a little past the last threshold where anything gains, and the top is the largest gain', () => {
    const curve = randomCurve(4000, 11);
    const dc = decisionCurve(curve, decisionGrid(1, 200));
    const range = decisionCurveRange(dc);
    let last = 0;
    let top = 0;
    dc.thresholds.forEach((t, i) => {
      if (dc.netBenefit[i] > 0 || dc.treatAll[i] > 0) last = t;
      top = Math.max(top, dc.netBenefit[i], dc.treatAll[i]);
    });
    expect(range.xMax).toBeCloseTo(Math.min(1, Math.max(0.05, last * 1.25)), 12);
    expect(range.yMax).toBeCloseTo(top * 1.1, 12);
    expect(range.yMin).toBeLessThanOrEqual(0);
    expect(range.yMin).toBeGreaterThanOrEqual(-3 * range.yMax);
  });

  it('names the thresholds where the model falls below the chart', () => {
    const dc = {
      thresholds: Float64Array.of(0.1, 0.2, 0.3, 0.4),
      netBenefit: Float64Array.of(0.01, -0.5, -0.6, 0.0),
      treatAll: new Float64Array(4),
      treatNone: new Float64Array(4),
    };
    expect(belowRange(dc, -0.1)).toEqual({ from: 0.2, to: 0.3 });
    expect(belowRange(dc, -1)).toBeNull();
  });
});

describe('proposeBand', () => {
  const curve = ScoreCurve.from([0.1, 0.3, 0.5, 0.7, 0.9, 0.92], [0, 0, 1, 0, 1, 1]);
  it('is ±0.1 around the threshold when that fits', () => {
    expect(proposeBand(curve, 0.5)).toEqual({ lower: 0.4, upper: 0.6 });
  });
  it('holds the threshold, flags the highest score and clears the lowest near the ends', () => {
    for (const t of [0, 0.05, 0.915, 0.95, 1]) {
      const band = proposeBand(curve, t);
      expect(band.lower).toBeLessThanOrEqual(t);
      expect(band.upper).toBeGreaterThanOrEqual(t);
      if (t <= 0.92) expect(band.upper).toBeLessThanOrEqual(0.92);
      if (t > 0.1) expect(band.lower).toBeGreaterThan(0.1);
    }
  });
});

describe("the prepared view carries the calibration view's default", () => {
  it('is both kinds of reliability bins and the Brier score of the curve, computed where the curve was built', () => {
    const random = mulberry32(11);
    const labels = Array.from({ length: 2000 }, () => (random() < 0.3 ? 1 : 0));
    const scores = labels.map((y) => Math.min(1, Math.max(0, 0.3 * y + 0.7 * random())));
    const curve = ScoreCurve.from(scores, labels);
    const view = prepareCurveView(curve);
    expect(view.reliability).toEqual({ uniform: reliabilityBins(curve, 10, 'uniform'), quantile: reliabilityBins(curve, 10, 'quantile') });
    expect(view.brier).toBe(curve.brier());
  });
});
