/**
 * `cutoff apply POINT.json FILE [--model cutoff-model.zip]`: FILE's rows with `decision` (and
 * `review`, `risk_band`, `group_threshold` where the export sets them) added, streamed to stdout
 * as CSV. With --model, raw feature rows are first scored by the exported model (column `score`).
 * A row whose score is empty or not a finite number stops it (exit 2 naming the row).
 */
import type { OperatingPoint } from '../session/operating-point';
import { headerLine, numberCell, textCell } from '../data/csv-writer';
import { cellText, columnIndex, labelOf, scoreOf } from './cells';
import { DecisionRule } from '../decision/decision-rule';
import { EXIT, InputError } from './errors';
import type { Io } from './io';
import { loadPoint } from './load-point';
import { outOfRangeScore } from './score-range';
import { recordedTransform, transformScore } from './score-transform';
import { openTable, type Cell } from './table-reader';

export interface ApplyOptions {
  /** The workbook sheet FILE is read from (--sheet); the first visible one when absent. */
  sheet?: string;
  score?: string;
  model?: string;
  /** Replace output columns the input already has, instead of refusing. */
  overwrite?: boolean;
}

/** Scores batches of raw rows (cells by the table's columns); the --model path provides one. */
export interface BatchScorer {
  /** Columns the model reads, checked before any output. */
  needs: readonly string[];
  score(rows: Cell[][], columns: readonly string[], decimalComma: boolean): Promise<Float64Array>;
}

export async function runApply(pointPath: string, file: string, options: ApplyOptions, io: Io, scorer?: BatchScorer): Promise<number> {
  if (pointPath === '-' && file === '-') throw new InputError('POINT.json and FILE cannot both be - (standard input): name one of them as a file');
  const point: OperatingPoint = await loadPoint(pointPath, io.stdin);
  const rule = new DecisionRule(point);
  const recorded = recordedTransform(point);
  const transform = transformScore(recorded);
  const table = await openTable(file, io.stdin, options.sheet);
  try {
    const scoreColumn = options.score ?? (point.source.kind === 'scores' ? point.source.scoreColumn : 'score');
    const s = scorer ? -1 : columnIndex(table.columns, scoreColumn, '--score', file, table.duplicated);
    for (const name of scorer?.needs ?? []) columnIndex(table.columns, name, 'a column the model was trained on', file);
    const g = rule.groupColumn === null ? -1 : columnIndex(table.columns, rule.groupColumn, "the export's group column", file, table.duplicated);
    const extra: string[] = [...(scorer ? ['score'] : []), ...rule.columns];
    const clash = table.columns.filter((c) => extra.includes(c));
    if (clash.length > 0 && !options.overwrite) {
      throw new InputError(
        `${file} already has ${clash.map((c) => `"${c}"`).join(', ')}, a column apply writes (is it an earlier apply's output?): pass --overwrite to replace ${clash.length === 1 ? 'it' : 'them'}`,
      );
    }
    // With --overwrite the old columns are left out and written afresh at the end.
    const kept = table.columns.map((c, i) => (extra.includes(c) ? -1 : i)).filter((i) => i >= 0);
    await io.out(`${headerLine([...kept.map((i) => table.columns[i]), ...extra])}\n`);
    let done = 0;
    for await (const batch of table.batches()) {
      const scores = scorer ? await scorer.score(batch.rows, table.columns, table.decimalComma) : null;
      const lines: string[] = new Array<string>(batch.rows.length);
      for (let i = 0; i < batch.rows.length; i++) {
        const row = batch.rows[i];
        const raw = scores ? scores[i] : scoreOf(row[s], batch.firstRow + i, scoreColumn, file, table.decimalComma);
        const score = transform(raw);
        outOfRangeScore(score, batch.firstRow + i, scorer ? 'score' : scoreColumn, file, recorded !== null);
        const group = g >= 0 ? (labelOf(row[g], table.decimalComma) ?? '') : null;
        const cells = kept.map((k) => textCell(cellText(row[k])));
        if (scores) cells.push(numberCell(raw));
        // The decision columns of the one rule (src/decision/decision-rule), as the page writes them.
        cells.push(...rule.cells(rule.decide(score, group)));
        lines[i] = cells.join(',');
      }
      await io.out(`${lines.join('\n')}\n`);
      done += batch.rows.length;
      io.progress?.(done);
    }
  } finally {
    await table.close();
  }
  return EXIT.ok;
}
