/**
 * The per-row predictions at the chosen operating point as CSV: row id, score, decision and,
 * in three-way mode, the band. Text cells are escaped so a spreadsheet never runs them.
 */
import { textCell, numberCell, headerLine } from '../data/csv-writer';
import { bandIndexOf } from '../metrics/risk-bands';

export interface PredictionRows {
  /** Row identifiers as text (an id column's values, or 1-based row numbers). */
  ids: readonly string[];
  scores: ArrayLike<number>;
  /** Per row: its group and that group's threshold (used instead of the rule's threshold). */
  groups?: { names: readonly string[]; thresholds: ArrayLike<number> } | null;
  /** Named risk bands: band i holds cuts[i−1] <= score < cuts[i]. */
  riskBands?: { cuts: readonly number[]; names: readonly string[] } | null;
}

export interface DecisionRule {
  threshold: number;
  /** Inconclusive band [lower, upper): cases there go to review. */
  band: { lower: number; upper: number } | null;
}

/** Quotes a text cell for CSV and defuses formula injection (the one CSV writer's textCell). */
export const escapeCsvCell = textCell;

/** The decision for one score: positive when score >= threshold, unless it falls in the band. */
export function decide(score: number, rule: DecisionRule): 'positive' | 'negative' | 'review' {
  if (rule.band && score >= rule.band.lower && score < rule.band.upper) return 'review';
  return score >= rule.threshold ? 'positive' : 'negative';
}

/** Writes the predictions CSV, one line per row, header first. */
export function predictionsCsv(rows: PredictionRows, rule: DecisionRule): string {
  const { groups, riskBands } = rows;
  const header = ['id', 'score', ...(groups ? ['group', 'group_threshold'] : []), 'decision', ...(rule.band ? ['band'] : []), ...(riskBands ? ['risk_band'] : [])];
  const lines = [headerLine(header)];
  for (let i = 0; i < rows.ids.length; i++) {
    const score = rows.scores[i];
    const decision = decide(score, groups ? { ...rule, threshold: groups.thresholds[i] } : rule);
    const cells = [textCell(rows.ids[i]), numberCell(score)];
    if (groups) cells.push(textCell(groups.names[i]), numberCell(groups.thresholds[i]));
    cells.push(decision);
    if (rule.band) cells.push(decision === 'review' ? 'inside' : 'outside');
    if (riskBands) cells.push(textCell(riskBands.names[bandIndexOf(score, riskBands.cuts)] ?? ''));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
