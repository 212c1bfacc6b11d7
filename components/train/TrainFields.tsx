import { BACKEND_CHOICES, EVALUATION_NAMES, LOSS_NAMES, trainFieldBounds, type BackendChoice, type EvaluationName, type LossName, type Settings } from '../../src/session/settings';
import { NumberField } from '../common/NumberField';

interface TrainFieldsProps {
  settings: Settings;
  /** neg/pos of the labelled rows: the default pos_weight. */
  imbalance: number | null;
  disabled: boolean;
  /** Batch size, epochs and steps the settings give on this data (what empty fields resolve to). */
  schedule: { batchSize: number; epochs: number; stepsPerEpoch: number } | null;
  onChange: (patch: Partial<Settings>) => void;
}

const LOSS_LABELS: Record<LossName, string> = {
  // Short enough for the field's width; the README's table says more.
  'weighted-bce': 'Weighted BCE',
  'class-weights': 'Class weights',
  focal: 'Focal (γ, α)',
  oversample: 'Oversample',
};

const BACKEND_LABELS: Record<BackendChoice, string> = {
  auto: 'auto',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU (JS)',
};

const isBackend = (v: string): v is BackendChoice => (BACKEND_CHOICES as readonly string[]).includes(v);
const isEvaluation = (v: string): v is EvaluationName => (EVALUATION_NAMES as readonly string[]).includes(v);
const isLoss = (v: string): v is LossName => (LOSS_NAMES as readonly string[]).includes(v);
// Bounds and validity come from the settings schema (src/session/settings.ts), never repeated here.
const POS_WEIGHT = trainFieldBounds('posWeight');
const FOCAL_GAMMA = trainFieldBounds('focalGamma');
const FOCAL_ALPHA = trainFieldBounds('focalAlpha');
const FOLDS = trainFieldBounds('folds');
const VALIDATION = trainFieldBounds('validationFraction');
const EPOCHS = trainFieldBounds('epochs');
const LEARNING_RATE = trainFieldBounds('learningRate');
const BATCH_SIZE = trainFieldBounds('batchSize');
const PATIENCE = trainFieldBounds('patience');

/** The training settings: loss and its parameters, optimisation, validation and backend. */
export function TrainFields({ settings, imbalance, disabled, schedule, onChange }: TrainFieldsProps) {
  const focal = settings.loss === 'focal';
  return (
    <fieldset className="fields train-fields" disabled={disabled}>
      <label>
        Loss
        <select data-testid="loss-select" value={settings.loss} onChange={(e) => isLoss(e.target.value) && onChange({ loss: e.target.value })}>
          {LOSS_NAMES.map((name) => (
            <option key={name} value={name}>
              {LOSS_LABELS[name]}
            </option>
          ))}
        </select>
      </label>
      <NumberField
        label={focal ? 'pos_weight (unused by focal)' : 'pos_weight (empty: neg/pos)'}
        testId="pos-weight-input"
        value={settings.posWeight}
        allowEmpty
        min={0.01}
        placeholder={imbalance !== null ? imbalance.toFixed(2) : 'neg/pos'}
        hint="a positive number, or empty for neg/pos"
        isValid={POS_WEIGHT.accepts}
        onCommit={(v) => onChange({ posWeight: v })}
      />
      {focal && (
        <>
          <NumberField
            label="Focal γ"
            testId="focal-gamma-input"
            value={settings.focalGamma}
            min={FOCAL_GAMMA.min}
            max={FOCAL_GAMMA.max}
            hint={`γ between ${FOCAL_GAMMA.min} and ${FOCAL_GAMMA.max}`}
            isValid={FOCAL_GAMMA.accepts}
            onCommit={(v) => v !== null && onChange({ focalGamma: v })}
          />
          <NumberField
            label="Focal α (positives)"
            testId="focal-alpha-input"
            value={settings.focalAlpha}
            min={0.01}
            max={0.99}
            hint={`α strictly between ${FOCAL_ALPHA.min} and ${FOCAL_ALPHA.max}`}
            isValid={FOCAL_ALPHA.accepts}
            onCommit={(v) => v !== null && onChange({ focalAlpha: v })}
          />
        </>
      )}
      <label>
        Evaluation
        <select
          data-testid="evaluation-select"
          value={settings.evaluation}
          title="Hold-out: the curves use the validation split. Cross-validation: k models, every labelled row scored by the one that did not train on it."
          onChange={(e) => isEvaluation(e.target.value) && onChange({ evaluation: e.target.value })}
        >
          <option value="holdout">hold-out split</option>
          <option value="cv">{settings.folds}-fold CV</option>
        </select>
      </label>
      {settings.evaluation === 'cv' ? (
        <NumberField
          label="Folds (k)"
          testId="folds-input"
          value={settings.folds}
          min={FOLDS.min}
          max={FOLDS.max}
          step={1}
          hint={`a whole number from ${FOLDS.min} to ${FOLDS.max}`}
          isValid={FOLDS.accepts}
          onCommit={(v) => v !== null && onChange({ folds: v })}
        />
      ) : (
        <NumberField
          label="Validation share"
          testId="validation-fraction-input"
          value={settings.validationFraction}
          min={VALIDATION.min}
          max={VALIDATION.max}
          step={0.05}
          hint={`between ${VALIDATION.min} and ${VALIDATION.max}`}
          isValid={VALIDATION.accepts}
          onCommit={(v) => v !== null && onChange({ validationFraction: v })}
        />
      )}
      <NumberField
        label="Epochs (empty: auto)"
        testId="epochs-input"
        value={settings.epochs}
        allowEmpty
        placeholder={schedule ? String(schedule.epochs) : 'auto'}
        min={EPOCHS.min}
        max={EPOCHS.max}
        step={1}
        hint={`a whole number from ${EPOCHS.min} to ${EPOCHS.max}, or empty to follow the data`}
        isValid={EPOCHS.accepts}
        onCommit={(v) => onChange({ epochs: v })}
      />
      <NumberField
        label="Learning rate"
        testId="learning-rate-input"
        value={settings.learningRate}
        min={0.00001}
        max={LEARNING_RATE.max}
        hint={`a number in (0, ${LEARNING_RATE.max}]`}
        isValid={LEARNING_RATE.accepts}
        onCommit={(v) => v !== null && onChange({ learningRate: v })}
      />
      <NumberField
        label="Batch size (empty: auto)"
        testId="batch-size-input"
        value={settings.batchSize}
        allowEmpty
        placeholder={schedule ? String(schedule.batchSize) : 'auto'}
        min={BATCH_SIZE.min}
        max={BATCH_SIZE.max}
        step={1}
        hint={`a whole number from ${BATCH_SIZE.min} to ${BATCH_SIZE.max}, or empty to follow the data`}
        isValid={BATCH_SIZE.accepts}
        onCommit={(v) => onChange({ batchSize: v })}
      />
      <NumberField
        label="Patience (0 = off)"
        testId="patience-input"
        value={settings.patience}
        min={PATIENCE.min}
        max={PATIENCE.max}
        step={1}
        hint={`a whole number of epochs up to ${PATIENCE.max}, 0 turns early stopping off`}
        isValid={PATIENCE.accepts}
        onCommit={(v) => v !== null && onChange({ patience: v })}
      />
      <label>
        Backend
        <select
          data-testid="backend-select"
          value={settings.backend}
          title="auto: WASM where WebGL is software-rendered, else the faster of WebGL and WASM in a quick benchmark"
          onChange={(e) => isBackend(e.target.value) && onChange({ backend: e.target.value })}
        >
          {BACKEND_CHOICES.map((name) => (
            <option key={name} value={name}>
              {BACKEND_LABELS[name]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
