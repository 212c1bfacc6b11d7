import { chartPoints, type ChartPoints } from './chart-points';
import { decimate } from './decimate';
import { niceThresholdAtIndex } from './nice-threshold';
import type { ScoreCurve } from './score-curve';

/** A curve small enough to ship in the export: points and the threshold that realises each. */
export interface CurveSummary {
  roc: { fpr: number[]; tpr: number[]; threshold: number[] };
  pr: { recall: number[]; precision: number[]; threshold: number[] };
}

/** How wide the exported curves are decimated as if drawn, in pixels. */
const SUMMARY_PX = 200;

/** The points an exported curve keeps before the chosen one is added: the same for every threshold. */
export interface SummaryIndices {
  points: ChartPoints;
  summaryRoc: Uint32Array;
  summaryPr: Uint32Array;
}

/** The exported curves' vertices, decimated within half a pixel at SUMMARY_PX; prepared in the metrics worker with the curve. */
export function summaryIndices(points: ChartPoints): SummaryIndices {
  return {
    points,
    summaryRoc: decimate(points.rocX, points.rocY, SUMMARY_PX, SUMMARY_PX, 0.5, []),
    summaryPr: decimate(points.prX, points.prY, SUMMARY_PX, SUMMARY_PX, 0.5, []),
  };
}

/** Sorted indices with `keep` among them. */
function withPoint(indices: Uint32Array, keep: number): number[] {
  const out = Array.from(indices);
  let at = 0;
  while (at < out.length && out[at] < keep) at++;
  if (out[at] !== keep) out.splice(at, 0, keep);
  return out;
}

/**
 * ROC and PR curves decimated as if drawn SUMMARY_PX pixels wide (within half a pixel of the
 * full curve), with the chosen operating point `keep` added. The decimation does not depend on
 * `keep`, so the page prepares it once per curve (`prepared`) and the command computes it here.
 */
export function summarizeCurve(curve: ScoreCurve, keep: number, prepared: SummaryIndices = summaryIndices(chartPoints(curve))): CurveSummary {
  const p = prepared.points;
  const rocIdx = withPoint(prepared.summaryRoc, keep);
  const prIdx = withPoint(prepared.summaryPr, keep);
  const threshold = (k: number) => niceThresholdAtIndex(curve.thresholds, k);
  return {
    roc: { fpr: rocIdx.map((k) => p.rocX[k]), tpr: rocIdx.map((k) => p.rocY[k]), threshold: rocIdx.map(threshold) },
    pr: { recall: prIdx.map((k) => p.prX[k]), precision: prIdx.map((k) => p.prY[k]), threshold: prIdx.map(threshold) },
  };
}
