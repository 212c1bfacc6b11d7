import { useMemo, useState } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { scoreInputs } from '../../src/data/scores';
import type { ScoreCurve } from '../../src/metrics';
import type { CurveView } from '../../src/metrics/curve-view';
import { useCurve } from './useCurve';
import type { Evaluation } from './useEvaluation';
import type { PairedScores } from './usePairedTest';

export interface Comparison {
  label: string;
  curve: ScoreCurve;
  view: CurveView;
  /** Whole-curve figures, computed once (O(n)) rather than on every render. */
  rocAuc: number;
  averagePrecision: number;
}

function comparisonOf(label: string, curve: ScoreCurve, view: CurveView): Comparison {
  return { label, curve, view, rocAuc: view.rocAuc, averagePrecision: view.averagePrecision };
}

/** A pinned model's curve with the cases it was scored on, to test it against the next model case by case. */
interface Pinned extends Comparison {
  cases: PinnedCases;
}

/** The cases a pinned model was scored on, with its scores. */
export type PinnedCases = Pick<Evaluation, 'evaluatedOn' | 'rows' | 'labels'> & { scores: Float64Array };

/** True when two evaluations scored the very same rows, in the same order, with the same labels. */
function sameCases(a: Pick<Evaluation, 'evaluatedOn' | 'rows' | 'labels'>, b: Pick<Evaluation, 'evaluatedOn' | 'rows' | 'labels'>): boolean {
  if (a.evaluatedOn !== b.evaluatedOn || a.rows.length !== b.rows.length) return false;
  for (let i = 0; i < a.rows.length; i++) if (a.rows[i] !== b.rows[i] || a.labels[i] !== b.labels[i]) return false;
  return true;
}

/**
 * The paired cases of A (the evaluation) and B: a second column's scores on the same rows, or a
 * pinned model's when it was scored on the very same rows (same seed and split); otherwise no
 * test and the reason.
 */
export function pairingOf(
  evaluation: Pick<Evaluation, 'evaluatedOn' | 'rows' | 'scores' | 'labels' | 'weights'> | null,
  columnScores: Float64Array | null,
  pinned: PinnedCases | null,
): { paired: PairedScores | null; note: string | null } {
  if (!evaluation) return { paired: null, note: null };
  const { scores, labels, weights } = evaluation;
  if (columnScores) return { paired: { scoresA: scores, scoresB: columnScores, labels, weights }, note: null };
  if (!pinned) return { paired: null, note: null };
  if (!sameCases(pinned, evaluation)) return { paired: null, note: OTHER_ROWS_NOTE };
  return { paired: { scoresA: scores, scoresB: pinned.scores, labels, weights }, note: null };
}

/** Why a comparison shown cannot be tested case by case. */
export const OTHER_ROWS_NOTE =
  'The pinned model was scored on other rows (another seed, split or evaluation), so the two cannot be tested case by case: retrain with the same seed and split to test the difference.';

/**
 * A second score set drawn on the same axes: another score column of a scores file, or a
 * trained model pinned before retraining. Evaluated on the same rows as the main scores.
 */
export function useComparison(
  dataset: Dataset | null,
  evaluation: Evaluation | null,
  compareColumn: string | null,
  weightColumn: string | null,
): {
  comparison: Comparison | null;
  error: string | null;
  pin: (label: string) => void;
  unpin: () => void;
  pinned: boolean;
  /** Both score sets on the same cases, for DeLong's test; null when there is no comparison or it is on other rows. */
  paired: PairedScores | null;
  /** Why a comparison shown is not tested; null otherwise. */
  pairedNote: string | null;
} {
  const [pinned, setPinned] = useState<Pinned | null>(null);
  const inputs = useMemo(() => {
    if (!dataset || !evaluation || compareColumn === null || evaluation.evaluatedOn !== 'all rows') return { value: null, error: null };
    try {
      return { value: scoreInputs(dataset, evaluation.rows, compareColumn, weightColumn), error: null };
    } catch (error) {
      return { value: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [dataset, evaluation, compareColumn, weightColumn]);
  // Sorted in a worker like the main scores: a second column can be as long as the first.
  const cases = useMemo(
    () => (inputs.value && evaluation ? { scores: inputs.value.scores, labels: evaluation.labels, weights: inputs.value.weights } : null),
    [inputs.value, evaluation],
  );
  const curveState = useCurve(cases);
  const built = curveState.built;
  const fromColumn = useMemo(() => (compareColumn !== null && built ? comparisonOf(compareColumn, built.curve, built.view) : null), [compareColumn, built]);
  // A is the current scores, B the compared ones, on the same rows: a second column of the file
  // always is; a pinned model only when it was scored on the very rows the current one was.
  const pairing = useMemo(
    () => pairingOf(evaluation, compareColumn === null ? null : (inputs.value?.scores ?? null), compareColumn === null ? (pinned?.cases ?? null) : null),
    [evaluation, compareColumn, inputs.value, pinned],
  );
  return {
    comparison: fromColumn ?? pinned,
    error: inputs.error ?? curveState.error,
    pin: (label: string) => {
      if (!evaluation) return;
      // A copy: the trainer may reuse its score buffers for the next run.
      const cases = { evaluatedOn: evaluation.evaluatedOn, rows: evaluation.rows, labels: evaluation.labels, scores: Float64Array.from(evaluation.scores) };
      setPinned({ ...comparisonOf(label, evaluation.curve, evaluation.view), cases });
    },
    unpin: () => setPinned(null),
    pinned: pinned !== null,
    paired: fromColumn || pinned ? pairing.paired : null,
    pairedNote: fromColumn || pinned ? pairing.note : null,
  };
}
