import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { EpochLog } from './hooks/useTrainer';

const W = 280;
const H = 90;
const PAD = 6;

/** Training and validation loss per epoch, redrawn as each epoch arrives. */
export function LossChart({ epochs }: { epochs: EpochLog[] }) {
  const values = epochs.flatMap((e) => [e.trainLoss, e.validationLoss]).filter(Number.isFinite);
  const x = scaleLinear()
    .domain([1, Math.max(2, epochs.length)])
    .range([PAD, W - PAD]);
  const y = scaleLinear()
    .domain([Math.min(...values, 0), Math.max(...values, 1e-9)])
    .range([H - PAD, PAD]);
  const path = (pick: (e: EpochLog) => number) =>
    line<EpochLog>()
      .x((e) => x(e.epoch))
      .y((e) => y(pick(e)))(epochs) ?? '';
  const last = epochs[epochs.length - 1];
  return (
    <figure className="loss-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Loss per epoch; epoch ${last.epoch}: training ${last.trainLoss.toFixed(4)}, validation ${last.validationLoss.toFixed(4)}`}>
        <path className="loss train" d={path((e) => e.trainLoss)} />
        <path className="loss validation" d={path((e) => e.validationLoss)} />
      </svg>
      <figcaption>
        <span className="key train">training loss</span> <span className="key validation">validation loss</span>
      </figcaption>
    </figure>
  );
}
