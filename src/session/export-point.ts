/**
 * The operating point the page exports and `cutoff choose` writes, assembled by one function:
 * the threshold evaluated on the curve (row costs, prevalence), the decision extras (groups,
 * bands, targets), Wilson intervals, the curve summaries and the guardrails. The page adds
 * its training source and bootstrap; the command reads its scores as the page does.
 */
import type { Dataset } from '../data/dataset';
import type { LabelVector } from '../data/label';
import type { AppliedTransform } from '../data/score-transform';
import { decisionExtras } from './decision-export';
import { rowCostsOf, type EvaluatedCases } from '../decision/decisions';
import { evaluateThreshold } from '../metrics/evaluate';
import { comparedBesides, curveHistogram, defaultGuardrails, driftEdges, type Guardrails } from '../decision/guardrails';
import { summarizeCurve, type SummaryIndices } from '../metrics/export-curves';
import type { GroupSolution } from '../metrics/group-thresholds';
import { wilsonInterval } from '../metrics/interval';
import { buildOperatingPoint, type EvaluatedOn, type OperatingPoint, type OperatingPointInput } from './operating-point';
import type { Settings } from './settings';
import type { ScoreCurve } from '../metrics/score-curve';
import { preparedFiguresOf, reportFigures, type PreparedFigures } from './report-figures';

export interface ExportedCases extends EvaluatedCases {
  evaluatedOn: EvaluatedOn;
  transform?: AppliedTransform | null;
  /** The curve's points and exported vertices, prepared with it (the page's metrics worker); absent: made here. */
  view?: SummaryIndices & Partial<PreparedFigures> & { rocAuc?: number; averagePrecision?: number };
}

type Interval = { low: number; high: number; level: number; method: string };

export interface ExportPointInput {
  toolVersion: string;
  createdAt: Date;
  dataset: Dataset;
  labels: LabelVector;
  settings: Settings;
  cases: ExportedCases;
  source: OperatingPointInput['source'];
  /** Floors typed by the user; an absent one takes its default (see guardrailsFor). */
  guardrails?: Partial<Guardrails>;
  /** Intervals beyond the Wilson ones (the page's bootstrap of ROC-AUC and AP). */
  extraIntervals?: Record<string, Interval>;
  stability?: OperatingPointInput['stability'];
  /** The groups' thresholds already solved for these settings (the page's worker did); absent: solved here. */
  groupSolution?: GroupSolution | null;
  /** A second model compared on the same cases (the page's Compare view). */
  comparison?: OperatingPointInput['comparison'];
}

/** The guardrails `cutoff check` enforces: defaults, the user's typed floors in place of comparisons, and the score histogram for drift. */
export function guardrailsFor(cases: { curve: ScoreCurve }, chosen: Partial<Guardrails> = {}) {
  const defaults = defaultGuardrails();
  const typed = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== undefined && v !== null));
  const merged = { ...defaults, ...typed };
  merged.compare = comparedBesides(defaults.compare, typed);
  const changed = Object.keys(typed).some((k) => k !== 'basis');
  return {
    ...merged,
    basis: changed ? `set in the export panel; defaults: ${defaults.basis}` : defaults.basis,
    histogram: curveHistogram(cases.curve, driftEdges()),
  };
}

/** Wilson intervals of the rates at the chosen threshold. */
export function wilsonIntervals(c: { tp: number; fp: number; tn: number; fn: number }): Record<string, Interval> {
  const out: Record<string, Interval> = {};
  const rates: [string, number, number][] = [
    ['recall', c.tp, c.tp + c.fn],
    ['precision', c.tp, c.tp + c.fp],
    ['specificity', c.tn, c.tn + c.fp],
    ['npv', c.tn, c.tn + c.fn],
  ];
  for (const [name, successes, trials] of rates) {
    if (trials > 0) out[name] = { ...wilsonInterval(successes, trials), level: 0.95, method: 'Wilson' };
  }
  return out;
}

export function exportPoint(input: ExportPointInput): OperatingPoint {
  const { dataset, labels, settings, cases } = input;
  const { curve } = cases;
  // Row costs, when chosen, price the expected cost exported (as on the page).
  const shown = evaluateThreshold(curve, settings.threshold, settings, settings.prevalence, rowCostsOf(dataset, cases, settings).costModel);
  return buildOperatingPoint({
    ...decisionExtras(dataset, cases, settings, settings.threshold, input.groupSolution),
    toolVersion: input.toolVersion,
    createdAt: input.createdAt,
    dataset: { fileName: dataset.fileName, rows: dataset.rowCount, positives: labels.positives, sha256: dataset.sha256 },
    label: { column: settings.labelColumn ?? '', positive: settings.positiveValue ?? '' },
    source: input.source,
    threshold: settings.threshold,
    band: settings.band,
    costs: { falsePositive: settings.costFp, falseNegative: settings.costFn },
    prevalence: { observed: curve.prevalence(), assumed: settings.prevalence },
    evaluatedOn: cases.evaluatedOn,
    confusion: shown.confusion,
    metrics: {
      tpr: shown.metrics.tpr,
      fpr: shown.metrics.fpr,
      precision: shown.metrics.precision,
      recall: shown.metrics.recall,
      specificity: shown.metrics.specificity,
      npv: shown.metrics.npv,
      f1: shown.metrics.f1,
      mcc: shown.metrics.mcc,
      accuracy: shown.metrics.accuracy,
      expectedCostPerCase: shown.expectedCost,
      // Read off the view the metrics worker prepared when there is one: an export is a click on the page.
      rocAuc: cases.view?.rocAuc ?? curve.rocAuc(),
      averagePrecision: cases.view?.averagePrecision ?? curve.averagePrecision(),
    },
    intervals: { ...wilsonIntervals(shown.confusion), ...input.extraIntervals },
    curves: summarizeCurve(curve, shown.index, cases.view),
    impliedCostRatio: shown.impliedCostRatio,
    guardrails: guardrailsFor(cases, input.guardrails),
    figures: reportFigures(curve, settings.prevalence ?? undefined, preparedFiguresOf(cases.view)),
    ...(input.stability !== undefined ? { stability: input.stability } : {}),
    ...(input.comparison !== undefined ? { comparison: input.comparison } : {}),
  });
}
