import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { chartPoints, nearestPrIndex, nearestRocIndex } from '../src/metrics/chart-points';
import { bayesThreshold, calibratedCostRatio, costOptimal, type ScoreCurve } from '../src/metrics';
import { evaluateThreshold } from '../src/evaluate';
import { classHistogram } from '../src/metrics/histogram';
import { f1Optimal, thresholdForRecall } from '../src/metrics/targets';
import { niceThresholdAtIndex } from '../src/metrics/nice-threshold';
import { thresholdSweep } from '../src/metrics/threshold-sweep';
import type { Settings } from '../src/settings';
import { BandPanel } from './BandPanel';
import { CalibrationView } from './CalibrationView';
import { DecisionCurveView } from './DecisionCurveView';
import { ConfusionMatrix } from './ConfusionMatrix';
import type { BootstrapIntervals } from './hooks/useBootstrap';
import type { Comparison } from './hooks/useComparison';
import { CostPanel } from './CostPanel';
import { CurveChart, formatThreshold } from './CurveChart';
import { MetricsChart } from './MetricsChart';
import { MetricsTable } from './MetricsTable';
import { ScoreHistogram } from './ScoreHistogram';
import { ThresholdInput } from './ThresholdInput';
import { formatMetric } from './format';

interface ExplorePanelProps {
  curve: ScoreCurve;
  evaluatedOn: 'validation' | 'all rows';
  /** pos_weight of the model that made the scores; null for a scores file. */
  posWeight: number | null;
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
  bootstrap: { intervals: BootstrapIntervals | null; progress: number | null };
  comparison: Comparison | null;
  compareControls: ReactNode;
  /** Shown beside the cost panel. */
  exportPanel: ReactNode;
}

/**
 * The decision workspace: ROC and PR curves with handles, the threshold, costs, matrix and
 * metrics. Only the threshold changes on a drag; the curves are computed once per score set.
 */
export function ExplorePanel({ curve, evaluatedOn, posWeight, settings, onChange, bootstrap, comparison, compareControls, exportPanel }: ExplorePanelProps) {
  const points = useMemo(() => chartPoints(curve), [curve]);
  const comparePoints = useMemo(() => (comparison ? chartPoints(comparison.curve) : null), [comparison]);
  const compareRoc = useMemo(() => comparePoints && { xs: comparePoints.rocX, ys: comparePoints.rocY }, [comparePoints]);
  const comparePr = useMemo(() => comparePoints && { xs: comparePoints.prX, ys: comparePoints.prY }, [comparePoints]);
  const wholeCurve = useMemo(() => ({ rocAuc: curve.rocAuc(), ap: curve.averagePrecision() }), [curve]);
  const costs = { costFp: settings.costFp, costFn: settings.costFn };
  const prevalence = settings.prevalence ?? undefined;
  const { index, confusion, metrics, expectedCost, impliedCostRatio: implied } = evaluateThreshold(
    curve,
    settings.threshold,
    costs,
    settings.prevalence,
  );
  const last = curve.thresholds.length;
  const niceAt = (k: number) => niceThresholdAtIndex(curve.thresholds, Math.min(last, Math.max(0, k)));
  const snap = (t: number) => niceAt(curve.indexAt(t));
  const setIndex = (k: number) => onChange({ threshold: niceAt(k) });
  // Memoised views get one callback for the life of the panel; it always calls the latest setIndex.
  const setIndexRef = useRef(setIndex);
  setIndexRef.current = setIndex;
  const stableSetIndex = useCallback((k: number) => setIndexRef.current(k), []);
  const observed = curve.positives / (curve.positives + curve.negatives);
  const histogram = useMemo(() => classHistogram(curve), [curve]);
  const { costFp, costFn } = settings;
  const sweep = useMemo(
    () => thresholdSweep(curve, { costFp, costFn }, prevalence),
    [curve, costFp, costFn, prevalence],
  );
  const optimum = useMemo(() => costOptimal(curve, { costFp, costFn }, prevalence), [curve, costFp, costFn, prevalence]);
  const pi = prevalence ?? observed;
  // Expected cost is constant along TPR = FPR · C_FP(1−π) / (C_FN π) + c on ROC axes.
  const isoSlope = costFn > 0 && pi > 0 ? (costFp * (1 - pi)) / (costFn * pi) : Infinity;
  const onThreshold = (t: number) => setIndex(curve.indexAt(t));
  const onStep = (steps: number) => setIndex(index + steps);
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
        {compareControls}
        <div className="charts">
          <CurveChart
            testId="roc-chart"
            handleTestId="roc-handle"
            title="ROC curve"
            xLabel="False positive rate"
            yLabel="True positive rate (recall)"
            xs={points.rocX}
            ys={points.rocY}
            compare={compareRoc}
            index={index}
            threshold={settings.threshold}
            nearestIndex={(x, y) => nearestRocIndex(points, x, y)}
            onIndexChange={setIndex}
            baseline={{ x1: 0, y1: 0, x2: 1, y2: 1 }}
            description={description}
            overlay={(x, y) => {
              const fx = points.rocX[index];
              const fy = points.rocY[index];
              const finite = Number.isFinite(isoSlope);
              return (
                <>
                  <line
                    className="iso-cost"
                    data-testid="iso-cost-line"
                    x1={finite ? x(0) : x(fx)}
                    y1={finite ? y(fy - isoSlope * fx) : y(0)}
                    x2={finite ? x(1) : x(fx)}
                    y2={finite ? y(fy + isoSlope * (1 - fx)) : y(1)}
                  />
                  <circle className="optimal-mark" data-testid="roc-optimal" cx={x(points.rocX[optimum.index])} cy={y(points.rocY[optimum.index])} r={11} />
                </>
              );
            }}
          />
          <CurveChart
            testId="pr-chart"
            handleTestId="pr-handle"
            title="Precision–recall curve"
            xLabel="Recall"
            yLabel="Precision"
            xs={points.prX}
            ys={points.prY}
            compare={comparePr}
            index={index}
            threshold={settings.threshold}
            nearestIndex={(x, y) => nearestPrIndex(points, x, y)}
            onIndexChange={setIndex}
            baseline={{ x1: 0, y1: observed, x2: 1, y2: observed }}
            description={description}
            overlay={(x, y) => <circle className="optimal-mark" cx={x(points.prX[optimum.index])} cy={y(points.prY[optimum.index])} r={11} />}
          />
          <div className="numbers">
            <ConfusionMatrix confusion={confusion} evaluatedOn={evaluatedOn === 'validation' ? 'validation split' : 'all rows'} />
            <MetricsTable
              metrics={metrics}
              confusion={confusion}
              rocAuc={wholeCurve.rocAuc}
              averagePrecision={wholeCurve.ap}
              bootstrap={bootstrap.intervals}
              bootstrapProgress={bootstrap.progress}
            />
          </div>
        </div>
        <div className="wide-charts">
          <ScoreHistogram
            histogram={histogram}
            band={settings.band}
            onBandChange={(band) => onChange({ band })}
            snap={snap}
            stepFrom={(t, steps) => niceAt(curve.indexAt(t) + steps)}
            threshold={settings.threshold}
            onThreshold={onThreshold}
            onStep={onStep}
            description={description}
          />
          <MetricsChart sweep={sweep} threshold={settings.threshold} onThreshold={onThreshold} onStep={onStep} description={description} />
        </div>
        <div className="charts">
          <CalibrationView curve={curve} costFp={costFp} costFn={costFn} onIndex={stableSetIndex} />
          <DecisionCurveView curve={curve} prevalence={prevalence} threshold={settings.threshold} />
        </div>
        <p className="note">
          Ringed: the cost-optimal point for the costs below. Dashed line on the ROC: points of equal expected cost through the handle.
        </p>
      </section>
      <div className="side-by-side">
      <CostPanel
          settings={settings}
          expectedCost={expectedCost}
          impliedRatio={implied}
          bayesThreshold={bayesThreshold(costs)}
          calibratedRatio={calibratedCostRatio(settings.threshold)}
          weightedModel={posWeight !== null && posWeight !== 1}
          onChange={onChange}
        onOptimal={() => setIndex(optimum.index)}
        onF1Optimal={() => setIndex(f1Optimal(curve).index)}
        onRecallTarget={(target) => {
          const found = thresholdForRecall(curve, target);
          if (found) setIndex(found.index);
          return found !== null;
        }}
      />
      <BandPanel curve={curve} settings={settings} onChange={onChange} />
      </div>
      {exportPanel}
    </>
  );
}
