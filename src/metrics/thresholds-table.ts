import { headerLine, numberCell } from '../data/csv-writer';
import { classWeights } from './class-weights';
import { metricsAtPrevalence } from './prevalence';
import type { CostModel } from './row-costs';
import type { ScoreCurve } from './score-curve';

/** More rows than this and the table keeps an evenly spaced subset (said in the file). */
export const MAX_TABLE_ROWS = 100_000;

export const THRESHOLDS_CSV_HEADER = ['threshold', 'tp', 'fp', 'tn', 'fn', 'tpr', 'fpr', 'precision', 'recall', 'f1', 'mcc', 'alarm_rate', 'expected_cost'] as const;

/**
 * The operating points the table lists: every distinct score (k = 1..size), or when there
 * are more than `maxRows`, an evenly spaced subset that always keeps the first and last.
 */
export function tableIndices(size: number, maxRows: number = MAX_TABLE_ROWS): Uint32Array {
  if (size <= maxRows) return Uint32Array.from({ length: size }, (_, i) => i + 1);
  const out = new Uint32Array(maxRows);
  for (let i = 0; i < maxRows; i++) out[i] = 1 + Math.round((i * (size - 1)) / (maxRows - 1));
  return out;
}

/**
 * Every threshold as CSV: threshold, the four counts, TPR, FPR, precision, recall, F1, MCC,
 * alarm rate and expected cost per case (under the cost model, so row costs are included).
 * Rates are at the assumed prevalence when one is given (the counts stay the data's). A
 * decimated table starts with a `#` line saying so. Formula-safe as the predictions CSV: only
 * numbers are written (a negative MCC is a number to a spreadsheet, not a formula), never text
 * from the data.
 */
export function thresholdsCsv(curve: ScoreCurve, costs: CostModel, prevalence: number | null, maxRows: number = MAX_TABLE_ROWS): string {
  const indices = tableIndices(curve.size, maxRows);
  const lines: string[] = [];
  if (indices.length < curve.size) {
    lines.push(`# decimated: ${indices.length} of ${curve.size} distinct scores, evenly spaced (the first and last kept)`);
  }
  lines.push(headerLine(THRESHOLDS_CSV_HEADER));
  const { wP, wN } = classWeights(curve, prevalence ?? undefined);
  const zero = { costFp: 0, costFn: 0 };
  for (const k of indices) {
    const c = curve.confusionAtIndex(k);
    const m = metricsAtPrevalence(c, zero, prevalence);
    const e = costs.errorCostsAtIndex(k);
    const cells = [curve.thresholdAtIndex(k), c.tp, c.fp, c.tn, c.fn, m.tpr, m.fpr, m.precision, m.recall, m.f1, m.mcc, m.queueRate, wP * e.missed + wN * e.alarms];
    lines.push(cells.map(numberCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
