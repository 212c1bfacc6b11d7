import type { Dataset } from './dataset';
import { DataError } from './errors';
import { detectHeader, generatedNames, uniqueNames } from './header';
import { inferColumn } from './infer';

/** How many offending line numbers a ragged-rows message lists. */
const LINES_SHOWN = 5;

export interface BuildOptions {
  fileName: string;
  sha256: string;
  /** Override the header detection; undefined lets Cutoff decide. */
  hasHeader?: boolean;
}

/**
 * Turns parsed CSV rows into a typed Dataset, or throws a DataError that tells the user
 * exactly what is wrong with the file.
 */
export function buildDataset(rows: readonly (readonly string[])[], options: BuildOptions): Dataset {
  const nonEmpty = rows.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (nonEmpty.length === 0) throw new DataError(`${options.fileName} is empty: there are no rows to read.`);

  const hasHeader = options.hasHeader ?? detectHeader(nonEmpty);
  const body = hasHeader ? nonEmpty.slice(1) : nonEmpty;
  const width = nonEmpty[0].length;
  if (body.length === 0) {
    throw new DataError(`${options.fileName} has a header row but no data rows.`);
  }
  if (width < 2) {
    throw new DataError(
      `${options.fileName} has a single column. Cutoff needs a label column and at least one feature or score column; check the delimiter.`,
    );
  }
  assertRectangular(body, width, hasHeader ? 2 : 1);

  const names = hasHeader ? uniqueNames(nonEmpty[0]) : generatedNames(width);
  const columns = names.map((name, c) =>
    inferColumn(
      name,
      body.map((row) => row[c]),
    ),
  );
  const notes: string[] = [];
  if (!hasHeader) notes.push(`No header row found: columns were named ${names[0]} … ${names[names.length - 1]}.`);
  const blank = rows.length - nonEmpty.length;
  if (blank > 0) notes.push(`${blank} blank line${blank === 1 ? '' : 's'} skipped.`);
  return { fileName: options.fileName, rowCount: body.length, columns, hasHeader, notes, sha256: options.sha256 };
}

function assertRectangular(body: readonly (readonly string[])[], width: number, firstLine: number): void {
  const bad: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i].length !== width) bad.push(i + firstLine);
  }
  if (bad.length === 0) return;
  const shown = bad.slice(0, LINES_SHOWN).join(', ');
  const more = bad.length > LINES_SHOWN ? ` and ${bad.length - LINES_SHOWN} more` : '';
  throw new DataError(
    `${bad.length} row${bad.length === 1 ? ' does' : 's do'} not have ${width} fields like the first row (line${bad.length === 1 ? '' : 's'} ${shown}${more}).`,
  );
}
