/**
 * Golden SVG snapshots of every chart on one fixed curve. A change to a chart's markup fails
 * here; when the change is meant, update the files with `npm run test:snapshots` and review
 * the diff of tests/unit/charts/__snapshots__/ like code.
 */
import { createElement, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { CalibrationView } from '../../../components/charts/CalibrationView';
import { CurveChart } from '../../../components/charts/CurveChart';
import { DecisionCurveView } from '../../../components/charts/DecisionCurveView';
import { GROUP_ROC_PIXELS, GroupRocChart } from '../../../components/charts/GroupRocChart';
import { groupRoc } from '../../../src/metrics/group-roc';
import { LossChart } from '../../../components/charts/LossChart';
import { MetricsChart } from '../../../components/charts/MetricsChart';
import { ScoreHistogram } from '../../../components/charts/ScoreHistogram';
import type { EpochLog } from '../../../src/session/training-state';
import { ScoreCurve } from '../../../src/metrics';
import { nearestPrIndex, nearestRocIndex } from '../../../src/metrics/chart-points';
import { prepareCurveView } from '../../../src/metrics/curve-view';
import { thresholdSweep } from '../../../src/metrics/threshold-sweep';
import { chartMarkup, normaliseMarkup } from './svg-snapshot';

// 60 cases, positives scored higher on average, a few ties: fixed, so the markup is too.
const scores = Array.from({ length: 60 }, (_, i) => Math.round(((i * 37) % 60) / 0.6) / 100);
const labels = scores.map((s, i) => (s + ((i * 17) % 10) / 20 > 0.7 ? 1 : 0));
const curve = ScoreCurve.from(scores, labels);
const view = prepareCurveView(curve);
const noop = (): void => {};
const describeAt = (t: number): string => `threshold ${t.toFixed(2)}`;
const costs = { costFp: 1, costFn: 5 };

const epochs: EpochLog[] = Array.from({ length: 5 }, (_, i) => ({
  epoch: i + 1,
  trainLoss: 0.7 - i * 0.08,
  validationLoss: 0.72 - i * 0.06,
  prAuc: 0.6 + i * 0.05,
  rocAuc: 0.65 + i * 0.05,
  recall: 0.5 + i * 0.04,
  precision: 0.55 + i * 0.03,
  seconds: 0.1,
}));

const charts: Record<string, () => ReactElement> = {
  'roc-curve': () =>
    createElement(CurveChart, {
      testId: 'roc-chart',
      handleTestId: 'roc-handle',
      title: 'ROC curve',
      xLabel: 'False positive rate',
      yLabel: 'True positive rate (recall)',
      curve,
      points: { xs: view.points.rocX, ys: view.points.rocY, kept: view.rocKept },
      nearestIndex: (x, y) => nearestRocIndex(view.points, x, y),
      onIndexChange: noop,
      baseline: { x1: 0, y1: 0, x2: 1, y2: 1 },
      describe: describeAt,
    }),
  'pr-curve': () =>
    createElement(CurveChart, {
      testId: 'pr-chart',
      handleTestId: 'pr-handle',
      title: 'Precision–recall curve',
      xLabel: 'Recall',
      yLabel: 'Precision',
      curve,
      points: { xs: view.points.prX, ys: view.points.prY, kept: view.prKept },
      nearestIndex: (x, y) => nearestPrIndex(view.points, x, y),
      onIndexChange: noop,
      baseline: { x1: 0, y1: curve.prevalence(), x2: 1, y2: curve.prevalence() },
      describe: describeAt,
    }),
  'score-histogram': () =>
    createElement(ScoreHistogram, {
      histogram: view.histogram,
      band: { lower: 0.3, upper: 0.6 },
      onBandChange: noop,
      stepFrom: (t) => t,
      snap: (t) => t,
      curve,
      onThreshold: noop,
      onIndexChange: noop,
      describe: describeAt,
    }),
  'metrics-chart': () => createElement(MetricsChart, { sweep: thresholdSweep(curve, costs), curve, onThreshold: noop, onIndexChange: noop, describe: describeAt }),
  'calibration-view': () =>
    createElement(CalibrationView, { curve, ...costs, onIndex: noop, method: 'none', onMethod: noop, calibration: { calibrated: null, pending: null, error: null } }),
  'decision-curve': () => createElement(DecisionCurveView, { curve, prevalence: undefined, probabilities: 'raw scores' }),
  'group-roc': () =>
    createElement(GroupRocChart, {
      group: 'site A',
      roc: groupRoc(curve, GROUP_ROC_PIXELS.width, GROUP_ROC_PIXELS.height),
      index: curve.indexAt(0.5),
      threshold: 0.5,
      onIndexChange: noop,
    }),
  'loss-chart': () => createElement(LossChart, { epochs, bestEpoch: 4 }),
};

describe('chart snapshots', () => {
  for (const [name, chart] of Object.entries(charts)) {
    it(`${name} renders as its golden SVG`, async () => {
      const markup = chartMarkup(chart());
      expect(markup).toContain('<svg');
      await expect(markup).toMatchFileSnapshot(`./__snapshots__/${name}.svg.html`);
    });
  }

  it('the handles sit at the threshold of the store', () => {
    const at = (t: number) => chartMarkup(charts['roc-curve'](), t);
    expect(at(0.2)).not.toEqual(at(0.8));
  });
});

describe('normaliseMarkup', () => {
  it('numbers generated ids in order of appearance and rounds long decimals', () => {
    expect(normaliseMarkup('<g id="«r1»"><path d="M0.123456,-0.00001L10.5,3"/><use href="#«r1»"/><g id="«r7»"/></g>')).toBe(
      '<g id="id0">\n<path d="M0.123,0L10.5,3"/>\n<use href="#id0"/>\n<g id="id1"/>\n</g>\n',
    );
  });
});
