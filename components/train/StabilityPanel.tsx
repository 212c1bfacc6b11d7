import { describeStability, type Spread, type ThresholdStability } from '../../src/metrics/threshold-stability';

const RULE_NAMES: Record<string, string> = { 'cost-optimal': 'cost-optimal', f1: 'best F1' };
const W = 300;
const H = 14;

const range = (s: Spread, digits = 2): string => (Number.isFinite(s.low) ? `${s.low.toFixed(digits)}–${s.high.toFixed(digits)}` : '—');
const meanSd = (s: Spread): string => (Number.isFinite(s.mean) ? `${s.mean.toFixed(3)} ± ${s.sd.toFixed(3)}` : '—');
// "Flag nothing" sits just above the highest score; on a [0, 1] axis it is drawn at 1.
const onAxis = (t: number): number => Math.min(1, Math.max(0, t)) * W;

/**
 * How far the cutoff would move on other data: each rule's threshold over the folds (or
 * bootstrap resamples) as a band on a threshold axis, in words, and recall and precision at
 * the threshold in use with their spread.
 */
export function StabilityPanel({ stability }: { stability: ThresholdStability }) {
  const where = stability.method === 'k-fold' ? `${stability.resamples} folds` : `${stability.resamples} bootstrap resamples of the validation split`;
  const cost = stability.thresholds.find((t) => t.rule === 'cost-optimal');
  return (
    <section className="stability" aria-label="Threshold stability" data-testid="stability" data-method={stability.method}>
      <p data-testid="stability-text">
        Stability: {describeStability(stability)}. At the threshold in use ({stability.chosen}), recall is {meanSd(stability.atChosen.recall)} (range{' '}
        {range(stability.atChosen.recall, 3)}) and precision {meanSd(stability.atChosen.precision)} (range {range(stability.atChosen.precision, 3)}) across {where}.
      </p>
      <svg
        viewBox={`0 0 ${W} ${H * stability.thresholds.length + 12}`}
        width={W}
        height={H * stability.thresholds.length + 12}
        role="img"
        aria-label={`threshold ranges across ${where}`}
        className="stability-strip"
      >
        {stability.thresholds.map((t, row) => (
          <g key={t.rule} transform={`translate(0,${row * H})`} data-rule={t.rule}>
            {Number.isFinite(t.spread.low) && (
              <rect
                className={`stability-band ${t.rule}`}
                data-testid={t === cost ? 'stability-band' : undefined}
                data-low={t.spread.low}
                data-high={t.spread.high}
                x={onAxis(t.spread.low)}
                width={Math.max(2, onAxis(t.spread.high) - onAxis(t.spread.low))}
                y={2}
                height={H - 4}
              >
                <title>{`${RULE_NAMES[t.rule] ?? t.rule}: ${range(t.spread)}`}</title>
              </rect>
            )}
            {t.values.map((v, i) => (
              <line key={i} className="stability-tick" x1={onAxis(v)} x2={onAxis(v)} y1={2} y2={H - 2} />
            ))}
          </g>
        ))}
        <line className="stability-chosen" x1={onAxis(stability.chosen)} x2={onAxis(stability.chosen)} y1={0} y2={H * stability.thresholds.length} />
        <text x={0} y={H * stability.thresholds.length + 10} className="tick">
          0
        </text>
        <text x={W} y={H * stability.thresholds.length + 10} className="tick" textAnchor="end">
          1 (threshold)
        </text>
      </svg>
      <table className="stability-table">
        <thead>
          <tr>
            <th>rule</th>
            <th>threshold range</th>
            <th>mean ± sd</th>
            {stability.method === 'k-fold' && <th>per fold</th>}
          </tr>
        </thead>
        <tbody>
          {stability.thresholds.map((t) => (
            <tr key={t.rule}>
              <td>{RULE_NAMES[t.rule] ?? t.rule}</td>
              <td>{range(t.spread)}</td>
              <td>{meanSd(t.spread)}</td>
              {stability.method === 'k-fold' && <td>{t.values.map((v) => (v > 1 ? 'none' : v.toFixed(2))).join(', ')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
