import { DISTINCT_COUNT_CAP, MAX_LABEL_LEVELS, type NumericColumn } from './dataset';
import { readDate, type DateForm } from './date-cell';

/** What a text column's levels were found to be, when they all read as one kind of number. */
export interface LevelsAsNumbers {
  /** The number each level stands for, by code. */
  parsed: Float64Array;
  /** How the levels were read, for the columns table ("dates, ISO 8601 …"). */
  readAs: string;
  /** Set when the levels were dates. */
  dateForm?: DateForm;
}

/**
 * The levels of a text column read as dates, when every one is a date written one way; null
 * otherwise. Decided on the levels, not per row: a date column has one level per day at most,
 * and a single text cell (a comment, "unknown") keeps the column as text.
 */
export function levelsAsDates(levels: readonly string[]): LevelsAsNumbers | null {
  if (levels.length === 0) return null;
  const parsed = new Float64Array(levels.length);
  let form: DateForm | null = null;
  for (let i = 0; i < levels.length; i++) {
    const date = readDate(levels[i]);
    if (date === null) return null;
    if (form === null) form = date.form;
    // ISO dates and ISO date-times mix in one column (pandas writes midnight as a bare date).
    else if (date.form !== form && !(form.startsWith('ISO') && date.form.startsWith('ISO'))) return null;
    if (date.form === 'ISO 8601 date-time') form = date.form;
    parsed[i] = date.days;
  }
  if (form === null) return null;
  return { parsed, readAs: `read as dates (${form}): days since 1970-01-01`, dateForm: form };
}

/** The numeric column a text column becomes once its levels read as numbers. */
export function numericFromLevels(name: string, codes: Int32Array, found: LevelsAsNumbers, missing: number, errorCells: number): NumericColumn {
  const { parsed } = found;
  const values = new Float64Array(codes.length);
  let distinct: Set<number> | null = new Set();
  let infinite = 0;
  let firstInfiniteRow = -1;
  for (let i = 0; i < codes.length; i++) {
    const value = codes[i] < 0 ? Number.NaN : parsed[codes[i]];
    values[i] = value;
    if (value === Infinity || value === -Infinity) {
      if (infinite++ === 0) firstInfiniteRow = i;
    }
    if (distinct !== null && value === value) {
      distinct.add(value);
      if (distinct.size > DISTINCT_COUNT_CAP) distinct = null;
    }
  }
  return {
    kind: 'numeric',
    name,
    values,
    missing,
    distinct: distinct && distinct.size <= MAX_LABEL_LEVELS ? [...distinct].sort((a, b) => a - b).map(String) : null,
    distinctCount: distinct ? distinct.size : null,
    infinite,
    firstInfiniteRow,
    readAs: found.readAs,
    ...(found.dateForm ? { dateForm: found.dateForm } : {}),
    ...(errorCells > 0 ? { errorCells } : {}),
  };
}
