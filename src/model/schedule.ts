import type { TrainOptions } from './train-settings';
/**
 * How many rows each optimizer step sees and how many epochs a run makes, when the settings
 * leave them to the data. A fixed batch of 256 gives a 400-row file two steps an epoch, far
 * too few to learn anything; a batch near n/50 and enough epochs for a few hundred steps
 * trains small and large files alike, and early stopping ends the run once it stops helping.
 *
 * With early stopping on, the epoch count is only a ceiling: the validation loss decides when
 * a run ends. A ceiling of TARGET_STEPS steps cut small files off while they were still
 * improving (issue 23: a 1,500-row file with a non-linear signal stopped after 16 epochs at
 * ROC-AUC 0.77, where scikit-learn's MLP, allowed 300 epochs, reached 0.87). So the ceiling
 * also grants every run ROW_BUDGET rows seen in all — what the 10-epoch floor already gives a
 * 160,000-row file — which small files can afford: an epoch costs in proportion to its rows.
 * Files of 160,000 training rows and more keep exactly the schedule they had.
 */

/** Optimizer steps a default run aims for at least (before early stopping). */
export const TARGET_STEPS = 600;
/** Rows a default run with early stopping may show the network in all (10 epochs of 160,000 rows). */
export const ROW_BUDGET = 1_600_000;
/** Smallest and largest batch the data may pick. */
export const BATCH_RANGE: readonly [number, number] = [32, 512];
/** Fewest and most epochs the data may pick. */
export const EPOCH_RANGE: readonly [number, number] = [10, 300];

/** The batch size and epochs a run uses, and the steps they make. */
export interface Schedule {
  batchSize: number;
  epochs: number;
  stepsPerEpoch: number;
  /** stepsPerEpoch × epochs: the most steps the run takes. */
  steps: number;
}

const clamp = (v: number, [lo, hi]: readonly [number, number]): number => Math.min(hi, Math.max(lo, v));

/** A power of two near trainRows / 50 (nearest on a log scale), within BATCH_RANGE. */
export function adaptiveBatchSize(trainRows: number): number {
  return clamp(2 ** Math.round(Math.log2(Math.max(1, trainRows / 50))), BATCH_RANGE);
}

/**
 * Enough epochs of `batchSize` over `trainRows` rows for TARGET_STEPS steps and, when early
 * stopping will end the run (`earlyStopping`), for ROW_BUDGET rows seen; within EPOCH_RANGE.
 * Without early stopping the count is the run's length, not a ceiling, so it stays short.
 */
export function adaptiveEpochs(trainRows: number, batchSize: number, earlyStopping: boolean): number {
  const forSteps = Math.ceil(TARGET_STEPS / Math.max(1, Math.ceil(trainRows / batchSize)));
  const forRows = earlyStopping ? Math.ceil(ROW_BUDGET / Math.max(1, trainRows)) : 0;
  return clamp(Math.max(forSteps, forRows), EPOCH_RANGE);
}

/**
 * The schedule for `trainRows` training rows; null batch size or epochs follow the data.
 * `patience` > 0 means early stopping is on (the run validates and may stop before `epochs`).
 */
export function trainingSchedule(trainRows: number, batchSize: number | null, epochs: number | null, patience: number): Schedule {
  const batch = batchSize ?? adaptiveBatchSize(trainRows);
  const stepsPerEpoch = Math.max(1, Math.ceil(trainRows / batch));
  const e = epochs ?? adaptiveEpochs(trainRows, batch, patience > 0);
  return { batchSize: batch, epochs: e, stepsPerEpoch, steps: stepsPerEpoch * e };
}

/** Rows one model trains on: the training split in holdout mode, k−1 folds in cross-validation. */
export function trainingRowCount(labelledRows: number, evaluation: 'holdout' | 'cv', folds: number, validationFraction: number): number {
  if (evaluation === 'cv') return Math.floor((labelledRows * (folds - 1)) / folds);
  return labelledRows - Math.round(labelledRows * validationFraction);
}

/** The batch size, epochs and optimizer steps the settings give one model on `labelledRows` rows. */
export function trainingScheduleOf(
  settings: Pick<TrainOptions, 'evaluation' | 'folds' | 'validationFraction' | 'batchSize' | 'epochs' | 'patience'>,
  labelledRows: number,
): Schedule {
  const rows = trainingRowCount(labelledRows, settings.evaluation, settings.folds, settings.validationFraction);
  return trainingSchedule(rows, settings.batchSize, settings.epochs, settings.patience);
}
