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
import { niceThresholdAtIndex } from '../metrics/nice-threshold';
import type { ScoreCurve } from '../metrics/score-curve';
import { bestPrecisionFrom, solveTarget, targetPoint, type TargetKind } from '../metrics/targets';
import { fprOf } from '../metrics/rates';
import { precisionIndex, recallIndex, shareIndex } from './guarantee-rules';

import { describeTarget, targetStatement } from './target-words';

export { casesNeeded, precisionGrid, PRECISION_GRID_GROWTH, PRECISION_START_SLACK } from './guarantee-rules';

/** How a target's cutoff was found: on these cases, or with a guarantee by one of two rules. */
export const TARGET_METHODS = ['sample', 'order-statistic', 'learn-then-test'] as const;
export type TargetMethod = (typeof TARGET_METHODS)[number];

/** The confidences a target may be asked to hold with (open interval; 0.5 and below says little). */
export const CONFIDENCE_RANGE = { min: 0.5, max: 0.9999 } as const;

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
  const confusion = curve.confusionAtIndex(index);
  const { tp, fp } = confusion;
  const P = curve.positives;
  const N = curve.negatives;
  const pi = request.prevalence;
  const { recall, precision, alarmRate } = targetPoint(curve, index, pi);
  const figures = { recall, precision, fpr: fprOf(confusion) ?? 0, alarmRate };
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
