import type { Column } from './dataset';
import { mergeSpellings } from './label-spellings';
import { findRowIdColumns } from './row-ids';

export interface TidyColumns {
  columns: Column[];
  rowIdColumns: string[];
  /** One line per assumption made, for the page. */
  notes: string[];
}

/**
 * What every reader does once its columns are typed: merges the case spellings of
 * two-valued text columns, finds the row-id columns, and says what it assumed about blank,
 * repeated and index-like headers. `headers` are the names as the file wrote them.
 */
export function tidyColumns(typed: readonly Column[], headers: readonly string[], paddedCells: readonly number[]): TidyColumns {
  const notes: string[] = [];
  const columns = typed.map((column, i) => {
    if (column.kind !== 'categorical') return column;
    const merged = mergeSpellings(column, paddedCells[i] > 0);
    if (!merged) return column;
    notes.push(merged.note);
    return merged.column;
  });
  headers.forEach((header, i) => {
    if (header.trim() === '') notes.push(`Column ${i + 1} has no name in the header: it is shown as "${columns[i].name}".`);
  });
  // One pass over the header (a million-column header must not cost a million squared).
  const copiesOf = new Map<string, string[]>();
  headers.forEach((header, i) => {
    const name = header.trim();
    if (name === '') return;
    const copies = copiesOf.get(name);
    if (copies) copies.push(`"${columns[i].name}"`);
    else copiesOf.set(name, [`"${columns[i].name}"`]);
  });
  for (const [name, copies] of copiesOf) {
    if (copies.length > 1) notes.push(`The header names "${name}" ${copies.length} times: the columns are kept apart as ${copies.join(', ')}.`);
  }
  const rowIdColumns = findRowIdColumns(columns, headers);
  for (const name of rowIdColumns) notes.push(`"${name}" numbers the rows: marked row id and left out of the model (tick it in the columns table to use it).`);
  for (const column of columns) {
    if (column.errorCells) notes.push(`"${column.name}": ${column.errorCells} Excel error cell${column.errorCells === 1 ? '' : 's'} (#DIV/0!, #N/A, …) read as missing.`);
  }
  return { columns, rowIdColumns, notes };
}
