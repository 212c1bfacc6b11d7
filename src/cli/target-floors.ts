/**
 * The exported targets as floors of `cutoff check`: does the new file still meet the target?
 * A new sample below the target is not yet evidence that the population is, so each target is
 * an exact one-sided binomial test of H0 "the target holds" (recall ≥ r: tp of the positives
 * against Bin(n, r); FPR ≤ f: false alarms of the negatives against Bin(n, f); …), held at its
 * share of the check's family false-alarm rate like the other floors.
 */
import type { Confusion } from '../metrics';
import { binomialCdf, binomialUpperTail } from '../metrics/binomial';
import { rateOf } from '../metrics/rates';
import { describeTarget } from '../decision/target-words';
import { TARGET_KINDS, type TargetKind } from '../metrics/targets';
import type { OperatingPoint } from '../session/operating-point';

export interface TargetCheck {
  name: string;
  kind: 'min' | 'max';
  /** The target as a share (alarms per 1,000 as a share of cases). */
  limit: number;
  /** The new file's figure; null when it has no cases for it. */
  value: number | null;
  /** One-sided p-value of "the target holds"; null when not tested. */
  pValue: number | null;
  notTested: string | null;
}

/** Successes, trials and direction for a target on a matrix. */
function countsFor(kind: TargetKind, c: Confusion): { x: number; n: number; floor: boolean; what: string } {
  switch (kind) {
    case 'fewest-alarms-at-recall':
    case 'best-precision-at-recall':
      return { x: c.tp, n: c.tp + c.fn, floor: true, what: 'positives' };
    case 'best-recall-at-precision':
      return { x: c.tp, n: c.tp + c.fp, floor: true, what: 'flagged cases' };
    case 'max-fpr':
      return { x: c.fp, n: c.fp + c.tn, floor: false, what: 'negatives' };
    case 'max-alarms-per-1000':
      return { x: c.tp + c.fp, n: c.tp + c.fp + c.tn + c.fn, floor: false, what: 'cases' };
  }
}

/**
 * The checks for the point's targets on the new file's matrix. `wholeCounts` is false when the
 * file's weights are not case counts: a binomial test then has no cases to count.
 */
export function targetChecks(point: OperatingPoint, c: Confusion, wholeCounts: boolean): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const target of point.targets ?? []) {
    const kind = TARGET_KINDS.find((k) => k === target.kind);
    if (kind === undefined || target.value === null) continue;
    const limit = kind === 'max-alarms-per-1000' ? target.value / 1000 : target.value;
    const { x, n, floor, what } = countsFor(kind, c);
    const sure = target.confidence ? ` (chosen with ${Number((target.confidence * 100).toPrecision(4))} % confidence)` : '';
    const name = `target: ${describeTarget(kind, target.value)}${sure}`;
    const value = rateOf(x, n);
    const notTested = n > 0 ? (wholeCounts ? null : 'the weights are not whole case counts') : `no ${what} in this file`;
    const k = Math.round(x);
    const m = Math.round(n);
    // H0: the target holds. A floor fails when so few successes are unlikely at the limit; a ceiling when so many are.
    const pValue = notTested !== null ? null : floor ? binomialCdf(k, m, limit) : binomialUpperTail(k, m, limit);
    checks.push({ name, kind: floor ? 'min' : 'max', limit, value, pValue, notTested });
  }
  return checks;
}
