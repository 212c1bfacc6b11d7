/**
 * The figures a report draws that the rest of the export does not carry: the scores by class,
 * the reliability bins and the decision curve. Computed where the point is assembled (the page's
 * export, `cutoff choose`) from the evaluated curve, and kept small: at most REPORT_FIGURES_BUDGET
 * bytes of JSON, so an operating point stays a file one reads.
 */
import '../data/zod-setup';
import { z } from 'zod';
import { decisionCurve } from '../metrics/decision-curve';
import { classHistogram, type ClassHistogram } from '../metrics/histogram';
import { reliabilityBins, type ReliabilityBin } from '../metrics/reliability';
import type { ScoreCurve } from '../metrics/score-curve';

/** Bins of the scores-by-class histogram. */
export const REPORT_HISTOGRAM_BINS = 20;
/** Reliability bins (equal width, as scikit-learn's calibration_curve). */
export const REPORT_CALIBRATION_BINS = 10;
/** The decision curve's threshold probabilities: 0.02, 0.04, …, 0.98. */
export const REPORT_DECISION_GRID = Array.from({ length: 49 }, (_, i) => (i + 1) / 50);
/** The size the figures may add to the export, in bytes of JSON (stated in docs/operating-point.md). */
export const REPORT_FIGURES_BUDGET = 8192;

const finite = z.number().finite();

export const reportFiguresSchema = z.object({
  scoresByClass: z.object({ edges: z.array(finite), positives: z.array(finite), negatives: z.array(finite) }),
  /** null when the scores are not probabilities in [0, 1] (no equal-width bins then). */
  calibration: z
    .object({
      bins: z.array(z.object({ low: finite, high: finite, weight: finite, meanScore: finite, fractionPositive: finite })),
      brier: finite.nullable(),
    })
    .nullable(),
  /** Net benefit per case at each threshold probability (Vickers & Elkin), at the assumed prevalence when one was set. */
  decisionCurve: z.object({ thresholds: z.array(finite), model: z.array(finite.nullable()), treatAll: z.array(finite.nullable()) }),
});

export type ReportFigures = z.infer<typeof reportFiguresSchema>;

/** Rounded to 6 significant digits: the figures are drawn, not recomputed, and stay small. */
const short = (x: number): number => Number(x.toPrecision(6));
const orNull = (x: number): number | null => (Number.isFinite(x) ? short(x) : null);

/** What the metrics worker already prepared with the curve (src/metrics/curve-view.ts), so the page's export does not walk a million scores again. */
export interface PreparedFigures {
  histogram: ClassHistogram;
  reliability: { uniform: ReliabilityBin[] };
  brier: number;
}

/** The prepared figures of a view, when it has them all. */
export function preparedFiguresOf(view: Partial<PreparedFigures> | undefined): PreparedFigures | undefined {
  return view?.histogram && view.reliability && view.brier !== undefined ? { histogram: view.histogram, reliability: view.reliability, brier: view.brier } : undefined;
}

/** Equal-width bins merged k to one (the view's 40 bins are the report's 20), when they line up; null otherwise. */
function mergedHistogram(h: ClassHistogram, bins: number): ClassHistogram | null {
  const k = (h.edges.length - 1) / bins;
  if (!Number.isInteger(k) || k < 1 || h.edges[0] !== 0 || h.edges[h.edges.length - 1] !== 1) return null;
  const sum = (a: Float64Array, i: number) => a.subarray(i * k, (i + 1) * k).reduce((x, y) => x + y, 0);
  return {
    edges: Float64Array.from({ length: bins + 1 }, (_, i) => h.edges[i * k]),
    positives: Float64Array.from({ length: bins }, (_, i) => sum(h.positives, i)),
    negatives: Float64Array.from({ length: bins }, (_, i) => sum(h.negatives, i)),
  };
}

export function reportFigures(curve: ScoreCurve, prevalence?: number, prepared?: PreparedFigures): ReportFigures {
  const histogram = (prepared && mergedHistogram(prepared.histogram, REPORT_HISTOGRAM_BINS)) ?? classHistogram(curve, REPORT_HISTOGRAM_BINS);
  const inUnit = curve.thresholds[0] <= 1 && curve.thresholds[curve.size - 1] >= 0;
  const dc = decisionCurve(curve, REPORT_DECISION_GRID, prevalence);
  const brier = prepared ? prepared.brier : curve.brier();
  return {
    scoresByClass: { edges: Array.from(histogram.edges, short), positives: Array.from(histogram.positives, short), negatives: Array.from(histogram.negatives, short) },
    calibration: inUnit
      ? {
          bins: (prepared?.reliability.uniform ?? reliabilityBins(curve, REPORT_CALIBRATION_BINS, 'uniform')).map((b) => ({
            low: short(b.low),
            high: short(b.high),
            weight: short(b.weight),
            meanScore: short(b.meanScore),
            fractionPositive: short(b.fractionPositive),
          })),
          brier: orNull(brier),
        }
      : null,
    decisionCurve: { thresholds: REPORT_DECISION_GRID.slice(), model: Array.from(dc.netBenefit, orNull), treatAll: Array.from(dc.treatAll, orNull) },
  };
}

/** A second model compared on the same cases (the page's Compare view), with DeLong's paired test when it was run. */
export const comparisonSchema = z.object({
  label: z.string(),
  rocAuc: finite.nullable(),
  averagePrecision: finite.nullable(),
  test: z.object({ aucDiff: finite, ciLow: finite, ciHigh: finite, z: finite.nullable(), p: finite }).nullable(),
  /** The sentence the page showed. */
  statement: z.string().nullable(),
});
export type ComparisonRecord = z.infer<typeof comparisonSchema>;

/** The comparison as the export records it, from the Compare view's curve figures and DeLong test. */
export function comparisonRecord(
  label: string,
  figures: { rocAuc: number; averagePrecision: number },
  test: { diff: number; ciLow: number; ciHigh: number; z: number; p: number } | null,
  statement: string | null,
): ComparisonRecord {
  const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return {
    label,
    rocAuc: orNull(figures.rocAuc),
    averagePrecision: orNull(figures.averagePrecision),
    test: test ? { aucDiff: test.diff, ciLow: test.ciLow, ciHigh: test.ciHigh, z: orNull(test.z), p: test.p } : null,
    statement,
  };
}
