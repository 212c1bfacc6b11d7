import { chartPoints, type ChartPoints } from './chart-points';
import { buildCostHull, type CostHull } from './cost-hull';
import { decimate } from './decimate';
import { summaryIndices } from './export-curves';
import { classHistogram, type ClassHistogram } from './histogram';
import { reliabilityBins, type ReliabilityBin } from './reliability';
import type { ScoreCurve } from './score-curve';

/**
 * Everything the page draws from a new curve, prepared once (in the metrics worker) so the
 * page never walks a million points: both charts' points, their decimated vertices, the score
 * histogram, the ROC convex hull at the observed prevalence and the whole-curve figures.
 */
export interface CurveView {
  points: ChartPoints;
  /** Indices into `points` that draw the ROC / PR path within half a unit of a DRAW_UNITS grid. */
  rocKept: Uint32Array;
  prKept: Uint32Array;
  histogram: ClassHistogram;
  /** Cost hull at the observed prevalence (what impliedCostRatio needs). */
  hull: CostHull;
  rocAuc: number;
  averagePrecision: number;
  /** The exported curves' vertices (src/metrics/export-curves.ts), so an export never decimates on the page. */
  summaryRoc: Uint32Array;
  summaryPr: Uint32Array;
  /** The calibration view's reliability bins of the raw scores (10 of equal width, 10 of equal count), and their Brier score. */
  reliability: { uniform: ReliabilityBin[]; quantile: ReliabilityBin[] };
  brier: number;
}

/**
 * Resolution the decimated paths are exact to: half a unit of a 1,200-unit square, so a chart
 * drawn up to 600 px wide never shows the simplification.
 */
export const DRAW_UNITS = 1200;

/** Prepares the drawing of a curve; O(n). */
export function prepareCurveView(curve: ScoreCurve): CurveView {
  const points = chartPoints(curve);
  const summary = summaryIndices(points);
  return {
    points,
    rocKept: decimate(points.rocX, points.rocY, DRAW_UNITS, DRAW_UNITS, 0.5),
    prKept: decimate(points.prX, points.prY, DRAW_UNITS, DRAW_UNITS, 0.5),
    histogram: classHistogram(curve),
    hull: buildCostHull(curve),
    rocAuc: curve.rocAuc(),
    averagePrecision: curve.averagePrecision(),
    summaryRoc: summary.summaryRoc,
    summaryPr: summary.summaryPr,
    reliability: { uniform: reliabilityBins(curve, 10, 'uniform'), quantile: reliabilityBins(curve, 10, 'quantile') },
    brier: curve.brier(),
  };
}

/** The buffers of a view, to transfer it between threads without copying. */
export function curveViewBuffers(view: CurveView): ArrayBuffer[] {
  const { points, histogram } = view;
  return [
    points.rocX,
    points.rocY,
    points.prX,
    points.prY,
    view.rocKept,
    view.prKept,
    view.summaryRoc,
    view.summaryPr,
    histogram.edges,
    histogram.positives,
    histogram.negatives,
    view.hull.vertices,
  ].map((a) => a.buffer as ArrayBuffer);
}

/** A curve with its drawing, as it crosses between threads: rebuilt with `new ScoreCurve(n, thresholds, cumTp, cumFp)`. */
export interface PreparedCurve {
  n: number;
  thresholds: Float64Array;
  cumTp: Float64Array;
  cumFp: Float64Array;
  view: CurveView;
}

/** The curve's arrays and its view, made where the curve was sorted (the metrics or the training worker). */
export function prepareCurve(curve: ScoreCurve): PreparedCurve {
  return { n: curve.n, thresholds: curve.thresholds, cumTp: curve.cumTp, cumFp: curve.cumFp, view: prepareCurveView(curve) };
}

/** The buffers of a prepared curve, to transfer it without copying. */
export function preparedCurveBuffers(prepared: PreparedCurve): ArrayBuffer[] {
  return [prepared.thresholds.buffer as ArrayBuffer, prepared.cumTp.buffer as ArrayBuffer, prepared.cumFp.buffer as ArrayBuffer, ...curveViewBuffers(prepared.view)];
}
