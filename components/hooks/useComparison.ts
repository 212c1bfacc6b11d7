import { useMemo, useState } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { scoreInputs } from '../../src/data/scores';
import type { ScoreCurve } from '../../src/metrics';
import type { CurveView } from '../../src/metrics/curve-view';
import { useCurve } from './useCurve';
import type { Evaluation } from './useEvaluation';

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

/**
 * A second score set drawn on the same axes: another score column of a scores file, or a
 * trained model pinned before retraining. Evaluated on the same rows as the main scores.
 */
export function useComparison(
  dataset: Dataset | null,
  evaluation: Evaluation | null,
  compareColumn: string | null,
  weightColumn: string | null,
): { comparison: Comparison | null; error: string | null; pin: (label: string) => void; unpin: () => void; pinned: boolean } {
  const [pinned, setPinned] = useState<Comparison | null>(null);
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
  return {
    comparison: fromColumn ?? pinned,
    error: inputs.error ?? curveState.error,
    pin: (label: string) => evaluation && setPinned(comparisonOf(label, evaluation.curve, evaluation.view)),
    unpin: () => setPinned(null),
    pinned: pinned !== null,
  };
}
