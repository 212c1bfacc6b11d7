/**
 * Walks a table's rows as (score, label, weight, group) for the subcommands that evaluate:
 * columns resolved once, every cell checked, the recorded score mapping applied.
 */
import type { Cell, Table } from './table-reader';
import { columnIndex, labelOf, scoreOf, weightOf } from './cells';
import { InputError } from './errors';

export interface ScoredColumns {
  score: string;
  /** null: the file has no labels (a scoring job's output); every row is visited with label null. */
  label: string | null;
  weight: string | null;
  group: string | null;
}

export interface WalkSummary {
  rows: number;
  /** Rows left out because their label cell holds no value. */
  unlabelled: number;
}

export interface WalkOptions {
  scoreOption: string;
  labelOption: string;
  weightOption: string;
  transform: (raw: number) => number;
  /** Called with each mapped score before it is used: may refuse it (exit 2). */
  checkScore?: (score: number, row: number) => void;
  /** Rows read so far, after each batch. */
  onProgress?: (rows: number) => void;
}

/**
 * Calls `visit` for each labelled row, its label named as the page names it (labelOf). A row
 * whose label holds no value (blank, NA, …) is skipped and counted, as the page drops such
 * rows; a score that is not a number stops with exit 2.
 */
export async function walkScoredRows(
  table: Table,
  file: string,
  columns: ScoredColumns,
  options: WalkOptions,
  visit: (score: number, label: string | null, weight: number, group: string | null) => void,
): Promise<WalkSummary> {
  const named = [columns.score, columns.label, columns.weight, columns.group].filter((c): c is string => c !== null);
  // Refuse a missing, repeated or twice-named column before reading a single row.
  const used: [string, string | null][] = [
    [options.scoreOption, columns.score],
    [options.labelOption, columns.label],
    [options.weightOption, columns.weight],
    ['--group', columns.group],
  ];
  for (const [option, name] of used) if (name) columnIndex(table.columns, name, option, file, table.duplicated);
  for (let i = 0; i < used.length; i++) {
    const other = used.slice(0, i).find(([, name]) => name !== null && name === used[i][1]);
    if (other) throw new InputError(`${other[0]} and ${used[i][0]} both name the column "${used[i][1]}"; each needs its own column`);
  }
  let rows = 0;
  let unlabelled = 0;
  const comma = table.decimalComma;
  const { transform, checkScore } = options;
  // Label cells repeat a few values: the last two readings are kept (a binary label alternates).
  let lastCell: unknown = undefined;
  let lastLabel: string | null = null;
  let otherCell: unknown = undefined;
  let otherLabel: string | null = null;
  const labelOfCell = (cell: Cell): string | null => {
    if (cell === lastCell) return lastLabel;
    if (cell === otherCell) return otherLabel;
    otherCell = lastCell;
    otherLabel = lastLabel;
    lastCell = cell;
    lastLabel = labelOf(cell, comma);
    return lastLabel;
  };
  const one = (at: number, scoreCell: Cell, labelCell: Cell | undefined, weightCell: Cell | undefined, groupCell: Cell | undefined) => {
    let label: string | null = null;
    if (columns.label !== null) {
      label = labelOfCell(labelCell);
      if (label === null) {
        unlabelled++;
        return;
      }
    }
    const score = transform(scoreOf(scoreCell, at, columns.score, file, comma));
    checkScore?.(score, at);
    const weight = columns.weight ? weightOf(weightCell, at, columns.weight, file, comma) : 1;
    visit(score, label, weight, columns.group ? (labelOf(groupCell, comma) ?? '') : null);
    rows++;
  };
  const typed = { numbers: [columns.score], weights: columns.weight ? [columns.weight] : [] };
  for await (const batch of table.batches([...new Set(named)], { columnar: true, typed })) {
    const at = (name: string | null) => (name === null ? -1 : batch.layout.indexOf(name));
    const [s, l, w, g] = [at(columns.score), at(columns.label), at(columns.weight), at(columns.group)];
    if (batch.typed) {
      // Rows read in parallel: a finite number stands for its cell, a refused one is its text again.
      const cellsOf = (k: number): ((i: number) => Cell) => {
        const c = batch.typed?.[k];
        if (!c) return () => undefined;
        if ('codes' in c) return (i) => c.spellings[c.codes[i]];
        const texts = new Map(c.texts);
        return (i) => texts.get(i) ?? c.values[i];
      };
      const [sc, lc, wc, gc] = [cellsOf(s), cellsOf(l), cellsOf(w), cellsOf(g)];
      const n = batch.length ?? 0;
      for (let i = 0; i < n; i++) one(batch.firstRow + i, sc(i), lc(i), wc(i), gc(i));
      options.onProgress?.(batch.firstRow + n - 1);
      continue;
    }
    if (batch.columns) {
      const cols = batch.columns;
      const n = batch.length ?? 0;
      for (let i = 0; i < n; i++) one(batch.firstRow + i, cols[s][i], l >= 0 ? cols[l][i] : undefined, w >= 0 ? cols[w][i] : undefined, g >= 0 ? cols[g][i] : undefined);
      options.onProgress?.(batch.firstRow + n - 1);
      continue;
    }
    for (let i = 0; i < batch.rows.length; i++) {
      const row = batch.rows[i];
      if (row.length <= Math.max(s, l, w, g)) throw new InputError(`${file} row ${batch.firstRow + i} has ${row.length} cells but the header names ${table.columns.length}`);
      one(batch.firstRow + i, row[s], l >= 0 ? row[l] : undefined, w >= 0 ? row[w] : undefined, g >= 0 ? row[g] : undefined);
    }
    options.onProgress?.(batch.firstRow + batch.rows.length - 1);
  }
  if (rows === 0) throw new InputError(columns.label === null ? `${file} has no data rows` : `${file} has no rows with a label in "${columns.label}"`);
  return { rows, unlabelled };
}
