/**
 * Targets that hold on new cases: the one solver behind the page's Targets card and
 * `cutoff choose`. Without a confidence a target is met on these cases (the sample), as the
 * metrics table shows it. With a confidence C, the cutoff is chosen so that the population
 * figure meets the target with probability at least C over the draw of these cases:
 * - recall ≥ r and FPR ≤ f: the exact order-statistic rule (the Neyman–Pearson umbrella
 *   algorithm of Tong, Feng & Li 2018, mirrored for the positives), distribution-free;
 * - alarms per 1,000 ≤ a: the same rule on all cases (the share flagged);
 * - precision ≥ p: fixed-sequence Learn-then-Test (Angelopoulos, Bates et al. 2021) with exact
 *   binomial p-values, walking down from a start fixed by the scores alone (see precisionGrid).
 * Rows count as the cases their whole-number weights stand for.
 */
import { binomialCdf, binomialUpperTail } from '../metrics/binomial';
import { niceThresholdAtIndex } from '../metrics/nice-threshold';
import type { ScoreCurve } from '../metrics/score-curve';
import { solveTarget, type TargetKind } from '../metrics/targets';
import { describeTarget, targetStatement } from './target-words';

/** How a target's cutoff was found: on these cases, or with a guarantee by one of two rules. */
export const TARGET_METHODS = ['sample', 'order-statistic', 'learn-then-test'] as const;
export type TargetMethod = (typeof TARGET_METHODS)[number];

/** The confidences a target may be asked to hold with (open interval; 0.5 and below says little). */
export const CONFIDENCE_RANGE = { min: 0.5, max: 0.9999 } as const;

/**
 * A certification of precision must survive this many negatives among the first cases tested:
 * starting where a single false alarm already fails the test would stop at once on many
 * samples. One, not more: in the simulation a larger slack starts lower, past the region where
 * a high precision target holds, and certifies nothing more often (see the test's figures).
 */
export const PRECISION_START_SLACK = 1;

/** The grid for precision grows the flagged count by this factor a step (at least one case). */
export const PRECISION_GRID_GROWTH = 1.02;

export interface TargetRequest {
  kind: TargetKind;
  value: number;
  /** null: the target holds on these cases; C in (0, 1): on new cases with confidence C. */
  confidence: number | null;
  /** An assumed deployment prevalence (precision and alarm rate are re-weighted to it). */
  prevalence?: number;
}

export interface TargetResult {
  kind: TargetKind;
  value: number;
  confidence: number | null;
  method: TargetMethod;
  /** Curve index (as ScoreCurve.indexAt) and the readable cutoff that selects it. */
  index: number;
  threshold: number;
  /** Figures on these cases at the cutoff (precision and alarm rate at the assumed prevalence when given). */
  recall: number;
  precision: number;
  fpr: number;
  alarmRate: number;
  /** The sentence the page and the command show. */
  statement: string;
}

export type TargetOutcome = { ok: true; result: TargetResult } | { ok: false; message: string };

/** Whether every count on the curve is a whole number: rows weighted by counts, or unweighted. */
function wholeCounts(curve: ScoreCurve): boolean {
  for (let i = 0; i < curve.size; i++) {
    if (Math.abs(curve.cumTp[i] - Math.round(curve.cumTp[i])) > 1e-9 || Math.abs(curve.cumFp[i] - Math.round(curve.cumFp[i])) > 1e-9) return false;
  }
  return true;
}

/** The smallest n for which even a perfect sample certifies a share q with confidence C: q^n ≤ 1 − C. */
export function casesNeeded(q: number, confidence: number): number {
  return Math.ceil(Math.log(1 - confidence) / Math.log(q) - 1e-12);
}

/** Smallest curve index at which the count cum(k) = cumulative[k − 1] reaches `need` (size + 1 when never). */
function firstIndexReaching(cumulative: (k: number) => number, size: number, need: number): number {
  if (need <= 0) return 0;
  let lo = 0;
  let hi = size + 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (cumulative(mid) >= need - 1e-9) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Recall ≥ r with confidence C: with the n positives' scores ascending, flag score ≥ s(j*) where
 * j* = max{ j : P(Bin(n, 1 − r) ≤ j − 1) ≤ 1 − C }, i.e. keep at least n − j* + 1 positives
 * flagged. Ties at s(j*) are flagged too, which only raises recall (the safe side). Returns the
 * curve index, or a message naming the positives needed.
 */
export function recallIndex(curve: ScoreCurve, r: number, confidence: number): { index: number } | { message: string } {
  const n = Math.round(curve.positives);
  const delta = 1 - confidence;
  if (r >= 1) return { message: 'Recall 1 cannot be guaranteed from a sample: choose a target below 1.' };
  if (!(binomialCdf(0, n, 1 - r) <= delta)) {
    return { message: `needs at least ${casesNeeded(r, confidence)} positives; these cases have ${n}.` };
  }
  // cdf(j − 1) grows with j: the largest j with cdf(j − 1) ≤ δ by binary search.
  let lo = 1;
  let hi = n + 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (binomialCdf(mid - 1, n, 1 - r) <= delta) lo = mid;
    else hi = mid;
  }
  const keep = n - lo + 1;
  return { index: firstIndexReaching((k) => (k === 0 ? 0 : curve.cumTp[k - 1]), curve.size, keep) };
}

/**
 * A share ≤ q of `n` cases flagged with confidence C (the umbrella rule, Tong, Feng & Li 2018):
 * with the scores ascending t(1) ≤ … ≤ t(n), flag score > t(k*) where
 * k* = min{ k : P(Bin(n, 1 − q) ≥ k) ≤ 1 − C }. On the curve that is the largest index whose
 * flagged count is at most n − k*; its readable cutoff lies above t(k*), so ties stay unflagged.
 */
export function shareIndex(flagged: (k: number) => number, size: number, n: number, q: number, confidence: number): { index: number } | { needed: number } {
  const delta = 1 - confidence;
  if (q >= 1) return { index: size };
  if (!(binomialUpperTail(n, n, 1 - q) <= delta)) return { needed: casesNeeded(1 - q, confidence) };
  // The upper tail falls as k grows: the smallest k with tail(k) ≤ δ.
  let lo = 0;
  let hi = n;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (binomialUpperTail(mid, n, 1 - q) <= delta) hi = mid;
    else lo = mid;
  }
  const limit = n - hi;
  let a = 0;
  let b = size + 1;
  while (b - a > 1) {
    const mid = (a + b) >>> 1;
    if (flagged(mid) <= limit + 1e-9) a = mid;
    else b = mid;
  }
  return { index: a };
}

/**
 * The indices precision is tested at, in the order tested: from the first index that flags
 * enough cases to survive PRECISION_START_SLACK false alarms (the smallest m with
 * P(Bin(m, p) ≥ m − slack) ≤ 1 − C), then each step flagging about 2 % more cases. The grid
 * depends on the scores alone, never on the labels, which fixed-sequence testing requires.
 */
export function precisionGrid(curve: ScoreCurve, p: number, confidence: number): number[] {
  const flagged = (k: number) => (k === 0 ? 0 : curve.cumTp[k - 1] + curve.cumFp[k - 1]);
  const n = flagged(curve.size);
  let start = PRECISION_START_SLACK + 1;
  while (start <= n && binomialUpperTail(start - PRECISION_START_SLACK, start, p) > 1 - confidence) start++;
  const grid: number[] = [];
  let k = firstIndexReaching(flagged, curve.size, start);
  while (k <= curve.size) {
    grid.push(k);
    k = Math.max(k + 1, firstIndexReaching(flagged, curve.size, Math.ceil(flagged(k) * PRECISION_GRID_GROWTH)));
  }
  return grid;
}

/**
 * Precision ≥ p with confidence C by fixed-sequence Learn-then-Test: walk the grid downward,
 * certify each cutoff whose exact p-value P(Bin(m, p) ≥ tp) is at most 1 − C (tp true among m
 * flagged), and stop at the first that fails. The family-wise error is at most 1 − C for any
 * fixed order, so the lowest certified cutoff holds with confidence C.
 */
export function precisionIndex(curve: ScoreCurve, p: number, confidence: number): { index: number } | { message: string } {
  if (p >= 1) return { message: 'Precision 1 cannot be guaranteed from a sample: choose a target below 1.' };
  const grid = precisionGrid(curve, p, confidence);
  if (grid.length === 0)
    return { message: `needs at least ${casesNeeded(p, confidence)} flagged cases; these cases have ${Math.round(curve.positives + curve.negatives)} in all.` };
  let certified = -1;
  for (const k of grid) {
    const tp = Math.round(curve.cumTp[k - 1]);
    const m = Math.round(curve.cumTp[k - 1] + curve.cumFp[k - 1]);
    if (binomialUpperTail(tp, m, p) > 1 - confidence) break;
    certified = k;
  }
  if (certified < 0) {
    const k = grid[0];
    return {
      message: `was not shown at any cutoff: the first one tested flags ${Math.round(curve.cumTp[k - 1] + curve.cumFp[k - 1])} cases, of which ${Math.round(curve.cumTp[k - 1])} are positive.`,
    };
  }
  return { index: certified };
}

function guaranteedIndex(curve: ScoreCurve, request: TargetRequest, confidence: number): { index: number; method: TargetMethod } | { message: string } {
  const { kind, value } = request;
  const fpCount = (k: number) => (k === 0 ? 0 : curve.cumFp[k - 1]);
  const allCount = (k: number) => (k === 0 ? 0 : curve.cumTp[k - 1] + curve.cumFp[k - 1]);
  switch (kind) {
    case 'fewest-alarms-at-recall':
    case 'best-precision-at-recall': {
      const found = recallIndex(curve, value, confidence);
      if ('message' in found) return found;
      // Any lower cutoff keeps the recall guarantee: take the best precision among them.
      const index = kind === 'fewest-alarms-at-recall' ? found.index : bestPrecisionFrom(curve, found.index, request.prevalence);
      return { index, method: 'order-statistic' };
    }
    case 'max-fpr': {
      const found = shareIndex(fpCount, curve.size, Math.round(curve.negatives), value, confidence);
      return 'needed' in found
        ? { message: `needs at least ${found.needed} negatives; these cases have ${Math.round(curve.negatives)}.` }
        : { index: found.index, method: 'order-statistic' };
    }
    case 'max-alarms-per-1000': {
      const n = Math.round(curve.positives + curve.negatives);
      const found = shareIndex(allCount, curve.size, n, value / 1000, confidence);
      return 'needed' in found ? { message: `needs at least ${found.needed} cases; there are ${n}.` } : { index: found.index, method: 'order-statistic' };
    }
    case 'best-recall-at-precision': {
      const found = precisionIndex(curve, value, confidence);
      return 'message' in found ? found : { index: found.index, method: 'learn-then-test' };
    }
  }
}

function bestPrecisionFrom(curve: ScoreCurve, first: number, prevalence?: number): number {
  const P = curve.positives;
  const N = curve.negatives;
  const wP = prevalence === undefined || !(P > 0) ? 1 : prevalence / P;
  const wN = prevalence === undefined || !(N > 0) ? 1 : (1 - prevalence) / N;
  let best = first;
  let bestPrecision = -1;
  for (let k = Math.max(1, first); k <= curve.size; k++) {
    const tp = curve.cumTp[k - 1] * wP;
    const precision = tp / (tp + curve.cumFp[k - 1] * wN);
    if (precision > bestPrecision * (1 + 1e-12)) {
      best = k;
      bestPrecision = precision;
    }
  }
  return best;
}

/** Checks that a confidence target can be honoured on these cases; the reason when not. */
function confidenceProblem(curve: ScoreCurve, request: TargetRequest, confidence: number): string | null {
  if (!(confidence >= CONFIDENCE_RANGE.min && confidence <= CONFIDENCE_RANGE.max)) {
    return `The confidence must lie from ${CONFIDENCE_RANGE.min} to ${CONFIDENCE_RANGE.max}, not ${confidence}.`;
  }
  if (!wholeCounts(curve)) {
    return 'A confidence target counts cases, and the weight column has fractional weights: use whole-number counts, or leave the confidence blank.';
  }
  if (request.prevalence !== undefined && (request.kind === 'best-recall-at-precision' || request.kind === 'max-alarms-per-1000')) {
    return 'A precision or alarm-rate target with a confidence is stated at these cases’ own prevalence: clear the assumed prevalence, or leave the confidence blank.';
  }
  return null;
}

/** Solves a target on a curve: on these cases, or with the stated confidence on new ones. */
export function solveConfidentTarget(curve: ScoreCurve, request: TargetRequest): TargetOutcome {
  const { confidence } = request;
  let index: number;
  let method: TargetMethod = 'sample';
  if (confidence === null) {
    const found = solveTarget(curve, request.kind, request.value, request.prevalence);
    if (!found) return { ok: false, message: `No threshold meets ${describeTarget(request.kind, request.value)} on these cases.` };
    index = found.index;
  } else {
    const problem = confidenceProblem(curve, request, confidence);
    if (problem) return { ok: false, message: problem };
    const found = guaranteedIndex(curve, request, confidence);
    if ('message' in found) return { ok: false, message: `${describeTarget(request.kind, request.value)} with ${formatConfidence(confidence)} confidence ${found.message}` };
    index = found.index;
    method = found.method;
  }
  return { ok: true, result: resultAt(curve, request, index, method) };
}

/** "95 %", "99.5 %". */
export function formatConfidence(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(4))} %`;
}

function resultAt(curve: ScoreCurve, request: TargetRequest, index: number, method: TargetMethod): TargetResult {
  const { tp, fp } = curve.confusionAtIndex(index);
  const P = curve.positives;
  const N = curve.negatives;
  const pi = request.prevalence;
  const wP = pi === undefined ? 1 / (P + N) : P > 0 ? pi / P : 0;
  const wN = pi === undefined ? 1 / (P + N) : N > 0 ? (1 - pi) / N : 0;
  const flagged = tp * wP + fp * wN;
  const figures = {
    recall: P > 0 ? tp / P : 0,
    precision: flagged > 0 ? (tp * wP) / flagged : 0,
    fpr: N > 0 ? fp / N : 0,
    alarmRate: flagged,
  };
  const threshold = niceThresholdAtIndex(curve.thresholds, index);
  const statement = targetStatement({
    kind: request.kind,
    value: request.value,
    confidence: request.confidence === null ? null : formatConfidence(request.confidence),
    threshold,
    tp,
    fp,
    positives: P,
    negatives: N,
    reweighted: pi !== undefined,
    ...figures,
  });
  return { kind: request.kind, value: request.value, confidence: request.confidence, method, index, threshold, ...figures, statement };
}
