import type { GroupRoc } from './group-roc';
import type { CostModel } from './row-costs';
import type { Confusion, ScoreCurve } from './score-curve';

/**
 * How the thresholds of several groups are chosen:
 * - single: one threshold for everyone;
 * - group-cost: each group at its own cost-optimal threshold (the unconstrained optimum);
 * - equal-opportunity / equal-odds-fpr / demographic-parity / equal-accuracy: the recall,
 *   the false positive rate, the alarm rate or the accuracy equal across groups, as closely
 *   as the sample allows, at the least total expected cost;
 * - manual: the thresholds the user dragged.
 */
export const GROUP_STRATEGIES = ['single', 'group-cost', 'equal-opportunity', 'equal-odds-fpr', 'demographic-parity', 'equal-accuracy', 'manual'] as const;
export type GroupStrategy = (typeof GROUP_STRATEGIES)[number];

/** The strategies that hold a metric equal across groups, and that metric. */
export const PARITY_METRIC = {
  'equal-opportunity': 'recall',
  'equal-odds-fpr': 'false positive rate',
  'demographic-parity': 'alarm rate',
  'equal-accuracy': 'accuracy',
} as const;
export type ParityStrategy = keyof typeof PARITY_METRIC;

export function isParityStrategy(s: GroupStrategy): s is ParityStrategy {
  return s in PARITY_METRIC;
}

/** One group's cases: its curve and what its errors cost. */
export interface GroupInput {
  value: string;
  curve: ScoreCurve;
  costs: CostModel;
}

/** What the page holds of a group: its name, curve and ROC drawing (solved and drawn in the metrics worker). */
export type GroupCurve = Pick<GroupInput, 'value' | 'curve'> & { roc: GroupRoc };

/** One group's operating point under a strategy. */
export interface GroupChoice {
  value: string;
  /** Operating point on the group's own curve (ScoreCurve.indexAt) and the shortest threshold realising it. */
  index: number;
  threshold: number;
  confusion: Confusion;
  /** The parity metric at this point (NaN for single / group-cost / manual). */
  metric: number;
  /** False when the parity metric is undefined for the group (no positives for recall, no negatives for FPR). */
  constrained: boolean;
  /** Total cost of this group's errors, in the user's unit (not per case). */
  missedCost: number;
  alarmCost: number;
}

export interface GroupSolution {
  strategy: GroupStrategy;
  groups: GroupChoice[];
  /** Expected cost per case over all groups' cases (at the assumed prevalence when given). */
  expectedCost: number;
  /** Largest minus smallest parity metric over the constrained groups; 0 when not a parity strategy. */
  gap: number;
  /** The gap allowed (the sample's resolution or the user's tolerance); 0 when not a parity strategy. */
  tolerance: number;
  /** The unconstrained optimum's expected cost per case (every group at its own cost optimum). */
  optimumCost: number;
  /** What one unit of positive / negative weight counts (as classWeights over all groups). */
  weights: { wP: number; wN: number };
}

/**
 * A group's recall, precision, false positive rate, alarm rate and accuracy at its choice,
 * with the classes weighted as in the solution (so at an assumed prevalence, re-weighted).
 */
export function groupRates(c: Confusion, w: { wP: number; wN: number }): { recall: number; precision: number; fpr: number; alarmRate: number; accuracy: number } {
  const tp = c.tp * w.wP;
  const fn = c.fn * w.wP;
  const fp = c.fp * w.wN;
  const tn = c.tn * w.wN;
  const div = (a: number, b: number) => (b > 0 ? a / b : 0);
  const total = tp + fn + fp + tn;
  return { recall: div(tp, tp + fn), precision: div(tp, tp + fp), fpr: div(fp, fp + tn), alarmRate: div(tp + fp, total), accuracy: div(tp + tn, total) };
}

export interface GroupOptions {
  /** The single (global) threshold. */
  threshold: number;
  /** Manual thresholds by group value; groups without one take `threshold`. */
  manual?: ReadonlyMap<string, number>;
  /** Assumed deployment prevalence, or undefined for the data's. */
  prevalence?: number;
  /**
   * Largest gap allowed between groups' parity metrics. Default: the sample's resolution,
   * the largest step between neighbouring achievable values in any group, so that every
   * common value is within reach of every group.
   */
  tolerance?: number;
}
