import { scaleLinear, line } from 'd3';
import { Axes } from './Axes';
import type { EpochLog } from '../hooks/useTrainer';

const W = 300;
const H = 150;
/** Least vertical room per y tick label, so the labels never crowd. */
const PX_PER_TICK = 28;
const M = { top: 8, right: 10, bottom: 40, left: 46 };

interface Series {
  key: string;
  label: string;
  pick: (e: EpochLog) => number;
}

interface PanelProps {
  epochs: EpochLog[];
  series: Series[];
  yLabel: string;
  /** Fixed y domain (AUCs live in [0, 1]); else fitted to the values. */
  domain?: [number, number];
  testId: string;
  bestEpoch: number;
}

function Panel({ epochs, series, yLabel, domain, testId, bestEpoch }: PanelProps) {
  const width = W - M.left - M.right;
  const height = H - M.top - M.bottom;
  const values = epochs.flatMap((e) => series.map((s) => s.pick(e))).filter(Number.isFinite);
  const x = scaleLinear()
    .domain([1, Math.max(2, epochs.length)])
    .range([0, width]);
  const y = scaleLinear()
    .domain(domain ?? [Math.min(0, ...values), Math.max(...values, 1e-9)])
    .nice()
    .range([height, 0]);
  const last = epochs[epochs.length - 1];
  const said = series.map((s) => `${s.label} ${s.pick(last).toFixed(4)}`).join(', ');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${yLabel} per epoch; epoch ${last.epoch}: ${said}`} data-testid={testId} data-epochs={epochs.length}>
      <g transform={`translate(${M.left},${M.top})`}>
        <Axes x={x} y={y} width={width} height={height} xLabel="epoch" yLabel={yLabel} ticks={Math.max(2, Math.floor(height / PX_PER_TICK))} />
        {bestEpoch > 0 && <line className="best-epoch" x1={x(bestEpoch)} x2={x(bestEpoch)} y1={0} y2={height} />}
        {series.map((s) => (
          <path
            key={s.key}
            className={`loss ${s.key}`}
            d={
              line<EpochLog>()
                .defined((e) => Number.isFinite(s.pick(e)))
                .x((e) => x(e.epoch))
                .y((e) => y(s.pick(e)))(epochs) ?? ''
            }
          />
        ))}
      </g>
    </svg>
  );
}

/**
 * Training and validation loss, and validation PR-AUC, ROC-AUC and recall at the run's threshold, per epoch, redrawn as each
 * epoch arrives; the epoch whose weights the model kept is marked.
 */
export function LossChart({ epochs, bestEpoch, threshold = 0.5 }: { epochs: EpochLog[]; bestEpoch: number; threshold?: number }) {
  return (
    <figure className="loss-chart">
      <Panel
        epochs={epochs}
        testId="loss-chart"
        yLabel="loss"
        bestEpoch={bestEpoch}
        series={[
          { key: 'train', label: 'training loss', pick: (e) => e.trainLoss },
          { key: 'validation', label: 'validation loss', pick: (e) => e.validationLoss },
        ]}
      />
      <Panel
        epochs={epochs}
        testId="auc-chart"
        yLabel="validation"
        domain={[0, 1]}
        bestEpoch={bestEpoch}
        series={[
          { key: 'pr-auc', label: 'PR-AUC', pick: (e) => e.prAuc },
          { key: 'roc-auc', label: 'ROC-AUC', pick: (e) => e.rocAuc },
          { key: 'recall', label: `recall at ${threshold}`, pick: (e) => e.recall },
        ]}
      />
      <figcaption>
        <span className="key train">training loss</span> <span className="key validation">validation loss</span> <span className="key pr-auc">PR-AUC</span>{' '}
        <span className="key roc-auc">ROC-AUC</span> <span className="key recall">recall at {threshold}</span>
        {bestEpoch > 0 && <span className="key best-epoch">│ kept epoch {bestEpoch}</span>}
      </figcaption>
    </figure>
  );
}
