import { useMemo, useState } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { scoreInputs } from '../../src/data/scores';
import { ScoreCurve } from '../../src/metrics';
import type { Evaluation } from './useEvaluation';

export interface Comparison {
  label: string;
  curve: ScoreCurve;
  /** Whole-curve figures, computed once (O(n)) rather than on every render. */
  rocAuc: number;
  averagePrecision: number;
}

function comparisonOf(label: string, curve: ScoreCurve): Comparison {
  return { label, curve, rocAuc: curve.rocAuc(), averagePrecision: curve.averagePrecision() };
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
  const fromColumn = useMemo(() => {
    if (!dataset || !evaluation || compareColumn === null || evaluation.evaluatedOn !== 'all rows') return { value: null, error: null };
    try {
      const inputs = scoreInputs(dataset, evaluation.rows, compareColumn, weightColumn);
      return { value: comparisonOf(compareColumn, ScoreCurve.from(inputs.scores, evaluation.labels, inputs.weights ?? undefined)), error: null };
    } catch (error) {
      return { value: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [dataset, evaluation, compareColumn, weightColumn]);
  return {
    comparison: fromColumn.value ?? pinned,
    error: fromColumn.error,
    pin: (label: string) => evaluation && setPinned(comparisonOf(label, evaluation.curve)),
    unpin: () => setPinned(null),
    pinned: pinned !== null,
  };
}
