import { useMemo } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { groupsOf, groupSolutionOf, rowCostsOf, type EvaluatedCases, type RowCosts } from '../../src/decision/decisions';
import type { GroupInput, GroupSolution } from '../../src/metrics/group-thresholds';
import type { Settings } from '../../src/session/settings';

/** The cost model of the evaluated cases; rebuilt only when the data, the costs or the cost columns change. */
export function useRowCosts(dataset: Dataset | null, cases: EvaluatedCases | null, settings: Settings): RowCosts | null {
  const { costFp, costFn, costFnColumn, costFpColumn } = settings;
  return useMemo(() => (cases ? rowCostsOf(dataset, cases, { costFp, costFn, costFnColumn, costFpColumn }) : null), [dataset, cases, costFp, costFn, costFnColumn, costFpColumn]);
}

/**
 * The groups' curves (built when the data or the columns change) and their thresholds under
 * the strategy. Only single and manual follow the live threshold, so a drag does not re-solve
 * the parity strategies.
 */
export function useGroups(
  dataset: Dataset | null,
  cases: EvaluatedCases | null,
  settings: Settings,
  rowCosts: RowCosts | null,
  threshold: number,
): { groups: GroupInput[] | null; solution: GroupSolution | null; error: string | null } {
  const { costFp, costFn, groupColumn, groupStrategy, groupThresholds, prevalence } = settings;
  const columns = rowCosts?.columns ?? null;
  const built = useMemo(() => {
    if (!cases) return { groups: null, error: null };
    try {
      return { groups: groupsOf(dataset, cases, groupColumn, { costFp, costFn }, columns), error: null };
    } catch (error) {
      return { groups: null, error: `The groups are not used: ${error instanceof Error ? error.message : String(error)}` };
    }
  }, [dataset, cases, groupColumn, costFp, costFn, columns]);
  const followed = groupStrategy === 'single' || groupStrategy === 'manual' ? threshold : 0.5;
  const solved = useMemo(() => {
    try {
      return { solution: groupSolutionOf(built.groups, { groupStrategy, groupThresholds, prevalence }, followed), error: null };
    } catch (error) {
      return { solution: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [built.groups, groupStrategy, groupThresholds, prevalence, followed]);
  return { groups: built.groups, solution: solved.solution, error: built.error ?? solved.error };
}
