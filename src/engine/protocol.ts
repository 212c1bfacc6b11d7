/**
 * Every message between the page and its workers, as discriminated unions.
 * Large arrays travel as transferables: the sender gives them up.
 */
import type { Dataset } from '../data/dataset';
import type { Remedy } from '../data/errors';
import type { LabelSuggestion } from '../data/label-suggestion';
import type { ReadOptions } from '../data/read-file';
import type { CaseChoice, LabelledCases } from '../session/evaluated-cases';
import type { PreviousChoices, StartingChoices } from '../session/starting-choices';
import type { CalibratedArrays, CalibrationMethod, CurveArrays } from '../metrics/calibration-method';
import type { CurveView } from '../metrics/curve-view';
import type { DelongTest } from '../metrics/delong';
import type { GroupRoc } from '../metrics/group-roc';
import type { GroupSolution, GroupStrategy } from '../metrics/group-thresholds';
import type { Costs } from '../metrics/threshold-metrics';
import type { EvaluatedScores, StabilityRules, ThresholdStability } from '../metrics/threshold-stability';

// The training settings, their names and defaults are declared once, in src/model/train-settings.ts.
export type { BackendChoice, BackendName, LossName, TrainOptions } from '../model/train-settings';

// ---------------------------------------------------------------- parse worker

export type ParseRequest =
  /** `previous`: the page's current column choices, which the new file keeps where they fit. */
  | { type: 'parse'; requestId: number; file: File; options: ReadOptions; previous?: PreviousChoices }
  /**
   * The label vector and evaluated cases of a choice on the file read under `datasetId`, which
   * the worker keeps: built there, so no pass over every row runs on the page. `copies` more
   * copies of the cases' scores, labels and weights come along, for the metrics workers.
   */
  | { type: 'cases'; requestId: number; datasetId: number; choice: CaseChoice; copies: number }
  /** Stops the read between two chunks; the worker answers 'cancelled'. */
  | { type: 'cancel'; requestId: number };

export type ParseEvent =
  | { type: 'progress'; requestId: number; bytesRead: number; totalBytes: number; rows: number }
  /**
   * `datasetId` names the file in 'cases' requests; `choices`: the settings the file starts
   * with; `labelSuggestion`: the label menu's suggestion and reason (each counts whole columns).
   */
  | { type: 'parsed'; requestId: number; dataset: Dataset; datasetId: number; choices: StartingChoices; labelSuggestion: LabelSuggestion | null }
  /**
   * `scoresAreColumn`: every row is labelled and the scores are used as they are, so they are
   * the score column's values, which the page holds already: `cases.scores` comes empty.
   */
  | ({ type: 'cases'; requestId: number; copies: ScoredCases[]; scoresAreColumn: boolean } & LabelledCases)
  /** The worker no longer holds that file (a newer one was read, or it was restarted). */
  | { type: 'cases-missing'; requestId: number }
  | { type: 'cancelled'; requestId: number }
  /** `remedy`: what the page can offer to do about it (e.g. re-read skipping ragged rows). */
  | { type: 'error'; requestId: number; message: string; remedy: Remedy | null };

// ---------------------------------------------------------------- train worker

// Declared beside the training code (src/model/train-protocol.ts), which speaks it.
export type { FoldSummary, ModelContext, SweepPoint, TrainEvent, TrainingData, TrainRequest, ValidationFigures } from '../model/train-protocol';

// ---------------------------------------------------------------- metrics worker

/** Scored cases as the metrics worker receives them (copies: the page keeps its own). */
export interface ScoredCases {
  scores: Float64Array;
  /** 1 = positive, 0 = negative. */
  labels: Uint8Array;
  weights: Float64Array | null;
}

export type MetricsRequest =
  | ({ type: 'curve'; requestId: number } & ScoredCases)
  | ({ type: 'bootstrap'; requestId: number; replicates: number; seed: number } & ScoredCases)
  /** Threshold stability over the folds or seeded bootstrap resamples (weights unused). */
  | ({ type: 'stability'; requestId: number; evaluated: Omit<EvaluatedScores, 'scores' | 'labels'>; rules: StabilityRules; chosen: number } & ScoredCases)
  /**
   * The groups' thresholds under a strategy. `cases` builds the groups' curves (kept in the
   * worker under `key`); a request with `cases: null` re-solves the groups built last, and is
   * answered 'groups-missing' when the worker holds none for `key` (it was restarted).
   */
  /** `rocPixels`: the size each group's ROC is drawn at, for its decimated path. */
  | { type: 'groups'; requestId: number; key: string; cases: GroupCases | null; solve: GroupSolve; needCurves: boolean; rocPixels: { width: number; height: number } }
  /** A calibration method fitted on a curve's own cases (a copy of its arrays), and what it makes of it. */
  | { type: 'calibration'; requestId: number; curve: CurveArrays; method: Exclude<CalibrationMethod, 'none'> }
  /** DeLong's test of `scores` (A) against `scoresB` on the same cases: O(n log n), a second at 10⁶ rows. */
  | ({ type: 'paired'; requestId: number; scoresB: Float64Array } & ScoredCases);

/** What the groups are built from: the evaluated cases with their group codes and row costs. */
export interface GroupCases extends ScoredCases {
  /** The group of each case (−1: none), as an index into `levels`. */
  codes: Int32Array;
  levels: string[];
  costs: Costs;
  /** Per-case costs of a miss and of a false alarm, when cost columns are chosen. */
  missed: Float64Array | null;
  alarm: Float64Array | null;
}

/** How the built groups are solved. */
export interface GroupSolve {
  strategy: GroupStrategy;
  manual: { value: string; threshold: number }[];
  prevalence: number | null;
  /** The live threshold: single's threshold, and manual's for groups without their own. */
  threshold: number;
}

/** One group's curve, sent once per build so the page can draw it and map a drag to a threshold. */
export interface GroupCurveArrays {
  value: string;
  n: number;
  thresholds: Float64Array;
  cumTp: Float64Array;
  cumFp: Float64Array;
  roc: GroupRoc;
}

export type MetricsEvent =
  /** A ScoreCurve's arrays, sorted off the main thread; rebuilt with `new ScoreCurve(n, …)`. */
  | { type: 'curve'; requestId: number; n: number; thresholds: Float64Array; cumTp: Float64Array; cumFp: Float64Array; view: CurveView }
  | { type: 'bootstrap-progress'; requestId: number; done: number; total: number }
  | {
      type: 'bootstrap';
      requestId: number;
      replicates: number;
      confidence: number;
      rocAuc: { low: number; high: number };
      averagePrecision: { low: number; high: number };
    }
  | { type: 'stability'; requestId: number; stability: ThresholdStability }
  /** `curves`: the groups' curves when the request asked for them (needCurves), else null. */
  | { type: 'groups'; requestId: number; key: string; solution: GroupSolution | null; curves: GroupCurveArrays[] | null }
  | { type: 'groups-missing'; requestId: number; key: string }
  | { type: 'calibration'; requestId: number; calibrated: CalibratedArrays }
  | { type: 'paired'; requestId: number; test: DelongTest }
  | { type: 'error'; requestId: number; message: string };
