/** Reading score, label, weight and group cells of CSV text or typed Parquet values. */
import { readNumber } from '../data/number-cell';
import { InputError } from './errors';
import type { Cell } from './table-reader';

/** The text of a cell as the page would show it (Parquet booleans as true/false, null as empty). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'bigint' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return cell.toISOString();
  return JSON.stringify(cell, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}

/** A cell as a finite number, NaN when it is not one. */
export function cellNumber(cell: Cell): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return readNumber(cell);
  if (typeof cell === 'bigint') return Number(cell);
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  return Number.NaN;
}

/** The position of a named column, or exit 2 naming what there is. */
export function columnIndex(layout: readonly string[], name: string, option: string, file: string): number {
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
export function scoreOf(cell: Cell, row: number, column: string, file: string): number {
  const value = cellNumber(cell);
  if (!Number.isFinite(value)) {
    const text = cellText(cell);
    throw new InputError(`${file} row ${row}: the score in column "${column}" is ${text === '' ? 'empty' : `"${text.slice(0, 40)}"`}, not a number`);
  }
  return value;
}

/** A weight that must be a finite number >= 0, or exit 2 naming the row. */
export function weightOf(cell: Cell, row: number, column: string, file: string): number {
  const value = cellNumber(cell);
  if (!Number.isFinite(value) || value < 0) {
    throw new InputError(`${file} row ${row}: the weight in column "${column}" is "${cellText(cell).slice(0, 40)}", not a number >= 0`);
  }
  return value;
}
