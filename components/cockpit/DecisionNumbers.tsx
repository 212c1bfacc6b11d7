import { memo } from 'react';
import type { ScoreCurve } from '../../src/metrics';
import { evaluateThreshold } from '../../src/metrics/evaluate';
import type { Settings } from '../../src/session/settings';
import type { BootstrapIntervals } from '../hooks/useBootstrap';
import { MetricsTable } from './MetricsTable';
import { useThreshold } from './threshold-store';

interface DecisionNumbersProps {
  curve: ScoreCurve;
  costFp: number;
  costFn: number;
  prevalence: Settings['prevalence'];
  rocAuc: number;
  averagePrecision: number;
  bootstrap: { intervals: BootstrapIntervals | null; progress: number | null };
}

/**
 * The metrics at the current threshold with their intervals: they follow every drag. The
 * confusion matrix itself sits in the sticky strip, so the counts stay on screen below the fold.
 */
export const DecisionNumbers = memo(function DecisionNumbers(props: DecisionNumbersProps) {
  const threshold = useThreshold();
  const { confusion, metrics } = evaluateThreshold(props.curve, threshold, { costFp: props.costFp, costFn: props.costFn }, props.prevalence);
  return (
    <MetricsTable
      metrics={metrics}
      confusion={confusion}
      rocAuc={props.rocAuc}
      averagePrecision={props.averagePrecision}
      bootstrap={props.bootstrap.intervals}
      bootstrapProgress={props.bootstrap.progress}
      prevalence={props.prevalence}
    />
  );
});
