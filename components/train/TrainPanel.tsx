import { RunTimingLine } from './RunTimingLine';
import { adviseWeight } from '../../src/model/sweep-advice';
import type { SweepPoint } from '../../src/engine/protocol';
import type { Settings } from '../../src/session/settings';
import { trainingScheduleOf } from '../../src/model/schedule';
import { FoldTable, type PooledFigures } from './FoldTable';
import { LossChart } from '../charts/LossChart';
import { StabilityPanel } from './StabilityPanel';
import type { ThresholdStability } from '../../src/metrics/threshold-stability';
import { ModelFiles } from './ModelFiles';
import { SweepTable } from './SweepTable';
import { TrainFields } from './TrainFields';
import type { TrainingState } from '../hooks/useTrainer';

interface TrainPanelProps {
  settings: Settings;
  training: TrainingState;
  /** The out-of-fold evaluation's figures after a cross-validation (for the fold table); null otherwise. */
  pooled: PooledFigures | null;
  /** The threshold stability of the run's evaluated scores (from the metrics worker); null before. */
  stability: ThresholdStability | null;
  /** neg/pos of all labelled rows: the default weight before a split exists. */
  imbalance: number | null;
  /** Labelled rows of the data, so the page can show the schedule before the first run; optional. */
  labelledRows?: number | null;
  canTrain: boolean;
  onChange: (patch: Partial<Settings>) => void;
  onTrain: () => void;
  onSweep: () => void;
  onCancel: () => void;
  onExportModel: () => void;
  onImportModel: (files: File[]) => void;
}

const STATUS_TEXT: Record<TrainingState['status'], string> = {
  idle: 'Not trained yet',
  training: 'Training…',
  done: 'Done',
  cancelled: 'Cancelled',
  error: 'Stopped by an error',
};

/** Training settings, train / sweep / cancel, the backend in use, the curves per epoch, model files. */
export function TrainPanel({
  settings,
  training,
  pooled,
  stability,
  imbalance,
  labelledRows = null,
  canTrain,
  onChange,
  onTrain,
  onSweep,
  onCancel,
  onExportModel,
  onImportModel,
}: TrainPanelProps) {
  const sweeping = training.sweep.status === 'running';
  const busy = training.status === 'training' || sweeping;
  const last = training.epochs[training.epochs.length - 1];
  const weight = settings.loss === 'focal' ? null : (settings.posWeight ?? training.posWeight ?? imbalance);
  const warnings = adviseWeight(weight, imbalance, training.sweep.points, training.sweep.threshold);
  // What the empty batch-size and epochs fields resolve to: known exactly once a run has split the data.
  const schedule = training.schedule ?? (labelledRows !== null ? trainingScheduleOf(settings, labelledRows) : null);
  const cv = training.crossValidation;
  const use = (p: SweepPoint): void => onChange(p.focalAlpha !== null ? { focalAlpha: p.focalAlpha } : { posWeight: p.posWeight });
  return (
    <section className="panel train-panel" aria-labelledby="train-heading">
      <h2 id="train-heading">2. Train</h2>
      <TrainFields settings={settings} imbalance={imbalance} disabled={busy} schedule={schedule} onChange={onChange} />
      {schedule && (
        <p className="note" data-testid="training-steps" data-steps={schedule.stepsPerEpoch * schedule.epochs}>
          {schedule.stepsPerEpoch} steps per epoch of batch {schedule.batchSize}; up to {schedule.epochs} epochs = {schedule.stepsPerEpoch * schedule.epochs} optimizer steps
          {settings.patience > 0 ? ` (early stopping after ${settings.patience} epochs without a better validation loss)` : ''}
          {settings.evaluation === 'cv' ? `, per fold` : ''}.
        </p>
      )}
      {warnings.length > 0 && (
        <div className="warning" data-testid="pos-weight-warning">
          {warnings.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
      )}
      <div className="row">
        <button type="button" className="primary" data-testid="train-button" disabled={!canTrain || busy} onClick={onTrain}>
          Train
        </button>
        <button
          type="button"
          data-testid="sweep-button"
          disabled={!canTrain || busy}
          onClick={onSweep}
          title="Train one model per pos_weight 1, √r, r, 2r (r = neg/pos) and compare them on validation"
        >
          Sweep pos_weight
        </button>
        <button type="button" data-testid="cancel-button" disabled={!busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="status" data-testid="training-status" data-state={training.status} data-tensors={training.numTensors ?? undefined} aria-live="polite">
        {training.importedModel !== null ? `Scored with an imported model (${training.importedModel})` : STATUS_TEXT[training.status]}
        {cv && training.status === 'training' && (cv.refitEpochs === null ? ` — fold ${cv.currentFold} of ${cv.total}` : ` — refitting on all rows for ${cv.refitEpochs} epochs`)}
        {training.totalEpochs > 0 && training.status !== 'idle' && !(cv && cv.refitEpochs !== null) && ` — epoch ${training.epochs.length} of ${training.totalEpochs}`}
        {last && `, validation loss ${last.validationLoss.toFixed(4)}, PR-AUC ${last.prAuc.toFixed(3)}, recall ${last.recall.toFixed(3)} at ${settings.threshold}`}
        {cv && cv.refitEpochs !== null && training.status === 'done' && `; ${cv.total} folds, the model kept is refit on all rows for ${cv.refitEpochs} epochs`}
        {training.stoppedEarly && `; stopped early, the weights of epoch ${training.bestEpoch} were kept`}
        {!cv &&
          !training.stoppedEarly &&
          training.status === 'done' &&
          training.bestEpoch > 0 &&
          training.bestEpoch !== last?.epoch &&
          `; the weights of epoch ${training.bestEpoch} were kept`}
        {training.status === 'error' && training.message && `: ${training.message}`}
      </p>
      {training.notice && (
        <p className="warning" data-testid="training-notice">
          {training.notice}
        </p>
      )}
      <p className="backend-line" title={training.backendDetails || undefined}>
        Backend: <strong data-testid="backend">{training.backend ?? '—'}</strong>
        {training.backendReason && (
          <span className="note" data-testid="backend-reason">
            {' '}
            {training.backendReason}
          </span>
        )}
        {last && <span className="note"> — {(training.epochs.reduce((s, e) => s + e.seconds, 0) / training.epochs.length).toFixed(2)} s per epoch</span>}
      </p>
      {training.timing && training.status === 'done' && <RunTimingLine timing={training.timing} epochSeconds={training.epochs.map((e) => e.seconds)} />}
      {training.loss && <p className="note">Loss: {training.loss}.</p>}
      {training.inputs.length > 0 && (
        <details className="note">
          <summary>
            {training.inputs.length} model inputs{training.notes.length > 0 && ` — ${training.notes.length} note${training.notes.length > 1 ? 's' : ''} on the encoding`}
          </summary>
          <ul data-testid="preprocessing-notes">
            {training.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
          <p>Inputs: {training.inputs.join(', ')}</p>
        </details>
      )}
      {training.epochs.length > 0 && (
        <LossChart
          epochs={training.epochs}
          bestEpoch={training.status === 'training' || cv ? 0 : training.bestEpoch}
          threshold={training.options?.threshold ?? settings.threshold}
        />
      )}
      {cv && cv.folds.length > 0 && <FoldTable cv={cv} pooled={pooled} />}
      {stability && <StabilityPanel stability={stability} />}
      {training.sweep.status !== 'idle' && <SweepTable sweep={training.sweep} chosen={settings.posWeight} onUse={use} />}
      <ModelFiles canExport={training.modelReady && !busy} canImport={canTrain && !busy} onExport={onExportModel} onImport={onImportModel} />
    </section>
  );
}
