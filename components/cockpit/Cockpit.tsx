import { memo, useCallback, useMemo, type ReactNode } from 'react';
import type { ScoreCurve } from '../../src/metrics';
import type { CostModel } from '../../src/metrics/row-costs';
import type { CurveView } from '../../src/metrics/curve-view';
import { nearestPrIndex, nearestRocIndex } from '../../src/metrics/chart-points';
import type { Settings } from '../../src/session/settings';
import { CostPanel } from './CostPanel';
import { CURVE_X, CURVE_Y, CurveChart, type CurvePoints } from '../charts/CurveChart';
import { DecisionNumbers } from './DecisionNumbers';
import type { BootstrapIntervals } from '../hooks/useBootstrap';
import type { Comparison } from '../hooks/useComparison';
import { DecisionStrip } from './DecisionStrip';
import { formatThousands } from '../common/format';

export interface CockpitProps {
  curve: ScoreCurve;
  view: CurveView;
  /** Where the scores come from, in words ("validation split", "all rows"). */
  evaluatedOn: string;
  costFp: number;
  costFn: number;
  prevalence: Settings['prevalence'];
  /** Row costs, when a cost column is chosen: they price the optimum and the expected cost. */
  costModel?: CostModel | null;
  onChange: (patch: Partial<Settings>) => void;
  /** Moves the threshold to operating point k (stable for a curve). */
  onIndex: (k: number) => void;
  /** The numbers at a threshold, in words, for the handles' spoken value. */
  describe: (threshold: number) => string;
  bootstrap: { intervals: BootstrapIntervals | null; progress: number | null };
  comparison: Comparison | null;
  /** One line on where the threshold came from ("starts at the cheapest cutoff…"). */
  startNote: ReactNode;
  /** Newer scores are being turned into a curve (the next epoch, the final weights). */
  updating: boolean;
  /** The cheapest operating point for the costs (solved once by the page). */
  optimum: { index: number };
}

/**
 * The decision on one screen: the strip (threshold, counts, the list of views), the ROC and PR
 * curves with their handles, the metrics and the costs. The curves are drawn once per score
 * set; only the handles, the numbers and the lines through the handle follow a drag. The strip
 * is rendered beside the cockpit's section so that it can stay stuck at the top of the page.
 */
export const Cockpit = memo(function Cockpit(props: CockpitProps) {
  const { curve, view, costFp, costFn, prevalence, onIndex, describe, comparison } = props;
  const { points } = view;
  const roc = useMemo((): CurvePoints => ({ xs: points.rocX, ys: points.rocY, kept: view.rocKept }), [points, view.rocKept]);
  const pr = useMemo((): CurvePoints => ({ xs: points.prX, ys: points.prY, kept: view.prKept }), [points, view.prKept]);
  const compareRoc = useMemo(() => (comparison ? { xs: comparison.view.points.rocX, ys: comparison.view.points.rocY, kept: comparison.view.rocKept } : null), [comparison]);
  const comparePr = useMemo(() => (comparison ? { xs: comparison.view.points.prX, ys: comparison.view.points.prY, kept: comparison.view.prKept } : null), [comparison]);
  const costModel = props.costModel?.perRow ? props.costModel : null;
  const { optimum } = props;
  const observed = curve.prevalence();
  const pi = prevalence ?? observed;
  // Expected cost is constant along TPR = FPR · C_FP(1−π) / (C_FN π) + c on ROC axes.
  const isoSlope = costFn > 0 && pi > 0 ? (costFp * (1 - pi)) / (costFn * pi) : Infinity;
  const half = curve.indexAt(0.5);
  const rocMarks = useMemo(
    () => (
      <>
        <ReferenceMark x={CURVE_X(points.rocX[half])} y={CURVE_Y(points.rocY[half])} />
        <circle className="optimal-mark" data-testid="roc-optimal" cx={CURVE_X(points.rocX[optimum.index])} cy={CURVE_Y(points.rocY[optimum.index])} r={11} />
      </>
    ),
    [points, half, optimum.index],
  );
  const prMarks = useMemo(
    () => (
      <>
        <ReferenceMark x={CURVE_X(points.prX[half])} y={CURVE_Y(points.prY[half])} />
        <circle className="optimal-mark" cx={CURVE_X(points.prX[optimum.index])} cy={CURVE_Y(points.prY[optimum.index])} r={11} />
      </>
    ),
    [points, half, optimum.index],
  );
  const isoLine = useCallback(
    (index: number) => {
      const fx = points.rocX[index];
      const fy = points.rocY[index];
      const finite = Number.isFinite(isoSlope);
      return (
        <line
          className="iso-cost"
          data-testid="iso-cost-line"
          x1={finite ? CURVE_X(0) : CURVE_X(fx)}
          y1={finite ? CURVE_Y(fy - isoSlope * fx) : CURVE_Y(0)}
          x2={finite ? CURVE_X(1) : CURVE_X(fx)}
          y2={finite ? CURVE_Y(fy + isoSlope * (1 - fx)) : CURVE_Y(1)}
        />
      );
    },
    [points, isoSlope],
  );
  const nearestRoc = useCallback((x: number, y: number) => nearestRocIndex(points, x, y), [points]);
  const nearestPr = useCallback((x: number, y: number) => nearestPrIndex(points, x, y), [points]);
  const rocBaseline = useMemo(() => ({ x1: 0, y1: 0, x2: 1, y2: 1 }), []);
  const prBaseline = useMemo(() => ({ x1: 0, y1: observed, x2: 1, y2: observed }), [observed]);
  const onOptimal = useCallback(() => onIndex(optimum.index), [onIndex, optimum.index]);

  return (
    <>
      <DecisionStrip
        curve={curve}
        evaluatedOn={props.evaluatedOn}
        costFp={costFp}
        costFn={costFn}
        prevalence={prevalence}
        costModel={costModel}
        onIndex={onIndex}
        describe={describe}
      />
      <section className="cockpit" aria-label="Choose the threshold" data-testid="cockpit" data-updating={props.updating} aria-busy={props.updating}>
        <div className="cockpit-body">
          <CurveChart
            testId="roc-chart"
            handleTestId="roc-handle"
            title="ROC curve"
            xLabel="False positive rate"
            yLabel="True positive rate (recall)"
            curve={curve}
            points={roc}
            compare={compareRoc}
            nearestIndex={nearestRoc}
            onIndexChange={onIndex}
            baseline={rocBaseline}
            marks={rocMarks}
            followMarks={costModel ? undefined : isoLine}
            describe={describe}
          />
          <CurveChart
            testId="pr-chart"
            handleTestId="pr-handle"
            title="Precision–recall curve"
            xLabel="Recall"
            yLabel="Precision"
            curve={curve}
            points={pr}
            compare={comparePr}
            nearestIndex={nearestPr}
            onIndexChange={onIndex}
            baseline={prBaseline}
            marks={prMarks}
            describe={describe}
          />
          <div className="numbers">
            <p className="start-note" data-testid="start-note">
              {props.startNote}
            </p>
            <DecisionNumbers
              curve={curve}
              costFp={costFp}
              costFn={costFn}
              prevalence={prevalence}
              rocAuc={view.rocAuc}
              averagePrecision={view.averagePrecision}
              bootstrap={props.bootstrap}
            />
            <p className="note evaluated-on">
              {casesText(curve.n, curve.positives + curve.negatives)} ({props.evaluatedOn}), prevalence {observed.toFixed(4)} · ◇ = threshold 0.5 · ◯ = cost-optimal
            </p>
          </div>
          <CostPanel curve={curve} costFp={costFp} costFn={costFn} prevalence={prevalence} costModel={costModel} onChange={props.onChange} onOptimal={onOptimal} />
        </div>
      </section>
    </>
  );
});

/** Where threshold 0.5 sits: the cutoff people start from blindly, for reference only. */
function ReferenceMark({ x, y }: { x: number; y: number }) {
  return (
    <g className="reference-mark" data-testid="half-mark" transform={`translate(${x},${y})`}>
      <path d="M0,-6L6,0L0,6L-6,0Z" />
      <text x={8} y={-6}>
        0.5
      </text>
    </g>
  );
}

/** Rows, and the cases they stand for when they are weighted (an aggregated file's counts). */
function casesText(rows: number, cases: number): string {
  if (Math.abs(cases - rows) < 1e-9) return `${formatThousands(rows)} cases`;
  const shown = Number.isInteger(cases) ? formatThousands(cases) : cases.toFixed(1);
  return `${formatThousands(rows)} rows standing for ${shown} cases`;
}
