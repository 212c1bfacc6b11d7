/**
 * The decision extras of the operating-point export (schema version 2): group thresholds
 * with their metrics, the row-cost columns, the risk bands and the target used; what an
 * import restores from them; and what the predictions CSV applies per row.
 */
import type { Dataset } from '../data/dataset';
import { groupCodesOf } from '../decision/decision-inputs';
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
  const solution = solved !== undefined ? solved : solveGroups(dataset, cases, settings, threshold);
  if (solution && settings.groupColumn !== null) {
    extras.groups = {
      column: settings.groupColumn,
      strategy: settings.groupStrategy,
      thresholds: solution.groups.map((g) => {
        const rates = groupRates(g.confusion, solution.weights);
        return {
          value: g.value,
          threshold: Math.min(1, Math.max(0, g.threshold)),
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
      otherThreshold: Math.min(1, Math.max(0, threshold)),
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

/**
 * The groups' thresholds solved here, for callers that hold no solution (the command; the page
 * passes the one its metrics worker solved, so an export never sorts on the main thread).
 */
function solveGroups(dataset: Dataset | null, cases: EvaluatedCases, settings: DecisionSettings, threshold: number): GroupSolution | null {
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

/** Per evaluated case: its group and that group's threshold, for the predictions CSV. */
export interface RowGroups {
  /** Group name per case ('' when missing). */
  names: string[];
  /** Threshold per case: its group's, or the global one when it has no group. */
  thresholds: Float64Array;
}

/** Each case's group threshold under the strategy, or null when no group column is used. */
export function rowGroupsOf(dataset: Dataset | null, cases: EvaluatedCases, settings: DecisionSettings, threshold: number, solved?: GroupSolution | null): RowGroups | null {
  if (!dataset || settings.groupColumn === null) return null;
  const coded = groupCodesOf(dataset, settings.groupColumn, cases.rows);
  const solution = solved !== undefined ? solved : solveGroups(dataset, cases, settings, threshold);
  if (!coded || !solution) return null;
  const byName = new Map(solution.groups.map((g) => [g.value, g.threshold]));
  const names: string[] = [];
  const thresholds = new Float64Array(cases.rows.length);
  for (let i = 0; i < cases.rows.length; i++) {
    const code = coded.codes[i];
    const name = code >= 0 ? coded.levels[code] : '';
    names.push(name);
    thresholds[i] = byName.get(name) ?? threshold;
  }
  return { names, thresholds };
}
