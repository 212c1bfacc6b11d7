/**
 * The per-row predictions at the chosen operating point as CSV: the row's id (the file's own id
 * column, or the row number), score, group and the decision columns of the one decision rule
 * (src/decision/decision-rule), which `cutoff apply` writes too, under the same names.
 * Text cells are escaped so a spreadsheet never runs them.
 */
import type { Dataset } from '../data/dataset';
import { textCell, numberCell, headerLine } from '../data/csv-writer';
import { idColumnOf, rowIds } from '../data/row-ids';
import { groupCodesOf } from '../decision/decision-inputs';
import { DecisionRule } from '../decision/decision-rule';
import { bandNamesFor } from '../metrics/risk-bands';
import type { GroupSolution } from '../metrics/group-thresholds';
import { groupSolutionFor, exportedGroups, type DecisionSettings } from './decision-export';
import type { Settings } from './settings';

export interface PredictionRows {
  /** The id column's header: the file's id column's name, or `row` for 1-based row numbers. */
  idColumn: string;
  /** Row identifiers as text. */
  ids: readonly string[];
  scores: ArrayLike<number>;
  /** Each row's group value ('' when missing); null without a group column. */
  groups?: readonly string[] | null;
}

/** The header of the row-number column when the file has no id column of its own. */
export const ROW_NUMBER_COLUMN = 'row';

/** Quotes a text cell for CSV and defuses formula injection (the one CSV writer's textCell). */
export const escapeCsvCell = textCell;

/** Writes the predictions CSV, one line per row, header first. */
export function predictionsCsv(rows: PredictionRows, rule: DecisionRule): string {
  const groups = rule.groupColumn !== null ? (rows.groups ?? null) : null;
  // The group column keeps its own name, as in `cutoff apply`'s output (unless it is the id column).
  const groupHeader = groups && rule.groupColumn !== rows.idColumn ? [rule.groupColumn ?? ''] : [];
  const lines = [headerLine([rows.idColumn, 'score', ...groupHeader, ...rule.columns])];
  for (let i = 0; i < rows.ids.length; i++) {
    const score = rows.scores[i];
    const group = groups ? groups[i] : null;
    const cells = [textCell(rows.ids[i]), numberCell(score)];
    if (groupHeader.length > 0) cells.push(textCell(group ?? ''));
    cells.push(...rule.cells(rule.decide(score, group)));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

export type PageRuleSettings = DecisionSettings & Pick<Settings, 'threshold' | 'band'>;

/**
 * The page's rule: its threshold and review band, its risk bands as the export names them, and
 * its groups' thresholds as the export writes them, so the page decides each row as
 * `cutoff apply` decides it with the page's own export.
 */
export function pageDecisionRule(settings: PageRuleSettings, solution: GroupSolution | null): DecisionRule {
  return new DecisionRule({
    threshold: settings.threshold,
    band: settings.band,
    groups: solution && settings.groupColumn !== null ? exportedGroups(settings.groupColumn, solution, settings.threshold) : null,
    bands: settings.bandCuts.length > 0 ? { cuts: settings.bandCuts, names: bandNamesFor(settings.bandCuts, settings.bandNames) } : null,
  });
}

/**
 * The page's predictions.csv for its evaluated cases. `solved` is the groups' solution the
 * page's metrics worker holds; absent, it is solved here (as the export does).
 */
export function pagePredictionsCsv(dataset: Dataset, cases: Parameters<typeof groupSolutionFor>[1], settings: PageRuleSettings, solved?: GroupSolution | null): string {
  const solution = settings.groupColumn === null ? null : groupSolutionFor(dataset, cases, settings, settings.threshold, solved);
  const rule = pageDecisionRule(settings, solution);
  const idColumn = idColumnOf(dataset);
  let groups: string[] | null = null;
  const coded = rule.groupColumn === null ? null : groupCodesOf(dataset, rule.groupColumn, cases.rows);
  if (coded) groups = Array.from(coded.codes, (code) => (code >= 0 ? coded.levels[code] : ''));
  return predictionsCsv({ idColumn: idColumn?.name ?? ROW_NUMBER_COLUMN, ids: rowIds(dataset, cases.rows, idColumn), scores: cases.scores, groups }, rule);
}
