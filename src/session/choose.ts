/**
 * `cutoff choose`'s core: the operating point the page would export for a scores file and a
 * goal, by the page's own steps. The labels and scores are read as the page reads them
 * (encodeLabels, scoreInputs), the curve is the page's ScoreCurve, the threshold is the page's
 * (the cheapest cutoff, or a target solved on the curve, snapped to a nice value as the page
 * snaps it) and the point is assembled by the export's own function.
 */
import type { Dataset } from '../data/dataset';
import { findColumn } from '../data/dataset';
import { DataError } from '../data/errors';
import { positiveForColumn } from '../data/label';
import type { ScoreTransform } from '../data/score-transform';
import { cheapestOperatingPoint } from '../metrics/evaluate';
import { rowCostsOf } from '../decision/decisions';
import type { Guardrails } from '../decision/guardrails';
import { ScoreCurve } from '../metrics/score-curve';
import type { GroupStrategy } from '../metrics/group-thresholds';
import { niceThresholdAtIndex } from '../metrics/nice-threshold';
import type { TargetKind } from '../metrics/targets';
import { solveConfidentTarget } from '../decision/confident-target';
import type { OperatingPoint } from './operating-point';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { exportPoint } from './export-point';
import { scoresCases as readScoresCases } from './evaluated-cases';

/** The cheapest cutoff for the costs, or a target met on these cases (confidence null) or on new ones with confidence C. */
export type ChooseGoal = { kind: 'cost' } | { kind: 'target'; target: TargetKind; value: number; confidence: number | null };

export interface ChooseRequest {
  scoreColumn: string;
  labelColumn: string;
  /** The positive class; the rarer value (as the page suggests it) when absent. */
  positive?: string;
  weightColumn?: string | null;
  scoreTransform?: ScoreTransform;
  costFp?: number;
  costFn?: number;
  prevalence?: number | null;
  goal: ChooseGoal;
  groupColumn?: string | null;
  groupStrategy?: GroupStrategy;
  guardrails?: Partial<Guardrails>;
  toolVersion: string;
  createdAt: Date;
  /**
   * The caller hands the dataset over (`cutoff choose`): once the cases are read, its score,
   * label and weight columns are dropped from it, and `collect` is called there and once the
   * curve is built (the command collects garbage), so the curve's sort does not sit beside a
   * second copy of every score, nor the groups' curves beside the sort's spent arrays.
   */
  handOver?: { collect: () => void };
}

/** The page's settings for the request: a scores-mode session with these choices. */
export function settingsFor(dataset: Dataset, request: ChooseRequest): Settings {
  const column = findColumn(dataset, request.labelColumn);
  if (!column) throw new DataError(`There is no column "${request.labelColumn}" in ${dataset.fileName}.`);
  const positive = request.positive ?? positiveForColumn(column);
  if (positive === null) throw new DataError(`The label column "${request.labelColumn}" has more than two values: name the positive class.`);
  return {
    ...DEFAULT_SETTINGS,
    mode: 'scores',
    labelColumn: request.labelColumn,
    positiveValue: positive,
    scoreColumn: request.scoreColumn,
    weightColumn: request.weightColumn ?? null,
    scoreTransform: request.scoreTransform ?? 'none',
    costFp: request.costFp ?? DEFAULT_SETTINGS.costFp,
    costFn: request.costFn ?? DEFAULT_SETTINGS.costFn,
    prevalence: request.prevalence ?? null,
    groupColumn: request.groupColumn ?? null,
    groupStrategy: request.groupColumn ? (request.groupStrategy ?? 'single') : 'single',
    target: request.goal.kind === 'target' ? { kind: request.goal.target, value: request.goal.value, confidence: request.goal.confidence } : null,
  };
}

/** The evaluated cases of a scores-mode session, by the page's own pipeline (src/session/evaluated-cases), with their curve. */
export function scoresCases(dataset: Dataset, settings: Settings) {
  return withCurve(readScoresCases(dataset, settings));
}

function withCurve({ labels, cases }: ReturnType<typeof readScoresCases>) {
  return { labels, cases: { ...cases, curve: ScoreCurve.from(cases.scores, cases.labels, cases.weights ?? undefined) } };
}

/**
 * Drops the named columns (but `keep`) from the dataset. A function of its own: an interpreter
 * frame keeps every value it loaded until it returns, so the old column list goes with this one.
 */
function dropColumns(dataset: Dataset, names: readonly (string | null)[], keep: string | null): void {
  dataset.columns = dataset.columns.filter((c) => c.name === keep || !names.includes(c.name));
}

export function choosePoint(dataset: Dataset, request: ChooseRequest): OperatingPoint {
  const base = settingsFor(dataset, request);
  const read = readScoresCases(dataset, base);
  if (request.handOver) {
    // Read into the cases already; the groups and row costs read their own columns later.
    dropColumns(dataset, [base.scoreColumn, base.labelColumn, base.weightColumn], base.groupColumn);
    request.handOver.collect();
  }
  const { labels, cases } = withCurve(read);
  request.handOver?.collect();
  const { curve } = cases;
  let threshold: number;
  if (request.goal.kind === 'cost') {
    threshold = niceThresholdAtIndex(curve.thresholds, cheapestOperatingPoint(curve, base, base.prevalence, rowCostsOf(dataset, cases, base).costModel).index);
  } else {
    // The page's Targets card calls the same solver on the same curve: the same cutoff.
    const { target, value, confidence } = request.goal;
    const solved = solveConfidentTarget(curve, { kind: target, value, confidence, prevalence: base.prevalence ?? undefined });
    if (!solved.ok) throw new DataError(`${solved.message} (${dataset.fileName})`);
    threshold = solved.result.threshold;
  }
  const settings = { ...base, threshold };
  return exportPoint({
    toolVersion: request.toolVersion,
    createdAt: request.createdAt,
    dataset,
    labels,
    settings,
    cases,
    source: { kind: 'scores', scoreColumn: request.scoreColumn, weightColumn: settings.weightColumn, scoreTransform: cases.transform ?? null },
    guardrails: request.guardrails,
  });
}
