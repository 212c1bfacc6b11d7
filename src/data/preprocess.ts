/**
 * The model's input encoding, fitted on the training rows only and saved with the model:
 * numeric columns are imputed with their median (plus a missing-indicator input) and
 * standardised; categorical columns are one-hot encoded with rare levels folded into "other"
 * and missing values imputed with the mode (plus a missing-indicator input); columns that
 * carry no information are dropped with a note. Plain JSON, so the export is this object.
 */
import type { DateForm } from './date-cell';
import { median } from './median';
import { stepInputs, type CategoricalStep, type NumericStep, type PreprocessStep, type Preprocessor } from './preprocess-schema';

export { stepInputs, type CategoricalStep, type NumericStep, type PreprocessStep, type Preprocessor };

/** A column as the preprocessing reads it; `Column` from dataset.ts is one. */
export type RawColumn =
  | { kind: 'numeric'; name: string; /** NaN marks a missing value. */ values: Float64Array; /** Set for dates read as days since 1970-01-01. */ dateForm?: DateForm }
  | { kind: 'categorical'; name: string; /** −1 marks a missing value. */ codes: Int32Array; levels: string[] };

/** Limits of {@link fitPreprocessor}. */
export interface PreprocessOptions {
  /** Most inputs one categorical column may get, "other" included. */
  maxLevels: number;
  /** A categorical column with more distinct values than this share of its present rows is an identifier. */
  identifierShare: number;
}

/** At most 20 inputs per text column; more distinct values than half the rows is an identifier. */
export const DEFAULT_PREPROCESS_OPTIONS: PreprocessOptions = { maxLevels: 20, identifierShare: 0.5 };

const FOLDED_EXAMPLES = 8;

/** Fits the preprocessing on `rows` (the training rows) of `columns`. */
export function fitPreprocessor(columns: readonly RawColumn[], rows: Uint32Array, options: PreprocessOptions = DEFAULT_PREPROCESS_OPTIONS): Preprocessor {
  const steps: PreprocessStep[] = [];
  const dropped: { column: string; reason: string }[] = [];
  const notes: string[] = [];
  for (const column of columns) {
    const fitted = column.kind === 'numeric' ? fitNumeric(column.name, column.values, rows) : fitCategorical(column, rows, options);
    // A date is one number (its day), never one input per day: say so, since the user may expect either.
    if (column.kind === 'numeric' && column.dateForm && !('reason' in fitted))
      notes.push(`"${column.name}" holds dates (${column.dateForm}): it enters the model as one number, days since 1970-01-01.`);
    if ('reason' in fitted) dropped.push({ column: column.name, reason: fitted.reason });
    else {
      steps.push(fitted.step);
      if (fitted.note) notes.push(fitted.note);
    }
  }
  for (const d of dropped) notes.push(`Dropped "${d.column}": ${d.reason}.`);
  return { version: 1, steps, inputs: steps.flatMap(stepInputs), dropped, notes };
}

type Fitted<S> = { step: S; note: string | null } | { reason: string };

function fitNumeric(name: string, values: Float64Array, rows: Uint32Array): Fitted<NumericStep> {
  const present = new Float64Array(rows.length);
  let n = 0;
  let sum = 0;
  for (let k = 0; k < rows.length; k++) {
    const x = values[rows[k]];
    if (!Number.isFinite(x)) continue;
    present[n++] = x;
    sum += x;
  }
  if (n === 0) return { reason: 'no value in the training rows' };
  const mean = sum / n;
  // Two passes (numpy's way): deviations from the mean, so a large mean cancels nothing, and
  // no division per row as Welford's one-pass update needs.
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const deviation = present[i] - mean;
    squares += deviation * deviation;
  }
  const missing = rows.length - n;
  const std = Math.sqrt(squares / n);
  const indicator = missing > 0;
  const constant = !(std > 0 && Number.isFinite(std));
  if (constant && !indicator) return { reason: 'constant on the training rows' };
  const step: NumericStep = { kind: 'numeric', column: name, useValue: !constant, mean, std: constant ? 1 : std, median: median(present.subarray(0, n)), indicator };
  const note = constant ? `"${name}" is constant where present: only whether it is missing is used.` : null;
  return { step, note };
}

function fitCategorical(column: Extract<RawColumn, { kind: 'categorical' }>, rows: Uint32Array, options: PreprocessOptions): Fitted<CategoricalStep> {
  const counts = new Float64Array(column.levels.length);
  let missing = 0;
  for (let k = 0; k < rows.length; k++) {
    const code = column.codes[rows[k]];
    if (code >= 0) counts[code]++;
    else missing++;
  }
  const seen: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c] > 0) seen.push(c);
  const present = rows.length - missing;
  if (seen.length === 0) return { reason: 'no value in the training rows' };
  if (seen.length === 1 && missing === 0) return { reason: 'constant on the training rows' };
  if (seen.length > options.maxLevels && seen.length > options.identifierShare * present) {
    return { reason: `looks like an identifier (${seen.length} distinct values in ${present} training rows)` };
  }
  // Most frequent first; ties in level order, so the encoding does not depend on row order.
  seen.sort((a, b) => counts[b] - counts[a] || (column.levels[a] < column.levels[b] ? -1 : column.levels[a] > column.levels[b] ? 1 : 0));
  const mode = column.levels[seen[0]];
  const indicator = missing > 0;
  if (seen.length === 1) {
    const step: CategoricalStep = { kind: 'categorical', column: column.name, levels: [], other: false, foldedCount: 0, mode, indicator };
    return { step, note: `"${column.name}" has one value where present: only whether it is missing is used.` };
  }
  const fold = seen.length > options.maxLevels;
  const kept = fold ? seen.slice(0, options.maxLevels - 1) : seen;
  const folded = fold ? seen.slice(options.maxLevels - 1) : [];
  const step: CategoricalStep = {
    kind: 'categorical',
    column: column.name,
    levels: kept.map((c) => column.levels[c]),
    other: fold,
    foldedCount: folded.length,
    mode,
    indicator,
  };
  let note: string | null = null;
  if (fold) {
    const examples = folded.slice(0, FOLDED_EXAMPLES).map((c) => `"${column.levels[c]}"`);
    const more = folded.length > FOLDED_EXAMPLES ? `, … and ${folded.length - FOLDED_EXAMPLES} more` : '';
    note = `"${column.name}": the ${folded.length} rarest of ${seen.length} values were folded into "other" (${examples.join(', ')}${more}).`;
  }
  return { step, note };
}
