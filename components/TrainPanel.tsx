import type { Settings } from '../src/settings';
import { LossChart } from './LossChart';
import type { TrainingState } from './hooks/useTrainer';

interface TrainPanelProps {
  settings: Settings;
  training: TrainingState;
  /** neg/pos of all labelled rows: the default weight before a split exists. */
  imbalance: number | null;
  canTrain: boolean;
  onChange: (patch: Partial<Settings>) => void;
  onTrain: () => void;
  onCancel: () => void;
}

const STATUS_TEXT: Record<TrainingState['status'], string> = {
  idle: 'Not trained yet',
  training: 'Training…',
  done: 'Done',
  cancelled: 'Cancelled',
  error: 'Stopped by an error',
};

/** Training settings, start / cancel, the backend in use and the losses per epoch. */
export function TrainPanel({ settings, training, imbalance, canTrain, onChange, onTrain, onCancel }: TrainPanelProps) {
  const busy = training.status === 'training';
  const last = training.epochs[training.epochs.length - 1];
  const weight = settings.posWeight ?? training.posWeight ?? imbalance;
  const extreme = weight !== null && imbalance !== null && weight > 4 * Math.max(1, imbalance);
  return (
    <section className="panel train-panel" aria-labelledby="train-heading">
      <h2 id="train-heading">2. Train</h2>
      <div className="fields">
        <label>
          pos_weight
          <input
            type="number"
            min={0.01}
            step="any"
            data-testid="pos-weight-input"
            placeholder={imbalance !== null ? `${imbalance.toFixed(2)} (neg/pos)` : 'neg/pos'}
            value={settings.posWeight ?? ''}
            onChange={(e) => {
              const value = e.target.valueAsNumber;
              onChange({ posWeight: Number.isFinite(value) && value > 0 ? value : null });
            }}
          />
        </label>
        <label>
          Epochs
          <input
            type="number"
            min={1}
            max={1000}
            step={1}
            data-testid="epochs-input"
            value={settings.epochs}
            onChange={(e) => {
              const value = Math.round(e.target.valueAsNumber);
              if (Number.isFinite(value) && value >= 1 && value <= 1000) onChange({ epochs: value });
            }}
          />
        </label>
      </div>
      {extreme && (
        <p className="warning" data-testid="pos-weight-warning">
          pos_weight {weight.toFixed(1)} is far above the class ratio ({imbalance.toFixed(1)}): training may be unstable and precision may
          collapse.
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" data-testid="train-button" disabled={!canTrain || busy} onClick={onTrain}>
          Train
        </button>
        <button type="button" data-testid="cancel-button" disabled={!busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="status" data-testid="training-status" data-state={training.status} aria-live="polite">
        {STATUS_TEXT[training.status]}
        {training.totalEpochs > 0 && training.status !== 'idle' && ` — epoch ${training.epochs.length} of ${training.totalEpochs}`}
        {last && `, validation loss ${last.validationLoss.toFixed(4)}`}
        {training.status === 'error' && training.message && `: ${training.message}`}
      </p>
      <p className="backend-line">
        Backend: <strong data-testid="backend">{training.backend ?? '—'}</strong>
        {training.backendReason && <span className="note"> ({training.backendReason})</span>}
      </p>
      {training.posWeight !== null && <p className="note">pos_weight used: {training.posWeight.toFixed(3)}</p>}
      {training.epochs.length > 0 && <LossChart epochs={training.epochs} />}
    </section>
  );
}
