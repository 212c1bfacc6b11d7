import { metricsFromConfusion, type ScoreCurve } from '../../src/metrics';

// The readout shows rates only; costs do not enter them.
const NO_COSTS = { costFp: 0, costFn: 0 };
import { formatThreshold } from '../common/format';
import { formatCount, formatMetric } from '../common/format';

export interface HoverPoint {
  /** Operating point under the pointer. */
  index: number;
  /** Where to show the readout, as a share of the chart's width and height. */
  left: number;
  top: number;
}

/**
 * What a chart point means, shown while the pointer rests on it: its threshold, rates and the
 * four counts. Reading it changes nothing; a click selects the point.
 */
export function HoverReadout({ curve, point }: { curve: ScoreCurve; point: HoverPoint | null }) {
  if (!point) return null;
  const k = curve.clampIndex(point.index);
  const c = curve.confusionAtIndex(k);
  const threshold = curve.thresholdAtIndex(k);
  const { tpr, fpr, precision } = metricsFromConfusion(c, NO_COSTS);
  const flip = point.left > 0.55;
  return (
    <div
      className="hover-readout"
      role="tooltip"
      data-testid="hover-readout"
      data-threshold={threshold}
      style={{ left: flip ? undefined : `${point.left * 100}%`, right: flip ? `${(1 - point.left) * 100}%` : undefined, top: `${point.top * 100}%` }}
    >
      <strong>threshold {formatThreshold(threshold)}</strong>
      <span>
        TPR <b data-testid="hover-tpr">{formatMetric(tpr)}</b> · FPR <b data-testid="hover-fpr">{formatMetric(fpr)}</b>
      </span>
      <span>
        precision <b data-testid="hover-precision">{formatMetric(precision)}</b>
      </span>
      <span className="hover-counts">
        TP <b data-testid="hover-tp">{formatCount(c.tp)}</b> FP <b data-testid="hover-fp">{formatCount(c.fp)}</b> TN <b data-testid="hover-tn">{formatCount(c.tn)}</b> FN{' '}
        <b data-testid="hover-fn">{formatCount(c.fn)}</b>
      </span>
      <em>click to choose it</em>
    </div>
  );
}
