/**
 * Walks a table's rows as (score, label, weight, group) for the subcommands that evaluate:
 * columns resolved once, every cell checked, the recorded score mapping applied.
 */
import type { Table } from './table-reader';
import { columnIndex, labelOf, scoreOf, weightOf } from './cells';
import { InputError } from './errors';

export interface ScoredColumns {
  score: string;
  label: string;
  weight: string | null;
  group: string | null;
}

export interface ScoredRow {
  score: number;
  label: string;
  weight: number;
  group: string | null;
}

export interface WalkSummary {
  rows: number;
  /** Rows left out because their label cell is empty. */
  unlabelled: number;
}

/**
 * Calls `visit` for each labelled row, its label named as the page names it (labelOf). A row
 * whose label holds no value (blank, NA, …) is skipped and counted (the page drops such rows too); a score that is not a number stops with exit 2.
 */
export async function walkScoredRows(
  table: Table,
  file: string,
  columns: ScoredColumns,
  options: { scoreOption: string; labelOption: string; weightOption: string; transform: (raw: number) => number },
  visit: (score: number, label: string, weight: number, group: string | null) => void,
): Promise<WalkSummary> {
  const wanted = [columns.score, columns.label, ...(columns.weight ? [columns.weight] : []), ...(columns.group ? [columns.group] : [])];
  // Refuse a missing column before reading a single row.
  columnIndex(table.columns, columns.score, options.scoreOption, file);
  columnIndex(table.columns, columns.label, options.labelOption, file);
  if (columns.weight) columnIndex(table.columns, columns.weight, options.weightOption, file);
  if (columns.group) columnIndex(table.columns, columns.group, '--group', file);
  let rows = 0;
  let unlabelled = 0;
  const comma = table.decimalComma;
  // Label cells repeat a few values: the last one's reading is kept.
  let lastCell: unknown = undefined;
  let lastLabel: string | null = null;
  const labelOfCell = (cell: unknown): string | null => {
    if (cell !== lastCell) {
      lastCell = cell;
      lastLabel = labelOf(cell, comma);
    }
    return lastLabel;
  };
  for await (const batch of table.batches([...new Set(wanted)], { columnar: true })) {
    const s = batch.layout.indexOf(columns.score);
    const l = batch.layout.indexOf(columns.label);
    const w = columns.weight ? batch.layout.indexOf(columns.weight) : -1;
    const g = columns.group ? batch.layout.indexOf(columns.group) : -1;
    const transform = options.transform;
    if (batch.columns) {
      const [sc, lc] = [batch.columns[s], batch.columns[l]];
      const wc = w >= 0 ? batch.columns[w] : null;
      const gc = g >= 0 ? batch.columns[g] : null;
      const n = batch.length ?? 0;
      for (let i = 0; i < n; i++) {
        const at = batch.firstRow + i;
        const label = labelOfCell(lc[i]);
        if (label === null) {
          unlabelled++;
          continue;
        }
        const score = transform(scoreOf(sc[i], at, columns.score, file, comma));
        const weight = wc ? weightOf(wc[i], at, columns.weight ?? '', file, comma) : 1;
        visit(score, label, weight, gc ? (labelOf(gc[i], comma) ?? '') : null);
        rows++;
      }
      continue;
    }
    for (let i = 0; i < batch.rows.length; i++) {
      const row = batch.rows[i];
      const at = batch.firstRow + i;
      if (row.length <= Math.max(s, l, w, g)) throw new InputError(`${file} row ${at} has ${row.length} cells but the header names ${table.columns.length}`);
      const label = labelOfCell(row[l]);
      if (label === null) {
        unlabelled++;
        continue;
      }
      const score = transform(scoreOf(row[s], at, columns.score, file, comma));
      const weight = w >= 0 ? weightOf(row[w], at, columns.weight ?? '', file, comma) : 1;
      visit(score, label, weight, g >= 0 ? (labelOf(row[g], comma) ?? '') : null);
      rows++;
    }
  }
  if (rows === 0) throw new InputError(`${file} has no rows with a label in "${columns.label}"`);
  return { rows, unlabelled };
}
