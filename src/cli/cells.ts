/** Reading score, label, weight and group cells of CSV text or typed Parquet values, as the page reads them. */
import { cellNumber as textNumber } from '../data/cell-value';
import { labelOfCell } from '../data/label-values';
import { parquetText } from '../data/parquet-file';
import { InputError } from './errors';
import type { Cell } from './table-reader';

/** The text of a cell as the page would show it (Parquet booleans as true/false, null as empty). */
export function cellText(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  return parquetText(cell) ?? '';
}

/** A cell as a number (NaN when it holds none), with a decimal comma in a `;` file. */
export function cellNumber(cell: Cell, decimalComma = false): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return textNumber(cell, decimalComma);
  if (typeof cell === 'bigint') return Number(cell);
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  // A Parquet DATE or TIMESTAMP: the page reads it from its ISO text as days since 1970-01-01.
  if (cell instanceof Date) return textNumber(parquetText(cell) ?? '', false);
  return Number.NaN;
}

/** The class a label cell names, as the page names it; null when the cell holds no value. */
export function labelOf(cell: Cell, decimalComma = false): string | null {
  if (typeof cell === 'string') return labelOfCell(cell, decimalComma);
  if (typeof cell === 'number' || typeof cell === 'bigint') return Number.isNaN(Number(cell)) ? null : String(Number(cell));
  return parquetText(cell);
}

/** The position of a named column, or exit 2 naming what there is (or that the name is there twice). */
export function columnIndex(layout: readonly string[], name: string, option: string, file: string, duplicated?: ReadonlySet<string>): number {
  if (duplicated?.has(name)) throw new InputError(`${file} has more than one column named "${name}"; rename all but one so ${option} names one column`);
  const index = layout.indexOf(name);
  if (index < 0) {
    const shown =
      layout
        .slice(0, 12)
        .map((c) => `"${c}"`)
        .join(', ') + (layout.length > 12 ? ', …' : '');
    throw new InputError(`${file} has no column "${name}" (it has ${shown}); name the right one with ${option}`);
  }
  return index;
}

/** A score that must be a finite number, or exit 2 naming the row. */
export function scoreOf(cell: Cell, row: number, column: string, file: string, decimalComma = false): number {
  const value = cellNumber(cell, decimalComma);
  if (!Number.isFinite(value)) {
    const text = cellText(cell);
    throw new InputError(`${file} row ${row}: the score in column "${column}" is ${text === '' ? 'empty' : `"${text.slice(0, 40)}"`}, not a number`);
  }
  return value;
}

/** A weight that must be a finite number >= 0, or exit 2 naming the row. */
export function weightOf(cell: Cell, row: number, column: string, file: string, decimalComma = false): number {
  const value = cellNumber(cell, decimalComma);
  if (!Number.isFinite(value) || value < 0) {
    throw new InputError(`${file} row ${row}: the weight in column "${column}" is "${cellText(cell).slice(0, 40)}", not a number >= 0`);
  }
  return value;
}
