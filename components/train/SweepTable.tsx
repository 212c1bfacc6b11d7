import { bestSweepPoint } from '../../src/model/sweep-advice';
import type { SweepPoint } from '../../src/engine/protocol';
import type { SweepState } from '../../src/session/training-state';
import { formatMetric } from '../common/format';

interface SweepTableProps {
  sweep: SweepState;
  /** The weight now in the settings (null: neg/pos), to mark its row. */
  chosen: number | null;
  /** Takes a row's weight (or, for the focal loss, its α) into the settings. */
  onUse: (point: SweepPoint) => void;
}

const weightText = (w: number): string => (w >= 10 ? w.toFixed(1) : w.toPrecision(3));

/** One row per pos_weight the sweep trained: its best epoch's validation figures, and a button to use it. */
export function SweepTable({ sweep, chosen, onUse }: SweepTableProps) {
  const best = bestSweepPoint(sweep.points);
  const focal = sweep.points.some((p) => p.focalAlpha !== null);
  return (
    <figure className="sweep">
      <figcaption>
        pos_weight sweep {sweep.status === 'running' ? `— training ${Math.min(sweep.points.length + 1, Math.max(sweep.total, 1))} of ${sweep.total || '…'}` : ''}
        {sweep.status === 'cancelled' ? '— cancelled' : ''}
      </figcaption>
      <table className="metrics sweep-table" data-testid="sweep-table" data-state={sweep.status}>
        <thead>
          <tr>
            <th scope="col">pos_weight{focal ? ' (α)' : ''}</th>
            <th scope="col">PR-AUC</th>
            <th scope="col">ROC-AUC</th>
            <th scope="col">recall @ {sweep.threshold}</th>
            <th scope="col">precision @ {sweep.threshold}</th>
            <th scope="col">best epoch</th>
            <th scope="col" aria-label="use" />
          </tr>
        </thead>
        <tbody>
          {sweep.points.map((p) => (
            <tr key={p.posWeight} className={p === best ? 'best' : undefined} aria-current={chosen !== null && Math.abs(chosen - p.posWeight) < 1e-9 ? 'true' : undefined}>
              <th scope="row">
                {weightText(p.posWeight)}
                {p.focalAlpha !== null && ` (${p.focalAlpha.toFixed(3)})`}
              </th>
              <td className="num">{formatMetric(p.prAuc)}</td>
              <td className="num">{formatMetric(p.rocAuc)}</td>
              <td className="num">{formatMetric(p.recall)}</td>
              <td className="num">{formatMetric(p.precision)}</td>
              <td className="num">
                {p.bestEpoch} / {p.epochsRun}
              </td>
              <td>
                <button type="button" className="small" onClick={() => onUse(p)} aria-label={`Use pos_weight ${weightText(p.posWeight)}`}>
                  Use
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {best && <p className="note">Highest validation PR-AUC: pos_weight {weightText(best.posWeight)}. Recall and precision are read at the current threshold.</p>}
      {sweep.status === 'error' && <p className="warning">{sweep.message}</p>}
    </figure>
  );
}
