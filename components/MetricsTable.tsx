import type { ThresholdMetrics } from '../src/metrics';
import { formatMetric } from './format';

interface MetricsTableProps {
  metrics: ThresholdMetrics;
  rocAuc: number;
  averagePrecision: number;
}

/** Threshold metrics beside the whole-curve ones; never accuracy alone. */
export function MetricsTable({ metrics, rocAuc, averagePrecision }: MetricsTableProps) {
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
    ['metric-ap', 'Average precision (PR-AUC)', averagePrecision, 'whole curve, threshold-free'],
  ];
  return (
    <table className="metrics">
      <tbody>
        {rows.map(([testId, name, value, hint]) => (
          <tr key={testId}>
            <th scope="row">{name}</th>
            <td className="num" data-testid={testId} data-value={value}>
              {formatMetric(value)}
            </td>
            <td className="hint">{hint}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
