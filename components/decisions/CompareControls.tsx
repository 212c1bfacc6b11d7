import type { Dataset } from '../../src/data/dataset';
import type { Settings } from '../../src/session/settings';
import { ColumnSelect } from '../common/ColumnSelect';
import { formatMetric } from '../common/format';
import type { Comparison } from '../hooks/useComparison';

interface CompareControlsProps {
  settings: Settings;
  /** Numeric columns that could hold a second model's scores. */
  candidates: string[];
  comparison: Comparison | null;
  pinned: boolean;
  canPin: boolean;
  onChange: (patch: Partial<Settings>) => void;
  onPin: () => void;
  onUnpin: () => void;
}

/** Choose a second score set to draw on the same ROC and PR axes. */
export function CompareControls({ settings, candidates, comparison, pinned, canPin, onChange, onPin, onUnpin }: CompareControlsProps) {
  return (
    <div className="compare-row">
      {settings.mode === 'scores' ? (
        <ColumnSelect
          testId="compare-select"
          label="Compare with score column"
          value={settings.compareColumn}
          names={candidates}
          none="none"
          onChange={(name) => onChange({ compareColumn: name })}
        />
      ) : pinned ? (
        <button type="button" data-testid="unpin-button" onClick={onUnpin}>
          Stop comparing with the pinned model
        </button>
      ) : (
        <button type="button" data-testid="pin-button" disabled={!canPin} onClick={onPin} title="Keep this model's curves to compare with the next training run">
          Pin this model for comparison
        </button>
      )}
      {comparison && (
        <span className="note" data-testid="compare-summary">
          <span className="compare-key">- - {comparison.label}</span>: ROC-AUC {formatMetric(comparison.rocAuc)}, AP {formatMetric(comparison.averagePrecision)}
        </span>
      )}
    </div>
  );
}

/** The numeric columns that can be drawn beside the scores: all but the label, score and count columns. */
export function compareCandidates(dataset: Dataset | null, settings: Pick<Settings, 'labelColumn' | 'scoreColumn' | 'weightColumn'>): string[] {
  const taken = [settings.labelColumn, settings.scoreColumn, settings.weightColumn];
  return dataset?.columns.filter((c) => c.kind === 'numeric' && !taken.includes(c.name)).map((c) => c.name) ?? [];
}
