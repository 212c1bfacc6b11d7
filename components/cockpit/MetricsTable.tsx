import type { ReactNode } from 'react';
import type { Confusion, ThresholdMetrics } from '../../src/metrics';
import { wilsonInterval } from '../../src/metrics/interval';
import { reweightedInterval, type ReweightedRate } from '../../src/metrics/reweighted-interval';
import { formatMetric } from '../common/format';
import type { BootstrapIntervals } from '../hooks/useBootstrap';

interface MetricsTableProps {
  metrics: ThresholdMetrics;
  confusion: Confusion;
  rocAuc: number;
  averagePrecision: number;
  bootstrap: BootstrapIntervals | null;
  /** Share of the bootstrap done, while it runs. */
  bootstrapProgress: number | null;
  /** Assumed deployment prevalence: precision, NPV and the alarm rate are shown at it. */
  prevalence?: number | null;
}

/** Threshold metrics beside the whole-curve ones; never accuracy alone. */
export function MetricsTable({ metrics, confusion, rocAuc, averagePrecision, bootstrap, bootstrapProgress, prevalence = null }: MetricsTableProps) {
  const { tp, fp, tn, fn } = confusion;
  // Wilson intervals for the proportions whose denominators are plain counts.
  const intervals: Record<string, [number, number]> = {
    'metric-recall': [tp, tp + fn],
    'metric-precision': [tp, tp + fp],
    'metric-specificity': [tn, tn + fp],
    'metric-npv': [tn, tn + fn],
    'metric-queue-rate': [tp + fp, tp + fp + tn + fn],
  };
  const resampled: Record<string, { low: number; high: number } | undefined> = {
    'metric-roc-auc': bootstrap?.rocAuc,
    'metric-ap': bootstrap?.averagePrecision,
  };
  const interval = (testId: string): ReactNode => {
    if (testId in resampled) {
      const ci = resampled[testId];
      if (ci)
        return (
          <>
            {formatMetric(ci.low)}–{formatMetric(ci.high)} <span className="ci-method">(bootstrap)</span>
          </>
        );
      return bootstrapProgress !== null ? `bootstrap ${Math.round(bootstrapProgress * 100)}%…` : '';
    }
    // At an assumed prevalence these rates are re-weighted, and so are their intervals.
    const reweighted: Record<string, ReweightedRate> = { 'metric-precision': 'precision', 'metric-npv': 'npv', 'metric-queue-rate': 'queueRate' };
    if (prevalence !== null && testId in reweighted) {
      const ci = reweightedInterval(confusion, prevalence, reweighted[testId]);
      return ci ? `${formatMetric(ci.low)}–${formatMetric(ci.high)}` : '';
    }
    const counts = intervals[testId];
    if (!counts || counts[1] === 0) return '';
    const ci = wilsonInterval(counts[0], counts[1]);
    return `${formatMetric(ci.low)}–${formatMetric(ci.high)}`;
  };
  const rows: [string, string, number, string][] = [
    ['metric-recall', 'Recall (sensitivity)', metrics.recall, 'share of positives caught'],
    ['metric-precision', 'Precision (PPV)', metrics.precision, 'share of alarms that are real'],
    ['metric-specificity', 'Specificity', metrics.specificity, 'share of negatives left alone'],
    ['metric-npv', 'NPV', metrics.npv, 'share of all-clears that are right'],
    ['metric-f1', 'F1', metrics.f1, 'harmonic mean of precision and recall'],
    ['metric-mcc', 'MCC', metrics.mcc, 'correlation of prediction and truth'],
    ['metric-queue-rate', 'Alarm rate', metrics.queueRate, 'share of cases flagged'],
    ['metric-accuracy', 'Accuracy', metrics.accuracy, 'misleading on imbalanced data'],
    ['metric-roc-auc', 'ROC-AUC', rocAuc, 'whole curve, threshold-free'],
    ['metric-ap', 'PR-AUC (average precision)', averagePrecision, 'whole curve, threshold-free'],
  ];
  return (
    <table className="metrics">
      <thead>
        <tr>
          <th scope="col">metric</th>
          <th scope="col" className="num">
            value
          </th>
          <th scope="col">95% interval</th>
          <th scope="col">
            <span className="visually-hidden">what it means</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([testId, name, value, hint]) => (
          <tr key={testId}>
            <th scope="row">{name}</th>
            <td className="num" data-testid={testId} data-value={value}>
              {formatMetric(value)}
            </td>
            <td className="ci" data-testid={`${testId}-ci`}>
              {interval(testId)}
            </td>
            <td className="hint">{hint}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
