import { BACKEND_CHOICES, EVALUATION_NAMES, LOSS_NAMES, type BackendChoice, type EvaluationName, type LossName, type Settings } from '../src/settings';
import { NumberField } from './NumberField';

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
const integerIn = (lo: number, hi: number) => (v: number) => Number.isInteger(v) && v >= lo && v <= hi;

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
        isValid={(v) => v > 0}
        onCommit={(v) => onChange({ posWeight: v })}
      />
      {focal && (
        <>
          <NumberField
            label="Focal γ"
            testId="focal-gamma-input"
            value={settings.focalGamma}
            min={0}
            max={10}
            hint="γ between 0 and 10"
            isValid={(v) => v >= 0 && v <= 10}
            onCommit={(v) => v !== null && onChange({ focalGamma: v })}
          />
          <NumberField
            label="Focal α (positives)"
            testId="focal-alpha-input"
            value={settings.focalAlpha}
            min={0.01}
            max={0.99}
            hint="α strictly between 0 and 1"
            isValid={(v) => v > 0 && v < 1}
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
          min={2}
          max={20}
          step={1}
          hint="a whole number from 2 to 20"
          isValid={integerIn(2, 20)}
          onCommit={(v) => v !== null && onChange({ folds: v })}
        />
      ) : (
        <NumberField
          label="Validation share"
          testId="validation-fraction-input"
          value={settings.validationFraction}
          min={0.05}
          max={0.5}
          step={0.05}
          hint="between 0.05 and 0.5"
          isValid={(v) => v >= 0.05 && v <= 0.5}
          onCommit={(v) => v !== null && onChange({ validationFraction: v })}
        />
      )}
      <NumberField
        label="Epochs (empty: auto)"
        testId="epochs-input"
        value={settings.epochs}
        allowEmpty
        placeholder={schedule ? String(schedule.epochs) : 'auto'}
        min={1}
        max={1000}
        step={1}
        hint="a whole number from 1 to 1000, or empty to follow the data"
        isValid={integerIn(1, 1000)}
        onCommit={(v) => onChange({ epochs: v })}
      />
      <NumberField
        label="Learning rate"
        testId="learning-rate-input"
        value={settings.learningRate}
        min={0.00001}
        max={1}
        hint="a number in (0, 1]"
        isValid={(v) => v > 0 && v <= 1}
        onCommit={(v) => v !== null && onChange({ learningRate: v })}
      />
      <NumberField
        label="Batch size (empty: auto)"
        testId="batch-size-input"
        value={settings.batchSize}
        allowEmpty
        placeholder={schedule ? String(schedule.batchSize) : 'auto'}
        min={1}
        max={65536}
        step={1}
        hint="a whole number from 1 to 65536, or empty to follow the data"
        isValid={integerIn(1, 65536)}
        onCommit={(v) => onChange({ batchSize: v })}
      />
      <NumberField
        label="Patience (0 = off)"
        testId="patience-input"
        value={settings.patience}
        min={0}
        max={1000}
        step={1}
        hint="a whole number of epochs, 0 turns early stopping off"
        isValid={integerIn(0, 1000)}
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
