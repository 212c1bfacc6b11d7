import { memo, useEffect, useRef, type RefObject } from 'react';
import type { ScoreCurve } from '../../src/metrics';
import { evaluateThreshold } from '../../src/metrics/evaluate';
import type { CostModel } from '../../src/metrics/row-costs';
import type { Settings } from '../../src/session/settings';
import { formatMetric } from '../common/format';
import { ConfusionMatrix } from './ConfusionMatrix';
import { ThresholdInput } from './ThresholdInput';
import { ThresholdSlider } from './ThresholdSlider';
import { useThreshold } from './threshold-store';
import { ViewNav } from './ViewNav';

export interface DecisionStripProps {
  curve: ScoreCurve;
  evaluatedOn: string;
  costFp: number;
  costFn: number;
  prevalence: Settings['prevalence'];
  /** Row costs, when a cost column is chosen: they price the cost per case. */
  costModel: CostModel | null;
  onIndex: (k: number) => void;
  describe: (threshold: number) => string;
}

/**
 * The top of the cockpit, kept on screen while the page scrolls: the threshold with a handle,
 * the four counts, recall, precision and the cost per case, and the list of the views below.
 * It is a sibling of the cockpit, not inside it: a sticky box sticks only within its parent,
 * and its parent here is the whole page.
 */
export const DecisionStrip = memo(function DecisionStrip(props: DecisionStripProps) {
  const ref = useRef<HTMLElement | null>(null);
  useStripHeight(ref);
  return (
    <section ref={ref} className="decision-strip" aria-label="Threshold and its counts" data-testid="decision-strip">
      <div className="strip-threshold">
        <ThresholdInput />
        <ThresholdSlider curve={props.curve} onIndex={props.onIndex} describe={props.describe} />
      </div>
      <StripNumbers {...props} />
      <ViewNav strip={ref} />
    </section>
  );
});

/** The counts and the three figures a decision is read by; they follow every drag. */
function StripNumbers({ curve, evaluatedOn, costFp, costFn, prevalence, costModel }: DecisionStripProps) {
  const threshold = useThreshold();
  const { confusion, metrics, expectedCost } = evaluateThreshold(curve, threshold, { costFp, costFn }, prevalence, costModel);
  const at = prevalence !== null ? ` at ${formatMetric(prevalence)} prevalence` : '';
  return (
    <>
      <ConfusionMatrix confusion={confusion} evaluatedOn={evaluatedOn} />
      <dl className="strip-rates">
        <div>
          <dt>Recall</dt>
          <dd data-testid="strip-recall">{formatMetric(metrics.recall)}</dd>
        </div>
        <div title={at ? `Precision${at}` : undefined}>
          <dt>Precision</dt>
          <dd data-testid="strip-precision">{formatMetric(metrics.precision)}</dd>
        </div>
        <div title={`Expected cost per case${at}`}>
          <dt>Cost per case</dt>
          <dd data-testid="strip-cost">{formatMetric(expectedCost)}</dd>
        </div>
      </dl>
    </>
  );
}

/**
 * Publishes the strip's height as --strip-h, which the page's scroll-padding reads: a control
 * focused by Tab, or a heading scrolled to, then lands below the strip instead of under it.
 */
function useStripHeight(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const strip = ref.current;
    if (!strip) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--strip-h', `${strip.offsetHeight}px`));
    observer.observe(strip);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--strip-h');
    };
  }, [ref]);
}
