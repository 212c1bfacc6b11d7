import { useMemo } from 'react';
import { chartPoints, nearestPrIndex, nearestRocIndex } from '../src/metrics/chart-points';
import { bayesThreshold, calibratedCostRatio, costOptimal, type ScoreCurve } from '../src/metrics';
import { evaluateThreshold } from '../src/evaluate';
import { niceThresholdAtIndex } from '../src/metrics/nice-threshold';
import type { Settings } from '../src/settings';
import { ConfusionMatrix } from './ConfusionMatrix';
import { CostPanel } from './CostPanel';
import { CurveChart, formatThreshold } from './CurveChart';
import { MetricsTable } from './MetricsTable';
import { ThresholdInput } from './ThresholdInput';
import { formatMetric } from './format';

interface ExplorePanelProps {
  curve: ScoreCurve;
  evaluatedOn: 'validation' | 'all rows';
  /** pos_weight of the model that made the scores; null for a scores file. */
  posWeight: number | null;
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}

/**
 * The decision workspace: ROC and PR curves with handles, the threshold, costs, matrix and
 * metrics. Only the threshold changes on a drag; the curves are computed once per score set.
 */
export function ExplorePanel({ curve, evaluatedOn, posWeight, settings, onChange }: ExplorePanelProps) {
  const points = useMemo(() => chartPoints(curve), [curve]);
  const wholeCurve = useMemo(() => ({ rocAuc: curve.rocAuc(), ap: curve.averagePrecision() }), [curve]);
  const costs = { costFp: settings.costFp, costFn: settings.costFn };
  const prevalence = settings.prevalence ?? undefined;
  const { index, confusion, metrics, expectedCost, impliedCostRatio: implied } = evaluateThreshold(
    curve,
    settings.threshold,
    costs,
    settings.prevalence,
  );
  const setIndex = (k: number) => onChange({ threshold: niceThresholdAtIndex(curve.thresholds, k) });
  const observed = curve.positives / (curve.positives + curve.negatives);
  const description = `Threshold ${formatThreshold(settings.threshold)}: recall ${formatMetric(metrics.recall)}, precision ${formatMetric(metrics.precision)}, false positive rate ${formatMetric(metrics.fpr)}.`;

  return (
    <>
      <section className="panel explore-panel" aria-labelledby="explore-heading">
        <h2 id="explore-heading">3. Choose the threshold</h2>
        <div className="threshold-row">
          <ThresholdInput threshold={settings.threshold} onChange={(t) => onChange({ threshold: t })} />
          <span className="note">
            {evaluatedOn === 'validation' ? 'Evaluated on the held-out validation split' : 'Evaluated on all rows'} —{' '}
            {curve.n} cases, observed prevalence {formatMetric(observed)}
          </span>
        </div>
        <div className="charts">
          <CurveChart
            testId="roc-chart"
            handleTestId="roc-handle"
            title="ROC curve"
            xLabel="False positive rate"
            yLabel="True positive rate (recall)"
            xs={points.rocX}
            ys={points.rocY}
            index={index}
            threshold={settings.threshold}
            nearestIndex={(x, y) => nearestRocIndex(points, x, y)}
            onIndexChange={setIndex}
            baseline={{ x1: 0, y1: 0, x2: 1, y2: 1 }}
            description={description}
          />
          <CurveChart
            testId="pr-chart"
            handleTestId="pr-handle"
            title="Precision–recall curve"
            xLabel="Recall"
            yLabel="Precision"
            xs={points.prX}
            ys={points.prY}
            index={index}
            threshold={settings.threshold}
            nearestIndex={(x, y) => nearestPrIndex(points, x, y)}
            onIndexChange={setIndex}
            baseline={{ x1: 0, y1: observed, x2: 1, y2: observed }}
            description={description}
          />
          <div className="numbers">
            <ConfusionMatrix confusion={confusion} evaluatedOn={evaluatedOn === 'validation' ? 'validation split' : 'all rows'} />
            <MetricsTable metrics={metrics} rocAuc={wholeCurve.rocAuc} averagePrecision={wholeCurve.ap} />
          </div>
        </div>
      </section>
      <CostPanel
          settings={settings}
          expectedCost={expectedCost}
          impliedRatio={implied}
          bayesThreshold={bayesThreshold(costs)}
          calibratedRatio={calibratedCostRatio(settings.threshold)}
          weightedModel={posWeight !== null && posWeight !== 1}
          onChange={onChange}
        onOptimal={() => setIndex(costOptimal(curve, costs, prevalence).index)}
      />
    </>
  );
}
