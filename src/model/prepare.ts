/**
 * Everything a run needs before its first step, and nothing that depends on the loss:
 * checked options, the stratified split, the preprocessing fitted on the training rows only,
 * and both splits encoded. A pos_weight sweep prepares once and trains many times.
 */
import { fitPreprocessor, type Preprocessor } from '../data/preprocess';
import { applyPreprocessor } from '../data/preprocess-apply';
import { stratifiedSplit, type Split } from '../data/split';
import type { TrainingData, TrainOptions } from './train-protocol';
import type { LossWeights } from './losses';
import type { SplitRows } from './rows';
import { splitRows } from './rows';
import { trainingSchedule, type Schedule } from './schedule';

/** Raised for conditions the user should read as they are (bad settings, unusable data). */
export class TrainingStop extends Error {}

/** One split, encoded. */
export interface EncodedSplit {
  /** Positions in the request's rows, ascending. */
  positions: Uint32Array;
  /** Row-major positions.length × inputs. */
  x: Float32Array;
  /** 0/1 labels. */
  y: Float32Array;
}

/** The loss-independent part of a run. */
export interface PreparedRun {
  preprocessor: Preprocessor;
  inputCount: number;
  train: EncodedSplit;
  validation: EncodedSplit;
  trainPositives: number;
  trainNegatives: number;
  /** Indices into `train` of its positive rows (for oversampling). */
  trainPositiveRows: Uint32Array;
  /** Batch size and epochs, resolved for the training split where the options leave them to the data. */
  schedule: Schedule;
}

/** Checks options, with messages a user can act on. */
export function checkOptions(o: TrainOptions): void {
  if (o.epochs !== null && (!Number.isInteger(o.epochs) || o.epochs < 1)) throw new TrainingStop(`epochs must be a positive integer, got ${o.epochs}`);
  if (o.batchSize !== null && (!Number.isInteger(o.batchSize) || o.batchSize < 1)) throw new TrainingStop(`batch size must be a positive integer, got ${o.batchSize}`);
  if (!(o.learningRate > 0) || !Number.isFinite(o.learningRate)) throw new TrainingStop(`learning rate must be positive, got ${o.learningRate}`);
  if (o.posWeight !== null && (!(o.posWeight > 0) || !Number.isFinite(o.posWeight))) throw new TrainingStop(`pos_weight must be positive, got ${o.posWeight}`);
  if (!(o.validationFraction > 0 && o.validationFraction < 1)) {
    throw new TrainingStop(`validation fraction must be between 0 and 1, got ${o.validationFraction}`);
  }
  if (!Number.isInteger(o.patience) || o.patience < 0) throw new TrainingStop(`patience must be a whole number ≥ 0, got ${o.patience}`);
}

function checkData(data: TrainingData): void {
  if (data.labels.length !== data.rows.length) throw new TrainingStop(`there are ${data.rows.length} rows but ${data.labels.length} labels`);
  const rows = data.rows;
  let maxRow = -1;
  for (let k = 0; k < rows.length; k++) if (rows[k] > maxRow) maxRow = rows[k];
  for (const c of data.columns) {
    const length = c.kind === 'numeric' ? c.values.length : c.codes.length;
    if (maxRow >= length) throw new TrainingStop(`column "${c.name}" has ${length} values, but row ${maxRow} was asked for`);
  }
}

/**
 * Splits, fits the preprocessing on the training split, and encodes both splits; `timed`, when
 * given, receives the milliseconds of the split and of the rest (the run's timing line).
 */
export function prepareRun(data: TrainingData, options: TrainOptions, timed?: { splitMs: number; preprocessMs: number }): PreparedRun {
  checkOptions(options);
  const began = performance.now();
  const split = stratifiedSplit(data.labels, options.validationFraction, options.seed);
  const splitAt = performance.now();
  const prepared = prepareSplit(data, options, split);
  if (timed) Object.assign(timed, { splitMs: splitAt - began, preprocessMs: performance.now() - splitAt });
  return prepared;
}

/**
 * Prepares a given split (positions into the request's rows): one fold of a cross-validation,
 * or every row with an empty validation part for the final refit.
 */
export function prepareSplit(data: TrainingData, options: TrainOptions, split: Split): PreparedRun {
  checkData(data);
  const refit = split.validation.length === 0;
  // Locals, not data.labels / data.rows in the loops: the property loads cost more than the loops' work.
  const { labels, rows: requestRows } = data;
  const positivesAmong = (positions: Uint32Array): number => {
    let count = 0;
    for (let k = 0; k < positions.length; k++) if (labels[positions[k]] === 1) count++;
    return count;
  };
  const trainPositives = positivesAmong(split.train);
  const trainNegatives = split.train.length - trainPositives;
  const validationPositives = positivesAmong(split.validation);
  if (trainPositives === 0 || trainNegatives === 0 || (!refit && (validationPositives === 0 || validationPositives === split.validation.length))) {
    throw new TrainingStop(`need at least 2 positive and 2 negative rows to train and validate (training split has ${trainPositives} positive, ${trainNegatives} negative)`);
  }
  // Plain loops: a typed array's from() with a map function is several times slower on 200,000 rows.
  const datasetRows = (positions: Uint32Array): Uint32Array => {
    const out = new Uint32Array(positions.length);
    for (let k = 0; k < positions.length; k++) out[k] = requestRows[positions[k]];
    return out;
  };
  const labelsOf = (positions: Uint32Array): Float32Array => {
    const out = new Float32Array(positions.length);
    for (let k = 0; k < positions.length; k++) out[k] = labels[positions[k]] === 1 ? 1 : 0;
    return out;
  };
  const trainRows = datasetRows(split.train);
  const preprocessor = fitPreprocessor(data.columns, trainRows);
  if (preprocessor.inputs.length === 0) {
    throw new TrainingStop(`no column is usable as a model input: ${preprocessor.dropped.map((d) => `"${d.column}" (${d.reason})`).join(', ')}`);
  }
  const encode = (positions: Uint32Array, rows: Uint32Array): EncodedSplit => ({
    positions,
    x: applyPreprocessor(preprocessor, data.columns, rows),
    y: labelsOf(positions),
  });
  const train = encode(split.train, trainRows);
  const positives = new Uint32Array(trainPositives);
  for (let i = 0, p = 0; i < train.y.length; i++) if (train.y[i] === 1) positives[p++] = i;
  return {
    preprocessor,
    inputCount: preprocessor.inputs.length,
    train,
    validation: encode(split.validation, datasetRows(split.validation)),
    trainPositives,
    trainNegatives,
    trainPositiveRows: positives,
    schedule: trainingSchedule(train.positions.length, options.batchSize, options.epochs, refit ? 0 : options.patience),
  };
}

/** A split with the loss's batch weights attached, ready for batching. */
export function weightedRows(split: EncodedSplit, inputCount: number, weights: LossWeights): SplitRows {
  return splitRows(split.x, inputCount, split.y, weights);
}
