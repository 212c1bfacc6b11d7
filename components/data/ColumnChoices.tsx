import { distinctValues, type Dataset } from '../../src/data/dataset';
import { useMemo, useState } from 'react';
import { positiveForColumn } from '../../src/data/label';
import { labelSuggestion } from '../../src/data/label-suggestion';
import { SCORE_TRANSFORMS, type ScoreTransform } from '../../src/data/score-transform';
import { suggestCountColumn } from '../../src/data/scores';
import type { DataSettings, Settings } from '../../src/session/settings';
import { ColumnSelect } from '../common/ColumnSelect';

interface ColumnChoicesProps {
  dataset: Dataset;
  settings: DataSettings;
  onChange: (patch: Partial<Settings>) => void;
}

const TRANSFORM_NAMES: Record<ScoreTransform, string> = {
  none: 'probabilities in [0, 1]',
  'min-max': 'any numbers: rescale min-max',
  sigmoid: 'logits: apply the sigmoid',
  percent: 'percentages 0–100: divide by 100',
};

/** The three input modes; 'aggregated' is scores mode with a count column weighting each row. */
const INPUT_MODES = ['train', 'scores', 'aggregated'] as const;
type InputMode = (typeof INPUT_MODES)[number];

function inputModeOf(settings: DataSettings): InputMode {
  if (settings.mode === 'train') return 'train';
  return settings.weightColumn === null ? 'scores' : 'aggregated';
}

/** Label, positive class, input mode and, for scores, the score and count columns. */
export function ColumnChoices({ dataset, settings, onChange }: ColumnChoicesProps) {
  const labelCandidates = dataset.columns.filter((c) => distinctValues(c) !== null);
  const labelColumn = dataset.columns.find((c) => c.name === settings.labelColumn);
  const positiveOptions = labelColumn ? (distinctValues(labelColumn) ?? []) : [];
  const numericColumns = dataset.columns.filter((c) => c.kind === 'numeric' && c.name !== settings.labelColumn);
  const countCandidates = numericColumns.filter((c) => c.name !== settings.scoreColumn);
  const suggestion = useMemo(() => labelSuggestion(dataset), [dataset]);
  // The file whose label question the user answered (by a button or the menu): asked once per file.
  const [answered, setAnswered] = useState<string | null>(null);
  const asking = suggestion?.alternative && answered !== dataset.sha256 ? [suggestion.choice, suggestion.alternative] : null;
  const chooseLabel = (name: string) => {
    const column = dataset.columns.find((c) => c.name === name);
    setAnswered(dataset.sha256);
    // The suggestion's rule (the rarer of two values); with three or more the user picks.
    onChange({ labelColumn: name, positiveValue: column ? positiveForColumn(column) : null });
  };

  const chooseMode = (mode: InputMode) => {
    if (mode === 'train') onChange({ mode: 'train' });
    else if (mode === 'scores') onChange({ mode: 'scores', weightColumn: null });
    else {
      const suggested = suggestCountColumn(dataset, [settings.labelColumn, settings.scoreColumn]);
      onChange({ mode: 'scores', weightColumn: suggested ?? countCandidates[countCandidates.length - 1]?.name ?? null });
    }
  };

  return (
    <div className="fields">
      <label>
        Label column
        <select data-testid="label-select" value={settings.labelColumn ?? ''} onChange={(e) => chooseLabel(e.target.value)}>
          {settings.labelColumn === null && <option value="">choose…</option>}
          {labelCandidates.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {asking && (
        <div className="question" role="group" aria-labelledby="label-question-text" data-testid="label-question">
          <span id="label-question-text">Two columns could be the outcome. Which one is it?</span>
          {asking.map((choice) => (
            <button
              key={choice.column}
              type="button"
              data-testid="label-answer"
              data-column={choice.column}
              aria-pressed={settings.labelColumn === choice.column}
              onClick={() => chooseLabel(choice.column)}
            >
              {choice.column}
            </button>
          ))}
        </div>
      )}
      {suggestion && settings.labelColumn === suggestion.choice.column && (
        <p className="note" data-testid="label-reason">
          {suggestion.reason}
        </p>
      )}
      <label>
        Positive class
        <select data-testid="positive-select" value={settings.positiveValue ?? ''} onChange={(e) => onChange({ positiveValue: e.target.value || null })}>
          {settings.positiveValue === null && <option value="">choose…</option>}
          {positiveOptions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label>
        Mode
        <select data-testid="mode-select" value={inputModeOf(settings)} onChange={(e) => chooseMode(INPUT_MODES.find((m) => m === e.target.value) ?? 'train')}>
          <option value="train">train a model</option>
          <option value="scores">use a score column</option>
          <option value="aggregated" disabled={countCandidates.length === 0}>
            aggregated scores (score, label, count)
          </option>
        </select>
      </label>
      {settings.mode === 'scores' && (
        <>
          <ColumnSelect
            testId="score-select"
            label="Score column"
            value={settings.scoreColumn}
            names={numericColumns.map((c) => c.name)}
            none="choose…"
            onChange={(name) => onChange({ scoreColumn: name })}
          />
          <label>
            Scores are
            <select
              data-testid="score-transform-select"
              value={settings.scoreTransform}
              onChange={(e) => onChange({ scoreTransform: SCORE_TRANSFORMS.find((t) => t === e.target.value) ?? 'none' })}
            >
              {SCORE_TRANSFORMS.map((t) => (
                <option key={t} value={t}>
                  {TRANSFORM_NAMES[t]}
                </option>
              ))}
            </select>
          </label>
          <ColumnSelect
            testId="weight-select"
            label="Count / weight column"
            value={settings.weightColumn}
            names={countCandidates.map((c) => c.name)}
            none="none (each row counts once)"
            onChange={(name) => onChange({ weightColumn: name })}
          />
        </>
      )}
    </div>
  );
}
