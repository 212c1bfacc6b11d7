/**
 * The decisions layer over one evaluated score set: the cost model (row costs or constants)
 * and the groups' thresholds under a strategy. Pure: the metrics worker solves the page's
 * groups with these, and the export (or `cutoff choose`) calls them when it holds no solution.
 */
import type { Dataset } from '../data/dataset';
import { groupCodesOf, rowCostColumnsOf } from './decision-inputs';
import type { ScoreCurve } from '../metrics';
import { groupInputs, solveGroupThresholds, type GroupInput, type GroupSolution, type GroupStrategy } from '../metrics/group-thresholds';
import { constantCostModel, RowCostCurve, type CostModel, type RowCostColumns } from '../metrics/row-costs';

/** The evaluated cases as the decisions need them (dataset rows, scores, labels, weights). */
export interface EvaluatedCases {
  curve: ScoreCurve;
  rows: ArrayLike<number>;
  scores: ArrayLike<number>;
  labels: ArrayLike<number>;
  weights: ArrayLike<number> | null;
}

export interface RowCosts {
  costModel: CostModel;
  /** The per-row cost values of the evaluated cases, or null with constant costs. */
  columns: RowCostColumns | null;
  /** Why the chosen cost columns could not be used; the constant costs apply then. */
  error: string | null;
}

/** The cost model for the chosen cost columns (constants when none is chosen or a column is unusable). */
export function rowCostsOf(
  dataset: Dataset | null,
  cases: EvaluatedCases,
  settings: { costFp: number; costFn: number; costFnColumn: string | null; costFpColumn: string | null },
): RowCosts {
  const constants = { costFp: settings.costFp, costFn: settings.costFn };
  const fallback = constantCostModel(cases.curve, constants);
  if (!dataset || (settings.costFnColumn === null && settings.costFpColumn === null)) return { costModel: fallback, columns: null, error: null };
  try {
    const columns = rowCostColumnsOf(dataset, settings.costFnColumn, settings.costFpColumn, cases.rows);
    if (!columns) return { costModel: fallback, columns: null, error: null };
    return { costModel: RowCostCurve.from(cases.curve, cases.scores, cases.labels, cases.weights, columns, constants), columns, error: null };
  } catch (error) {
    return { costModel: fallback, columns: null, error: `The row costs are not used: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Per-group curves for the chosen group column, or null when none (or not a usable column). */
export function groupsOf(
  dataset: Dataset | null,
  cases: EvaluatedCases,
  groupColumn: string | null,
  costs: { costFp: number; costFn: number },
  columns: RowCostColumns | null,
): GroupInput[] | null {
  if (!dataset || groupColumn === null) return null;
  const coded = groupCodesOf(dataset, groupColumn, cases.rows);
  if (!coded) return null;
  const groups = groupInputs(cases, coded.codes, coded.levels, costs, columns);
  return groups.length > 0 ? groups : null;
}

/** The groups' thresholds under the strategy; the live threshold for single (and manual's gaps). */
export function groupSolutionOf(
  groups: GroupInput[] | null,
  settings: { groupStrategy: GroupStrategy; groupThresholds: readonly { value: string; threshold: number }[]; prevalence: number | null },
  threshold: number,
): GroupSolution | null {
  if (!groups) return null;
  return solveGroupThresholds(groups, settings.groupStrategy, {
    threshold,
    manual: new Map(settings.groupThresholds.map((g) => [g.value, g.threshold])),
    prevalence: settings.prevalence ?? undefined,
  });
}
