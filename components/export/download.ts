import { exportSource, stabilityExport } from '../../src/session/export-source';
import type { ThresholdStability } from '../../src/metrics/threshold-stability';
import type { Dataset } from '../../src/data/dataset';
import { pagePredictionsCsv } from '../../src/session/predictions-csv';
import type { GroupSolution } from '../../src/metrics/group-thresholds';
import type { ScoreCurve } from '../../src/metrics';
import type { Guardrails } from '../../src/decision/guardrails';
import type { CostModel } from '../../src/metrics/row-costs';
import { thresholdsCsv } from '../../src/metrics/thresholds-table';
import type { LabelVector } from '../../src/data/label';
import { serializeOperatingPoint, type OperatingPoint } from '../../src/session/operating-point';
import { renderReport, REPORT_FILE_NAME } from '../../src/report/report-html';
import { exportPoint } from '../../src/session/export-point';

export { guardrailsFor } from '../../src/session/export-point';
import type { Settings } from '../../src/session/settings';
import type { BootstrapIntervals } from '../hooks/useBootstrap';
import type { Evaluation } from '../hooks/useEvaluation';
import type { TrainingState } from '../hooks/useTrainer';

declare const __APP_VERSION__: string;

export interface ExportContext {
  dataset: Dataset;
  labels: LabelVector;
  settings: Settings;
  evaluation: Evaluation;
  training: TrainingState;
  features: string[];
  bootstrap: BootstrapIntervals | null;
  /** Floors typed in the export panel; an absent one takes its default (see defaultGuardrails). */
  guardrails?: Partial<Guardrails>;
  /** The threshold stability the page shows; null while it is computed or without a trained model. */
  stability?: ThresholdStability | null;
  /** The groups' thresholds the page's metrics worker solved for these settings; absent: solved here. */
  groupSolution?: GroupSolution | null;
  /** The Compare view's second model and its paired test, when one is shown. */
  comparison?: OperatingPoint['comparison'];
}

/** The operating point the page shows, assembled as the export writes it. */
export function pagePoint(context: ExportContext): OperatingPoint {
  const { dataset, labels, settings, evaluation, training } = context;
  return exportPoint({
    toolVersion: __APP_VERSION__,
    createdAt: new Date(),
    dataset,
    labels,
    settings,
    cases: evaluation,
    source: exportSource(settings, training, { sha256: dataset.sha256, transform: evaluation.transform, features: context.features }),
    guardrails: context.guardrails,
    groupSolution: context.groupSolution,
    extraIntervals: bootstrapIntervals(context.bootstrap),
    ...(settings.mode === 'train' && !training.importedModelInfo ? { stability: stabilityExport(context.stability ?? null) } : {}),
    ...(context.comparison ? { comparison: context.comparison } : {}),
  });
}

/** Writes the operating point the page shows as operating-point.json and offers it as a download. */
export function downloadOperatingPoint(context: ExportContext): void {
  offerDownload(serializeOperatingPoint(pagePoint(context)), 'operating-point.json', 'application/json');
}

/** The decision report of the point the page shows, by the renderer `cutoff report` uses. */
export function downloadReport(context: ExportContext): void {
  offerDownload(renderReport(pagePoint(context), new Date()), REPORT_FILE_NAME, 'text/html');
}

/** Writes each evaluated case's score and decision columns (those `cutoff apply` writes) at the shown point as CSV. */
export function downloadPredictions(dataset: Dataset, evaluation: Evaluation, settings: Settings, groupSolution?: GroupSolution | null): void {
  offerDownload(pagePredictionsCsv(dataset, evaluation, settings, groupSolution), 'predictions.csv', 'text/csv');
}

/** Writes the metrics at every threshold (row costs included) as thresholds.csv. */
export function downloadThresholdsCsv(curve: ScoreCurve, costModel: CostModel, prevalence: number | null): void {
  offerDownload(thresholdsCsv(curve, costModel, prevalence), 'thresholds.csv', 'text/csv');
}

/** Offers the exported model archive (from the train worker) as a download. */
export function downloadModel(zip: ArrayBuffer, fileName: string): void {
  offerDownload(zip, fileName, 'application/zip');
}

function offerDownload(content: string | ArrayBuffer, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The page's bootstrap intervals of ROC-AUC and AP, once done. */
function bootstrapIntervals(bootstrap: BootstrapIntervals | null) {
  const out: Record<string, { low: number; high: number; level: number; method: string }> = {};
  if (bootstrap) {
    const method = `stratified bootstrap, ${bootstrap.replicates} replicates`;
    if (Number.isFinite(bootstrap.rocAuc.low)) out.rocAuc = { ...bootstrap.rocAuc, level: bootstrap.confidence, method };
    if (Number.isFinite(bootstrap.averagePrecision.low)) out.averagePrecision = { ...bootstrap.averagePrecision, level: bootstrap.confidence, method };
  }
  return out;
}
