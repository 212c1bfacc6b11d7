/**
 * Every message between the page and its workers, as discriminated unions.
 * Large arrays travel as transferables: the sender gives them up.
 */
import type { Dataset } from './data/dataset';

/** The tfjs backends Cutoff can run on, fastest first where hardware allows. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';
export type BackendChoice = 'auto' | BackendName;

/** Options of one training run; every field is serialisable settings state. */
export interface TrainOptions {
  epochs: number;
  /** Weight of a positive example in the loss; null means neg/pos of the training split. */
  posWeight: number | null;
  learningRate: number;
  batchSize: number;
  /** Share of rows held out for validation, stratified by class. */
  validationFraction: number;
  seed: number;
  hiddenUnits: number[];
  backend: BackendChoice;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 20,
  posWeight: null,
  learningRate: 0.001,
  batchSize: 256,
  validationFraction: 0.2,
  seed: 42,
  hiddenUnits: [32, 16],
  backend: 'auto',
};

// ---------------------------------------------------------------- parse worker

export type ParseRequest = { type: 'parse'; requestId: number; file: File };

export type ParseEvent =
  | { type: 'progress'; requestId: number; bytesRead: number; totalBytes: number; rows: number }
  | { type: 'parsed'; requestId: number; dataset: Dataset }
  | { type: 'error'; requestId: number; message: string };

// ---------------------------------------------------------------- train worker

export type TrainRequest =
  | {
      type: 'train';
      runId: number;
      /** Row-major n × featureCount matrix; NaN marks a missing value. */
      features: Float32Array;
      featureCount: number;
      /** 1 = positive, 0 = negative, one per row. */
      labels: Uint8Array;
      options: TrainOptions;
    }
  | { type: 'cancel'; runId: number };

export type TrainEvent =
  | { type: 'backend'; runId: number; backend: BackendName; reason: string }
  | {
      type: 'split';
      runId: number;
      /** Row indices (into the request's rows) of the validation split, ascending. */
      validationIndices: Uint32Array;
      trainSize: number;
      /** The pos_weight actually used (resolved from null to neg/pos). */
      posWeight: number;
    }
  | {
      type: 'epoch';
      runId: number;
      epoch: number;
      epochs: number;
      trainLoss: number;
      validationLoss: number;
      /** Probabilities for the validation rows, in the order of validationIndices. */
      validationScores: Float32Array;
    }
  | { type: 'done'; runId: number; reason: 'completed' | 'cancelled'; epochsRun: number }
  | { type: 'error'; runId: number; message: string };
