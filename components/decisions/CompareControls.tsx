import type { Dataset } from '../../src/data/dataset';
import { describeDelong } from '../../src/metrics/paired-words';
import type { Settings } from '../../src/session/settings';
import { ColumnSelect } from '../common/ColumnSelect';
import { formatMetric } from '../common/format';
import type { Comparison } from '../hooks/useComparison';
import type { PairedScores, PairedTestState } from '../hooks/usePairedTest';
import { McNemarCheck } from './McNemarCheck';

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
  /** DeLong's test of the current scores (A) against the compared ones (B). */
  test: PairedTestState;
  /** Why the comparison shown is not tested (it is on other rows); null otherwise. */
  testNote: string | null;
  /** What A and B are, in words. */
  names: { a: string; b: string };
  /** Both models' scores on the same cases, for McNemar's tests at chosen cutoffs; null when not paired. */
  paired?: PairedScores | null;
}

/** The paired test in words, its figures on data attributes for tests and scripts. */
function PairedTest({ test, note, names }: { test: PairedTestState; note: string | null; names: { a: string; b: string } }) {
  if (!note && test.status === 'idle') return null;
  const done = !note && test.status === 'done' ? test.test : null;
  const state = note ? 'unavailable' : test.status;
  const figures = done ? { 'data-auc-diff': done.diff, 'data-ci-low': done.ciLow, 'data-ci-high': done.ciHigh, 'data-p': done.p } : {};
  return (
    <p className="note compare-test" data-testid="compare-test" data-state={state} {...figures}>
      {note ??
        (done
          ? `A is ${names.a}, B is ${names.b}. ${describeDelong(done)} (DeLong's test, paired on the same cases.)`
          : test.status === 'error'
            ? `No paired test: ${test.message}`
            : 'Testing the difference case by case…')}
    </p>
  );
}

/** Choose a second score set to draw on the same ROC and PR axes. */
export function CompareControls({ settings, candidates, comparison, pinned, canPin, onChange, onPin, onUnpin, test, testNote, names, paired = null }: CompareControlsProps) {
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
      {comparison && <PairedTest test={test} note={testNote} names={names} />}
      {comparison && paired && <McNemarCheck paired={paired} names={names} />}
    </div>
  );
}

/** The numeric columns that can be drawn beside the scores: all but the label, score and count columns. */
export function compareCandidates(dataset: Dataset | null, settings: Pick<Settings, 'labelColumn' | 'scoreColumn' | 'weightColumn'>): string[] {
  const taken = [settings.labelColumn, settings.scoreColumn, settings.weightColumn];
  return dataset?.columns.filter((c) => c.kind === 'numeric' && !taken.includes(c.name)).map((c) => c.name) ?? [];
}

/** What A (the current scores) and B (the compared ones) are, for the paired test's sentence. */
export function pairNames(settings: Pick<Settings, 'mode' | 'scoreColumn'>, comparison: Comparison | null): { a: string; b: string } {
  const b = comparison?.label ?? '';
  return settings.mode === 'scores' ? { a: `the score column “${settings.scoreColumn ?? ''}”`, b: `“${b}”` } : { a: 'this model', b: `the pinned ${b}` };
}
