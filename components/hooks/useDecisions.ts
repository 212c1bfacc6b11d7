import { useMemo } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { groupCodesOf, rowCostColumnsOf } from '../../src/decision-inputs';
import { groupInputs, solveGroupThresholds, type GroupInput, type GroupSolution } from '../../src/metrics/group-thresholds';
import { constantCostModel, RowCostCurve, type CostModel } from '../../src/metrics/row-costs';
import type { Settings } from '../../src/settings';
import type { Evaluation } from './useEvaluation';

export interface Decisions {
  /** What the errors cost at each operating point: the row costs when a column is chosen, else the constants. */
  costModel: CostModel;
  /** Per-group curves, or null when no group column is chosen. */
  groups: GroupInput[] | null;
  solution: GroupSolution | null;
  /** Why the row costs or the groups could not be used (the constants / one threshold apply then). */
  error: string | null;
}

/**
 * Row costs and group thresholds for the evaluated cases. The curves are built when the data
 * or the columns change; a drag of the threshold only re-solves the groups (O(groups · log n)
 * for single and manual, plus the groups' optimum scan).
 */
export function useDecisions(dataset: Dataset | null, evaluation: Evaluation | null, settings: Settings): Decisions {
  const { costFp, costFn, costFnColumn, costFpColumn, groupColumn, groupStrategy, groupThresholds, threshold, prevalence } = settings;
  const built = useMemo(() => {
    const constants = { costFp, costFn };
    if (!evaluation) return { costModel: null, groups: null, error: null };
    const fallback = constantCostModel(evaluation.curve, constants);
    let error: string | null = null;
    let costModel: CostModel = fallback;
    let columns = null;
    try {
      columns = dataset ? rowCostColumnsOf(dataset, costFnColumn, costFpColumn, evaluation.rows) : null;
      if (columns) costModel = RowCostCurve.from(evaluation.curve, evaluation.scores, evaluation.labels, evaluation.weights, columns, constants);
    } catch (e) {
      error = `Row costs not used: ${messageOf(e)}`;
      columns = null;
    }
    let groups: GroupInput[] | null = null;
    if (dataset && groupColumn !== null) {
      const coded = groupCodesOf(dataset, groupColumn, evaluation.rows);
      if (coded) {
        try {
          groups = groupInputs(evaluation, coded.codes, coded.levels, constants, columns);
        } catch (e) {
          error = `Groups not used: ${messageOf(e)}`;
        }
      }
    }
    return { costModel, groups, error };
  }, [dataset, evaluation, costFp, costFn, costFnColumn, costFpColumn, groupColumn]);

  const { groups } = built;
  const manual = useMemo(() => new Map(groupThresholds.map((g) => [g.value, g.threshold])), [groupThresholds]);
  // Only single and manual follow the global threshold; the others ignore it, so a drag does not re-solve them.
  const followed = groupStrategy === 'single' || groupStrategy === 'manual' ? threshold : null;
  const solved = useMemo(() => {
    if (!groups || groups.length === 0) return { solution: null, error: null };
    try {
      return { solution: solveGroupThresholds(groups, groupStrategy, { threshold: followed ?? 0.5, manual, prevalence: prevalence ?? undefined }), error: null };
    } catch (e) {
      return { solution: null, error: messageOf(e) };
    }
  }, [groups, groupStrategy, followed, manual, prevalence]);

  const fallback = useMemo(() => (evaluation ? constantCostModel(evaluation.curve, { costFp, costFn }) : null), [evaluation, costFp, costFn]);
  return {
    costModel: built.costModel ?? fallback ?? { perRow: false, errorCostsAtIndex: () => ({ missed: 0, alarms: 0 }) },
    groups,
    solution: solved.solution,
    error: built.error ?? solved.error,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
