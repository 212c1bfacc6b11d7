/**
 * The training session as the page shows it: one plain reducer from the train worker's events
 * (epochs, folds, sweeps, scores, done) to the state the views read. No React: the hook
 * (components/hooks/useTrainer.ts) only holds it in useReducer.
 */
import type { ImportedModelInfo } from '../model/imported-model';
import type { BackendName, TrainOptions } from '../model/train-settings';
import type { FoldSummary, SweepPoint, TrainEvent } from '../model/train-protocol';
import type { EvaluatedOn } from './operating-point';
import type { PreparedCurve } from '../metrics/curve-view';
import type { RunTiming } from '../model/run-timings';

/** What training-status shows as data-state. */
export type TrainingStatus = 'idle' | 'training' | 'done' | 'cancelled' | 'error';

/** What the worker is asked to do; the page shows sweeps beside, not instead of, the curves. */
export type JobKind = 'train' | 'sweep' | 'score';

/** One epoch as the loss chart draws it. */
export interface EpochLog {
  epoch: number;
  trainLoss: number;
  validationLoss: number;
  prAuc: number;
  rocAuc: number;
  recall: number;
  precision: number;
  seconds: number;
}

/** A pos_weight sweep and its results so far. */
export interface SweepState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  points: SweepPoint[];
  total: number;
  /** The threshold recall and precision were read at. */
  threshold: number;
  message: string;
}

/** A cross-validation run: the folds done so far, then every row's out-of-fold score. */
export interface CrossValidationState {
  /** k. */
  total: number;
  /** The fold (1 … k) whose epochs the loss chart shows. */
  currentFold: number;
  folds: FoldSummary[];
  /** The fold (0 … k−1) of each labelled row, once every fold has finished. */
  foldOf: Uint8Array | null;
  /** Epochs of the refit on all rows (the model kept); null until the folds are done. */
  refitEpochs: number | null;
}

/** Everything the page knows about training: settings in use, progress, the latest scores. */
export interface TrainingState {
  status: TrainingStatus;
  backend: BackendName | null;
  backendReason: string;
  /** Renderer, timings and failures behind the reason (a tooltip). */
  backendDetails: string;
  epochs: EpochLog[];
  totalEpochs: number;
  /** Batch size, epochs and steps per epoch as the worker resolved them; null before a run's split. */
  schedule: { batchSize: number; epochs: number; stepsPerEpoch: number } | null;
  posWeight: number | null;
  /** The loss in words, as the worker resolved it. */
  loss: string;
  /** The model's inputs after preprocessing, and notes on the encoding. */
  inputs: string[];
  notes: string[];
  /** Indices (into the labelled rows sent) of the rows the scores belong to. */
  validationIndices: Uint32Array | null;
  /** Latest scores, aligned with validationIndices. */
  validationScores: Float32Array | null;
  /**
   * Their curve and drawing as the training worker sorted them (hold-out epochs and the best
   * epoch); null when the metrics worker builds it (out-of-fold scores, an imported model's).
   */
  validationCurve: PreparedCurve | null;
  /** The 0/1 labels of those rows (null for an imported model's scores). */
  validationLabels: Uint8Array | null;
  /** 'all rows' when the scores come from an imported model; 'out-of-fold' after a cross-validation. */
  evaluatedOn: EvaluatedOn;
  /** Set while and after a cross-validation run; null for a hold-out run. */
  crossValidation: CrossValidationState | null;
  /** Epoch whose weights the model ended with; 0 before the end. */
  bestEpoch: number;
  stoppedEarly: boolean;
  /** tf.memory().numTensors in the worker after the last job; null before. */
  numTensors: number | null;
  message: string;
  /** Options of the run that made the scores shown (for the exports). */
  options: TrainOptions | null;
  /** True when the worker holds a trained model that can be exported. */
  modelReady: boolean;
  /** The imported model that scored the rows, in words; null for a trained one. */
  importedModel: string | null;
  /** What the imported model's card says about its training, for the export. */
  importedModelInfo: ImportedModelInfo | null;
  /** Something the user should know that is not an error (e.g. the worker was restarted). */
  notice: string | null;
  sweep: SweepState;
  /** Where the last hold-out training run's time went, from the click to its answer; null before one ends. */
  timing: RunTiming | null;
}

/** No sweep run yet. */
export const INITIAL_SWEEP: SweepState = { status: 'idle', points: [], total: 0, threshold: 0.5, message: '' };

/** Nothing trained yet. */
export const INITIAL_TRAINING: TrainingState = {
  status: 'idle',
  backend: null,
  backendReason: '',
  backendDetails: '',
  epochs: [],
  totalEpochs: 0,
  schedule: null,
  posWeight: null,
  loss: '',
  inputs: [],
  notes: [],
  validationIndices: null,
  validationScores: null,
  validationCurve: null,
  validationLabels: null,
  evaluatedOn: 'validation',
  crossValidation: null,
  bestEpoch: 0,
  stoppedEarly: false,
  numTensors: null,
  message: '',
  options: null,
  modelReady: false,
  importedModel: null,
  importedModelInfo: null,
  notice: null,
  sweep: INITIAL_SWEEP,
  timing: null,
};

/** The state when a job starts: a sweep keeps the curves, training and scoring replace them. */
export function startJob(s: TrainingState, kind: JobKind, options: TrainOptions): TrainingState {
  if (kind === 'sweep') return { ...s, sweep: { ...INITIAL_SWEEP, status: 'running', threshold: options.threshold } };
  return {
    ...INITIAL_TRAINING,
    status: 'training',
    totalEpochs: kind === 'train' ? (options.epochs ?? 0) : 0,
    options: kind === 'train' ? options : null,
    crossValidation: kind === 'train' && options.evaluation === 'cv' ? { total: options.folds, currentFold: 1, folds: [], foldOf: null, refitEpochs: null } : null,
    notice: s.notice,
    sweep: s.sweep,
    numTensors: s.numTensors,
  };
}

/** Folds one worker event into the state of a job of `kind`. */
export function reduceTraining(s: TrainingState, kind: JobKind, event: TrainEvent): TrainingState {
  if (kind === 'sweep') return { ...s, sweep: reduceSweep(s.sweep, event), numTensors: 'numTensors' in event ? event.numTensors : s.numTensors };
  switch (event.type) {
    case 'backend':
      return { ...s, backend: event.backend, backendReason: event.reason, backendDetails: event.details };
    case 'split':
      return {
        ...s,
        validationIndices: event.validationIndices,
        validationLabels: event.validationLabels,
        posWeight: event.posWeight,
        loss: event.loss,
        inputs: event.inputs,
        notes: event.notes,
        totalEpochs: event.epochs,
        schedule: { batchSize: event.batchSize, epochs: event.epochs, stepsPerEpoch: event.stepsPerEpoch },
      };
    case 'epoch': {
      const { epoch, trainLoss, validationLoss, prAuc, rocAuc, recall, precision, seconds } = event;
      const log = { epoch, trainLoss, validationLoss, prAuc, rocAuc, recall, precision, seconds };
      const cv = s.crossValidation;
      if (cv && event.fold !== undefined) {
        // A fold's held-out scores are not the page's evaluation: that waits for all folds.
        const sameFold = event.fold === cv.currentFold;
        return { ...s, epochs: sameFold ? [...s.epochs, log] : [log], crossValidation: { ...cv, currentFold: event.fold } };
      }
      const logged = { ...s, epochs: [...s.epochs, log] };
      // Only the epochs the worker chose to show carry scores (train-loop.ts, SHOW_EVERY_MS).
      return event.validationScores ? { ...logged, validationScores: event.validationScores, validationCurve: event.validationCurve ?? null } : logged;
    }
    case 'fold':
      return s.crossValidation ? { ...s, crossValidation: { ...s.crossValidation, folds: [...s.crossValidation.folds, event.summary] } } : s;
    case 'out-of-fold':
      return {
        ...s,
        // Every labelled row, in the order sent, each scored by the model that did not see it.
        validationIndices: Uint32Array.from(event.scores, (_, i) => i),
        validationScores: event.scores,
        validationCurve: null,
        validationLabels: event.labels,
        evaluatedOn: 'out-of-fold',
        crossValidation: {
          ...(s.crossValidation ?? { total: event.folds.length, currentFold: event.folds.length }),
          folds: event.folds,
          foldOf: event.foldOf,
          refitEpochs: event.refitEpochs,
        },
      };
    case 'done':
      return {
        ...s,
        status: event.reason === 'cancelled' ? 'cancelled' : 'done',
        bestEpoch: event.bestEpoch,
        stoppedEarly: event.reason === 'early-stopped',
        // The model ends with the best epoch's weights: show that epoch's scores.
        validationScores: event.bestScores ?? s.validationScores,
        validationCurve: event.bestScores ? (event.bestCurve ?? null) : s.validationCurve,
        numTensors: event.numTensors,
        modelReady: event.bestEpoch > 0,
      };
    case 'scored':
      return {
        ...s,
        status: 'done',
        validationIndices: Uint32Array.from(event.scores, (_, i) => i),
        validationScores: event.scores,
        validationCurve: null,
        evaluatedOn: 'all rows',
        importedModel: event.description,
        importedModelInfo: event.model ?? null,
        numTensors: event.numTensors,
      };
    case 'error':
      return { ...s, status: 'error', message: event.message, numTensors: event.numTensors };
    default:
      return s;
  }
}

function reduceSweep(s: SweepState, event: TrainEvent): SweepState {
  switch (event.type) {
    case 'sweep-point':
      return { ...s, total: event.total, points: [...s.points, event.point] };
    case 'done':
      return { ...s, status: event.reason === 'cancelled' ? 'cancelled' : 'done' };
    case 'error':
      return { ...s, status: 'error', message: event.message };
    default:
      return s;
  }
}
