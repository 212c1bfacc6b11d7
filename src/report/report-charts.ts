/**
 * The report's figures, each drawn from the operating point alone: ROC and PR with the chosen
 * point, the scores by class with the threshold (and review band, risk cuts), the reliability
 * diagram and the decision curve. Each returns SVG text, or null when the point lacks the data.
 */
import type { OperatingPoint } from '../session/operating-point';
import { axesFor, barMark, chartSvg, COLOURS, dotMark, pathMark, pathOf, pointMark, ruleMark } from './svg-charts';

const f3 = (x: number): string => x.toFixed(3);

export function rocChart(point: OperatingPoint): string | null {
  const roc = point.curves?.roc;
  if (!roc) return null;
  const axes = axesFor([0, 1], [0, 1]);
  const { fpr, tpr } = point.metrics;
  const marks =
    pathMark(pathOf(axes, [0, 1], [0, 1]), COLOURS.reference, { dashed: true, width: 1 }) +
    pathMark(pathOf(axes, roc.fpr, roc.tpr), COLOURS.model) +
    (fpr !== null && tpr !== null ? pointMark(axes, fpr, tpr) : '');
  return chartSvg({
    id: 'roc',
    title: 'ROC curve',
    description: `ROC curve with area ${point.metrics.rocAuc === null ? 'undefined' : f3(point.metrics.rocAuc)}; the chosen cutoff ${point.threshold} sits at false-positive rate ${fpr === null ? '—' : f3(fpr)} and recall ${tpr === null ? '—' : f3(tpr)}.`,
    axes,
    xLabel: 'False-positive rate',
    yLabel: 'Recall (true-positive rate)',
    marks,
  });
}

export function prChart(point: OperatingPoint): string | null {
  const pr = point.curves?.pr;
  if (!pr) return null;
  const axes = axesFor([0, 1], [0, 1]);
  const { recall, precision } = point.metrics;
  const base = point.prevalence.observed;
  const marks =
    pathMark(pathOf(axes, [0, 1], [base, base]), COLOURS.reference, { dashed: true, width: 1 }) +
    pathMark(pathOf(axes, pr.recall, pr.precision), COLOURS.model) +
    (recall !== null && precision !== null ? pointMark(axes, recall, precision) : '');
  return chartSvg({
    id: 'pr',
    title: 'Precision–recall curve',
    description: `Precision against recall, average precision ${point.metrics.averagePrecision === null ? 'undefined' : f3(point.metrics.averagePrecision)}; the dashed line is the prevalence ${f3(base)}; the chosen cutoff gives recall ${recall === null ? '—' : f3(recall)} at precision ${precision === null ? '—' : f3(precision)}.`,
    axes,
    xLabel: 'Recall',
    yLabel: 'Precision',
    marks,
  });
}

/** Each class's scores as shares of that class, so a rare class is as visible as a common one. */
export function scoresChart(point: OperatingPoint): string | null {
  const h = point.figures?.scoresByClass;
  if (!h) return null;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const pTotal = sum(h.positives) || 1;
  const nTotal = sum(h.negatives) || 1;
  const shares = { positives: h.positives.map((c) => c / pTotal), negatives: h.negatives.map((c) => c / nTotal) };
  const top = Math.max(...shares.positives, ...shares.negatives, 0.01) * 1.1;
  const axes = axesFor([h.edges[0], h.edges[h.edges.length - 1]], [0, top]);
  let marks = '';
  for (let i = 0; i + 1 < h.edges.length; i++) {
    marks += barMark(axes, h.edges[i], h.edges[i + 1], shares.negatives[i], COLOURS.negative, 0.45);
    marks += barMark(axes, h.edges[i], h.edges[i + 1], shares.positives[i], COLOURS.positive, 0.45);
  }
  for (const cut of point.bands?.cuts ?? []) marks += ruleMark(axes, cut, COLOURS.reference, '', true);
  if (point.band) {
    marks += ruleMark(axes, point.band.lower, COLOURS.other, 'review', true) + ruleMark(axes, point.band.upper, COLOURS.other, '', true);
  }
  marks += ruleMark(axes, point.threshold, COLOURS.model, `cutoff ${point.threshold}`);
  return chartSvg({
    id: 'scores',
    title: 'Scores by class',
    description: `Histogram of the scores of positives and of negatives, each as a share of its class, with the cutoff ${point.threshold} marked${point.band ? ` and the review band ${point.band.lower}–${point.band.upper}` : ''}.`,
    axes,
    xLabel: 'Score',
    yLabel: 'Share of the class',
    marks,
    // The cutoff's label sits at the top of its rule: keep the legend on the other side.
    legendLeft: point.threshold > 0.5,
    legend: [
      { colour: COLOURS.positive, label: 'positives' },
      { colour: COLOURS.negative, label: 'negatives' },
    ],
  });
}

export function calibrationChart(point: OperatingPoint): string | null {
  const c = point.figures?.calibration;
  if (!c || c.bins.length === 0) return null;
  const axes = axesFor([0, 1], [0, 1]);
  const xs = c.bins.map((b) => b.meanScore);
  const ys = c.bins.map((b) => b.fractionPositive);
  const marks =
    pathMark(pathOf(axes, [0, 1], [0, 1]), COLOURS.reference, { dashed: true, width: 1 }) +
    pathMark(pathOf(axes, xs, ys), COLOURS.model) +
    c.bins.map((b) => dotMark(axes, b.meanScore, b.fractionPositive, COLOURS.model)).join('');
  return chartSvg({
    id: 'calibration',
    title: 'Calibration (reliability diagram)',
    description: `Observed share of positives against the mean score in ${c.bins.length} equal-width bins; points on the dashed diagonal are calibrated${c.brier === null ? '' : `; Brier score ${f3(c.brier)}`}.`,
    axes,
    xLabel: 'Mean score in the bin',
    yLabel: 'Observed share positive',
    marks,
  });
}

export function decisionCurveChart(point: OperatingPoint): string | null {
  const dc = point.figures?.decisionCurve;
  if (!dc) return null;
  const values = [...dc.model, ...dc.treatAll].filter((v): v is number => v !== null && Number.isFinite(v));
  const top = Math.max(0.01, ...values) * 1.1;
  const axes = axesFor([0, 1], [-top / 3, top]);
  // Treat-all falls without bound as the threshold grows: clip it to the plotted range.
  const clip = (v: number | null) => (v === null ? null : Math.max(-top / 3, v));
  const marks =
    pathMark(pathOf(axes, [0, 1], [0, 0]), COLOURS.reference, { width: 1 }) +
    pathMark(pathOf(axes, dc.thresholds, dc.treatAll.map(clip)), COLOURS.negative, { dashed: true }) +
    pathMark(pathOf(axes, dc.thresholds, dc.model.map(clip)), COLOURS.model) +
    ruleMark(axes, point.threshold, COLOURS.point, `cutoff ${point.threshold}`, true);
  return chartSvg({
    id: 'decision-curve',
    title: 'Decision curve (net benefit)',
    description: `Net benefit per case of acting on the model, of treating everyone and of treating no one, at each threshold probability; the cutoff ${point.threshold} is marked.`,
    axes,
    xLabel: 'Threshold probability',
    yLabel: 'Net benefit per case',
    marks,
    legend: [
      { colour: COLOURS.model, label: 'the model' },
      { colour: COLOURS.negative, dashed: true, label: 'treat everyone' },
      { colour: COLOURS.reference, label: 'treat no one' },
    ],
  });
}
