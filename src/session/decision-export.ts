/**
 * The decision extras of the operating-point export (schema version 2): group thresholds
 * with their metrics, the row-cost columns, the risk bands and the target used; what an
 * import restores from them; and the groups' thresholds the predictions CSV applies per row.
 */
import type { Dataset } from '../data/dataset';
import { groupsOf, groupSolutionOf, rowCostsOf, type EvaluatedCases } from '../decision/decisions';
import { groupRates, type GroupSolution } from '../metrics/group-thresholds';
import { bandNamesFor } from '../metrics/risk-bands';
import { TARGET_KINDS, type TargetKind } from '../metrics/targets';
import { solveConfidentTarget } from '../decision/confident-target';
import type { OperatingPoint } from './operating-point';
import type { Settings } from './settings';

export type DecisionSettings = Pick<
  Settings,
  'costFp' | 'costFn' | 'prevalence' | 'costFnColumn' | 'costFpColumn' | 'groupColumn' | 'groupStrategy' | 'groupThresholds' | 'bandCuts' | 'bandNames' | 'target'
>;

export interface DecisionExtras {
  groups?: OperatingPoint['groups'];
  rowCosts?: OperatingPoint['rowCosts'];
  bands?: OperatingPoint['bands'];
  targets?: OperatingPoint['targets'];
}

/** The extras for the export at `threshold`; a field the user did not use is left out. */
export function decisionExtras(dataset: Dataset | null, cases: EvaluatedCases, settings: DecisionSettings, threshold: number, solved?: GroupSolution | null): DecisionExtras {
  const extras: DecisionExtras = {};
  const rowCosts = rowCostsOf(dataset, cases, settings);
  if (rowCosts.columns) extras.rowCosts = { falseNegativeColumn: settings.costFnColumn, falsePositiveColumn: settings.costFpColumn };
  const solution = groupSolutionFor(dataset, cases, settings, threshold, solved);
  if (solution && settings.groupColumn !== null) {
    extras.groups = {
      column: settings.groupColumn,
      strategy: settings.groupStrategy,
      thresholds: solution.groups.map((g) => {
        const rates = groupRates(g.confusion, solution.weights);
        return {
          value: g.value,
          threshold: unitThreshold(g.threshold),
          confusion: g.confusion,
          metrics: {
            recall: rates.recall,
            precision: rates.precision,
            fpr: rates.fpr,
            alarmRate: rates.alarmRate,
            accuracy: rates.accuracy,
            missedCost: g.missedCost,
            alarmCost: g.alarmCost,
          },
        };
      }),
      otherThreshold: unitThreshold(threshold),
    };
  }
  if (settings.bandCuts.length > 0) extras.bands = { cuts: settings.bandCuts.slice(), names: bandNamesFor(settings.bandCuts, settings.bandNames) };
  if (settings.target) {
    const { kind, value, confidence } = settings.target;
    const solved = solveConfidentTarget(cases.curve, { kind, value, confidence, prevalence: settings.prevalence ?? undefined });
    extras.targets = [
      solved.ok
        ? { kind, value, confidence, threshold: solved.result.threshold, method: solved.result.method, statement: solved.result.statement }
        : { kind, value, confidence, threshold: null, statement: solved.message },
    ];
  }
  return extras;
}

/** A threshold as the export writes it: on [0, 1], as the schema requires. */
function unitThreshold(threshold: number): number {
  return Math.min(1, Math.max(0, threshold));
}

/** The groups' thresholds as exported and applied (src/decision/decision-rule): a group not listed gets `threshold`. */
export function exportedGroups(column: string, solution: GroupSolution, threshold: number) {
  return { column, thresholds: solution.groups.map((g) => ({ value: g.value, threshold: unitThreshold(g.threshold) })), otherThreshold: unitThreshold(threshold) };
}

/**
 * The groups' solution: `solved` when the caller holds one (the page passes the one its metrics
 * worker solved, so an export never sorts on the main thread), else solved here (the command).
 */
export function groupSolutionFor(
  dataset: Dataset | null,
  cases: EvaluatedCases,
  settings: DecisionSettings,
  threshold: number,
  solved?: GroupSolution | null,
): GroupSolution | null {
  if (solved !== undefined) return solved;
  const rowCosts = rowCostsOf(dataset, cases, settings);
  return groupSolutionOf(groupsOf(dataset, cases, settings.groupColumn, settings, rowCosts.columns), settings, threshold);
}

/** The settings an imported operating point restores beyond threshold and costs; absent fields reset nothing. */
export function settingsFromExtras(point: OperatingPoint): Partial<Settings> {
  const patch: Partial<Settings> = {};
  if (point.groups !== undefined) {
    patch.groupColumn = point.groups?.column ?? null;
    patch.groupStrategy = point.groups?.strategy ?? 'single';
    patch.groupThresholds = point.groups?.thresholds.map((g) => ({ value: g.value, threshold: g.threshold })) ?? [];
  }
  if (point.rowCosts !== undefined) {
    patch.costFnColumn = point.rowCosts?.falseNegativeColumn ?? null;
    patch.costFpColumn = point.rowCosts?.falsePositiveColumn ?? null;
  }
  if (point.bands !== undefined) {
    patch.bandCuts = point.bands?.cuts ?? [];
    patch.bandNames = point.bands?.names ?? [];
  }
  const target = point.targets?.[0];
  const kind = TARGET_KINDS.find((k) => k === target?.kind);
  if (target && target.value !== null && kind !== undefined) patch.target = { kind: kind satisfies TargetKind, value: target.value, confidence: target.confidence ?? null };
  return patch;
}
