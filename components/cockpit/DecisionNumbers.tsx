import { memo } from 'react';
import type { ScoreCurve } from '../../src/metrics';
import { evaluateThreshold } from '../../src/metrics/evaluate';
import type { Settings } from '../../src/session/settings';
import { ConfusionMatrix } from './ConfusionMatrix';
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
  evaluatedOn: string;
  bootstrap: { intervals: BootstrapIntervals | null; progress: number | null };
}

/** The confusion matrix and the metrics at the current threshold: they follow every drag. */
export const DecisionNumbers = memo(function DecisionNumbers(props: DecisionNumbersProps) {
  const threshold = useThreshold();
  const { confusion, metrics } = evaluateThreshold(props.curve, threshold, { costFp: props.costFp, costFn: props.costFn }, props.prevalence);
  return (
    <div className="numbers">
      <ConfusionMatrix confusion={confusion} evaluatedOn={props.evaluatedOn} />
      <MetricsTable
        metrics={metrics}
        confusion={confusion}
        rocAuc={props.rocAuc}
        averagePrecision={props.averagePrecision}
        bootstrap={props.bootstrap.intervals}
        bootstrapProgress={props.bootstrap.progress}
        prevalence={props.prevalence}
      />
    </div>
  );
});
