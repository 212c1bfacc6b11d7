/**
 * Applies a fitted {@link Preprocessor} to rows of any table that has the columns it names —
 * the training file, or a new file scored with an exported model.
 */
import { DataError } from './errors';
import { stepInputs, type CategoricalStep, type NumericStep, type Preprocessor, type RawColumn } from './preprocess';

/**
 * Encodes `rows` of `columns` into a row-major Float32Array of rows.length × p.inputs.length.
 * Columns are found by name; a numeric column read where a categorical one was fitted is
 * compared as text, and a text column read where a numeric one was fitted must hold numbers.
 * Throws a DataError naming a missing or unusable column.
 */
export function applyPreprocessor(p: Preprocessor, columns: readonly RawColumn[], rows: Uint32Array): Float32Array {
  const byName = new Map<string, RawColumn>();
  for (const c of columns) if (!byName.has(c.name)) byName.set(c.name, c);
  const width = p.inputs.length;
  const out = new Float32Array(rows.length * width);
  let offset = 0;
  for (const step of p.steps) {
    const column = byName.get(step.column);
    if (!column) throw new DataError(`The model needs the column "${step.column}", which this file does not have.`);
    if (step.kind === 'numeric') writeNumeric(step, numericValues(column), rows, out, width, offset);
    else writeCategorical(step, column, rows, out, width, offset);
    offset += stepInputs(step).length;
  }
  return out;
}

function numericValues(column: RawColumn): Float64Array {
  if (column.kind === 'numeric') return column.values;
  const levelValues = column.levels.map((level) => (level.trim() === '' ? NaN : Number(level)));
  const bad = column.levels.find((level, i) => !Number.isFinite(levelValues[i]));
  if (bad !== undefined) throw new DataError(`The model reads "${column.name}" as numbers, but this file has the value "${bad}" there.`);
  return Float64Array.from(column.codes, (code) => (code >= 0 ? levelValues[code] : NaN));
}

function writeNumeric(step: NumericStep, values: Float64Array, rows: Uint32Array, out: Float32Array, width: number, offset: number): void {
  const { mean, std, median, useValue, indicator } = step;
  let at = offset;
  for (let k = 0; k < rows.length; k++, at += width) {
    const x = values[rows[k]];
    const present = Number.isFinite(x);
    let j = at;
    if (useValue) out[j++] = ((present ? x : median) - mean) / std;
    if (indicator) out[j] = present ? 0 : 1;
  }
}

function writeCategorical(step: CategoricalStep, column: RawColumn, rows: Uint32Array, out: Float32Array, width: number, offset: number): void {
  const slot = new Map<string, number>();
  step.levels.forEach((level, i) => slot.set(level, i));
  const other = step.other ? step.levels.length : -1;
  const indicator = step.indicator ? step.levels.length + (step.other ? 1 : 0) : -1;
  const modeSlot = slot.get(step.mode) ?? other;
  // Resolve each of the column's own levels to an input slot once, not once per row.
  const slotOf = (text: string): number => slot.get(text) ?? other;
  let codeSlots: Int32Array;
  let codes: Int32Array;
  if (column.kind === 'categorical') {
    codeSlots = Int32Array.from(column.levels, slotOf);
    codes = column.codes;
  } else {
    const texts: string[] = [];
    const index = new Map<number, number>();
    codes = new Int32Array(column.values.length);
    for (let i = 0; i < column.values.length; i++) {
      const v = column.values[i];
      if (!Number.isFinite(v)) {
        codes[i] = -1;
        continue;
      }
      let code = index.get(v);
      if (code === undefined) {
        code = texts.push(String(v)) - 1;
        index.set(v, code);
      }
      codes[i] = code;
    }
    codeSlots = Int32Array.from(texts, slotOf);
  }
  let at = offset;
  for (let k = 0; k < rows.length; k++, at += width) {
    const code = codes[rows[k]];
    const s = code >= 0 ? codeSlots[code] : modeSlot;
    // An unseen level with no "other" input sets no level input at all.
    if (s >= 0) out[at + s] = 1;
    if (code < 0 && indicator >= 0) out[at + indicator] = 1;
  }
}
