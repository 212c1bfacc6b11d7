/**
 * The messages between the page and the training worker, as discriminated unions. Large
 * arrays travel as transferables: the sender gives them up.
 */
import type { RawColumn } from '../data/preprocess';
import type { PreparedCurve } from '../metrics/curve-view';
import type { ImportedModelInfo } from './imported-model';
import type { WorkerTimings } from './run-timings';
import type { BackendChoice, BackendName, TrainOptions } from './train-settings';

export type { BackendChoice, BackendName, LossName, TrainOptions } from './train-settings';

/** The rows a model learns from or scores: whole feature columns, the rows to use, a 0/1 label per such row. */
export interface TrainingData {
  columns: RawColumn[];
  /** Row indices into the columns (the labelled rows), ascending. */
  rows: Uint32Array;
  /** 1 = positive, 0 = negative, one per entry of rows. */
  labels: Uint8Array;
}

/** A column the page staged in the worker earlier ('stage'), named by its id instead of sent again. */
export interface StagedColumn {
  staged: number;
}

/** TrainingData as the page posts it: each column in full, or the id of one staged earlier. */
export interface SentTrainingData extends Omit<TrainingData, 'columns'> {
  columns: (RawColumn | StagedColumn)[];
}

/** What the page knows about the data, written into an exported model. */
export interface ModelContext {
  fileName: string;
  labelColumn: string;
  positiveValue: string;
  toolVersion: string;
  /** The training file's SHA-256, written into the model card. */
  sha256?: string;
}

/**
 * Page → train worker, with the training data whole (`Data` = SentTrainingData: as posted,
 * where a column may be one staged earlier; the worker resolves it on arrival).
 */
export type TrainRequest<Data = TrainingData> =
  | { type: 'train'; runId: number; data: Data; options: TrainOptions }
  /** Trains one model per pos_weight (null: 1, √r, r, 2r with r = neg/pos) and reports each. */
  | { type: 'sweep'; runId: number; data: Data; options: TrainOptions; weights: number[] | null }
  | { type: 'cancel'; runId: number }
  /**
   * Starts tfjs and the backend for `backend` now, so the first Train does not wait for them;
   * `known`: what 'auto' chose earlier in this session (not measured again). Answered by 'backend'.
   */
  | { type: 'warm'; runId: number; backend: BackendChoice; known: { backend: BackendName; reason: string; details: string } | null }
  /** Exports the model of the last completed 'train' as a zip of model.json, weights and preprocessing. */
  | { type: 'export'; runId: number; context: ModelContext }
  /** Loads an exported model (a zip, or its files) and scores every row of `data`. */
  | { type: 'score'; runId: number; files: File[]; data: Data; options: Pick<TrainOptions, 'backend' | 'threshold'> }
  /**
   * Keeps the training data's columns in the worker, so a Train click sends only their ids:
   * the staged set becomes `keep` (ids staged before) plus `add`; anything else is let go.
   * Not answered.
   */
  | { type: 'stage'; runId: number; keep: number[]; add: { id: number; column: RawColumn }[] };

/** What the page posts to the train worker. */
export type SentTrainRequest = TrainRequest<SentTrainingData>;

/** Validation figures of one model state, all from ScoreCurve (src/metrics). */
export interface ValidationFigures {
  prAuc: number;
  rocAuc: number;
  /** At the run's threshold; NaN where undefined. */
  recall: number;
  precision: number;
}

/** One row of a pos_weight sweep: the best epoch of a model trained with that weight. */
export interface SweepPoint extends ValidationFigures {
  posWeight: number;
  /** The focal α that gives this weight ratio, α / (1 − α) = pos_weight; null for other losses. */
  focalAlpha: number | null;
  bestEpoch: number;
  epochsRun: number;
}

/** One fold of a cross-validation: its model's figures on the rows it did not train on. */
export interface FoldSummary extends ValidationFigures {
  /** 1 … k. */
  fold: number;
  /** Rows held out in this fold, and how many of them are positive. */
  rows: number;
  positives: number;
  bestEpoch: number;
  epochsRun: number;
}

/** Train worker → page; every event names the job (runId) it belongs to. */
export type TrainEvent =
  /** `reason`: one short sentence; `details`: renderer, timings, failures (for a tooltip). */
  | { type: 'backend'; runId: number; backend: BackendName; reason: string; details: string }
  | {
      type: 'split';
      runId: number;
      /** Indices into the request's rows of the validation split, ascending. */
      validationIndices: Uint32Array;
      /** Their 0/1 labels (for the threshold-stability resamples). */
      validationLabels: Uint8Array;
      trainSize: number;
      /** The pos_weight actually used (resolved from null to neg/pos). */
      posWeight: number;
      /** The loss in words, with its parameters. */
      loss: string;
      /** Names of the model's inputs after preprocessing. */
      inputs: string[];
      /** How the columns were encoded and which were dropped. */
      notes: string[];
      /** The schedule in use (resolved from the data where the settings leave it open). */
      batchSize: number;
      epochs: number;
      stepsPerEpoch: number;
    }
  | ({
      type: 'epoch';
      runId: number;
      epoch: number;
      epochs: number;
      /** Mean loss over the training rows, measured on at most TRAIN_LOSS_ROWS of them (split-loss.ts). */
      trainLoss: number;
      validationLoss: number;
      /** Seconds spent on this epoch's training steps (not its evaluation). */
      seconds: number;
      /** Seconds spent evaluating after them: both losses, the validation scores and their curve. */
      validationSeconds?: number;
      /**
       * Probabilities for the validation rows, in the order of validationIndices, and their curve
       * with its drawing (made here: the page shows it without sorting the scores again). Only on
       * the epochs the page is to show (train-loop.ts, SHOW_EVERY_MS); never on a fold's.
       */
      validationScores?: Float32Array;
      validationCurve?: PreparedCurve | null;
      /** Cross-validation: the fold (1 … k) this epoch belongs to; absent for a hold-out run. */
      fold?: number;
    } & ValidationFigures)
  /** Cross-validation: a fold's model has finished. */
  | { type: 'fold'; runId: number; folds: number; summary: FoldSummary }
  /**
   * Cross-validation: every labelled row scored by the model that did not train on it (in the
   * order of the request's rows), sent before the refit on all rows starts.
   */
  | {
      type: 'out-of-fold';
      runId: number;
      scores: Float32Array;
      /** The fold (0 … k−1) of each row, and its 0/1 label. */
      foldOf: Uint8Array;
      labels: Uint8Array;
      folds: FoldSummary[];
      /** Epochs of the refit on all rows: the median of the folds' best epochs. */
      refitEpochs: number;
    }
  | { type: 'sweep-point'; runId: number; index: number; total: number; point: SweepPoint }
  | {
      type: 'done';
      runId: number;
      reason: 'completed' | 'cancelled' | 'early-stopped';
      epochsRun: number;
      /** Epoch whose weights the model ends with (the best validation loss); 0 when none finished. */
      bestEpoch: number;
      /** Validation probabilities of bestEpoch when it is not the last epoch reported, else null. */
      bestScores: Float32Array | null;
      /** bestScores' curve and drawing, when bestScores is sent. */
      bestCurve?: PreparedCurve | null;
      /** tf.memory().numTensors once the run has freed everything: the same after every run. */
      numTensors: number;
      /** Where a hold-out training run's time went in the worker. */
      timings?: WorkerTimings;
    }
  | { type: 'exported'; runId: number; zip: ArrayBuffer; fileName: string }
  | { type: 'scored'; runId: number; scores: Float32Array; description: string; numTensors: number; model?: ImportedModelInfo }
  | { type: 'error'; runId: number; message: string; numTensors: number }
  /** The backend became unusable (WebGL context lost): the page restarts the worker on WASM. */
  | { type: 'lost'; runId: number; message: string };
