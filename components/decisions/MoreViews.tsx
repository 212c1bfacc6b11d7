import { memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import { thresholdSweep } from '../../src/metrics/threshold-sweep';
import { CALIBRATION_NAMES, type CalibrationMethod } from '../../src/metrics/calibration-method';
import { useCalibration } from '../hooks/useCalibration';
import type { ScoreCurve } from '../../src/metrics';
import type { CurveView } from '../../src/metrics/curve-view';
import type { EvaluatedOn } from '../../src/session/operating-point';
import type { Settings } from '../../src/session/settings';
import { BandPanel } from './BandPanel';
import { CalibrationView } from '../charts/CalibrationView';
import { DecisionCurveView } from '../charts/DecisionCurveView';
import { MetricsChart } from '../charts/MetricsChart';
import { ScoreHistogram } from '../charts/ScoreHistogram';
import { TargetsPanel } from './TargetsPanel';

export interface MoreViewsProps {
  curve: ScoreCurve;
  view: CurveView;
  costFp: number;
  costFn: number;
  prevalence: Settings['prevalence'];
  band: Settings['band'];
  /** Cut points of the named risk bands, draggable on the histogram. */
  bandCuts?: Settings['bandCuts'];
  /** Which cases the curve is of (a confidence target rests on them) and the last target set. */
  evaluatedOn: EvaluatedOn;
  target: Settings['target'];
  /** pos_weight of the model that made the scores; null for a scores file. */
  posWeight: number | null;
  onChange: (patch: Partial<Settings>) => void;
  onIndex: (k: number) => void;
  /** The operating point nearest to a raw threshold. */
  onThreshold: (t: number) => void;
  /** The nice threshold `steps` operating points from t (band edges on the keyboard). */
  stepFrom: (t: number, steps: number) => number;
  snap: (t: number) => number;
  describe: (threshold: number) => string;
  /** The spread of the cost-optimal cutoff over folds or resamples, for the threshold axes. */
  stability?: { low: number; high: number; label: string } | null;
  /** More cards from the page: compare, slices, export. */
  children?: ReactNode;
}

/**
 * The second area below the cockpit: every other view of the same scores, as cards on the
 * page, which scrolls while the strip above the cockpit keeps the threshold and the counts on
 * screen. Each card starts with a real heading, so the strip's links and a screen reader's list
 * of headings reach every view.
 */
export const MoreViews = memo(function MoreViews(props: MoreViewsProps) {
  const { curve, view, costFp, costFn, prevalence, band, onChange, onIndex, onThreshold, stepFrom, snap, describe } = props;
  const sweep = useMemo(() => thresholdSweep(curve, { costFp, costFn }, prevalence ?? undefined), [curve, costFp, costFn, prevalence]);
  const [method, setMethod] = useState<CalibrationMethod>('none');
  // Fitted in the metrics worker; until it answers, both views show the raw scores.
  const calibration = useCalibration(curve, method);
  const calibrated = calibration.calibrated?.curve ?? curve;
  const shownMethod = calibration.calibrated?.method ?? 'none';
  const onBandChange = useCallback((next: { lower: number; upper: number }) => onChange({ band: next }), [onChange]);
  const onRiskCutsChange = useCallback((cuts: number[]) => onChange({ bandCuts: cuts }), [onChange]);
  return (
    <section className="more-views" aria-label="More views of the same scores" data-testid="more-views">
      <div className="more-grid">
        <ViewCard id="view-scores" title="Scores by class" wide>
          <ScoreHistogram
            histogram={view.histogram}
            band={band}
            riskCuts={props.bandCuts}
            onRiskCutsChange={onRiskCutsChange}
            onBandChange={onBandChange}
            snap={snap}
            stepFrom={stepFrom}
            curve={curve}
            onThreshold={onThreshold}
            onIndexChange={onIndex}
            describe={describe}
            stability={props.stability}
          />
        </ViewCard>
        <ViewCard id="view-metrics" title="Metrics by threshold" wide>
          <MetricsChart sweep={sweep} curve={curve} onThreshold={onThreshold} onIndexChange={onIndex} describe={describe} stability={props.stability} />
        </ViewCard>
        <BandPanel curve={curve} band={band} onChange={onChange} />
        <TargetsPanel
          curve={curve}
          evaluatedOn={props.evaluatedOn}
          target={props.target}
          prevalence={prevalence}
          costFp={costFp}
          costFn={costFn}
          weightedModel={props.posWeight !== null && props.posWeight !== 1}
          onChange={onChange}
          onIndex={onIndex}
        />
        <ViewCard id="view-calibration" title="Calibration (reliability diagram)">
          <CalibrationView curve={curve} view={view} costFp={costFp} costFn={costFn} onIndex={onIndex} method={method} onMethod={setMethod} calibration={calibration} />
        </ViewCard>
        <ViewCard id="view-decision-curve" title="Decision curve (net benefit)">
          <DecisionCurveView curve={calibrated} prevalence={prevalence ?? undefined} probabilities={CALIBRATION_NAMES[shownMethod]} />
        </ViewCard>
        {props.children}
      </div>
    </section>
  );
});

/**
 * A chart's card, named by a heading: the chart's own caption (kept for the chart where it is
 * used alone) is hidden here, so the name shows once.
 */
function ViewCard({ id, title, wide = false, children }: { id: string; title: string; wide?: boolean; children: ReactNode }) {
  return (
    <section className={`card view-card${wide ? ' wide-card' : ''}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
