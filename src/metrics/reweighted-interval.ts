import type { Confusion } from './score-curve';
import { wilsonInterval } from './interval';

export type ReweightedRate = 'precision' | 'npv' | 'queueRate';

/**
 * An interval for precision, NPV or the alarm rate at an assumed deployment prevalence π. Those
 * rates are monotone in TPR and FPR once π is fixed (precision = πTPR / (πTPR + (1−π)FPR)), so
 * the ends come from the ends of the Wilson intervals of TPR and FPR: conservative, since both
 * ends are taken at once. Null when a class is empty.
 */
export function reweightedInterval(c: Confusion, prevalence: number, rate: ReweightedRate, confidence = 0.95): { low: number; high: number } | null {
  if (c.tp + c.fn === 0 || c.fp + c.tn === 0) return null;
  const tpr = wilsonInterval(c.tp, c.tp + c.fn, confidence);
  const fpr = wilsonInterval(c.fp, c.fp + c.tn, confidence);
  const p = prevalence;
  const precision = (t: number, f: number) => (p * t + (1 - p) * f > 0 ? (p * t) / (p * t + (1 - p) * f) : NaN);
  const npv = (t: number, f: number) => ((1 - p) * (1 - f) + p * (1 - t) > 0 ? ((1 - p) * (1 - f)) / ((1 - p) * (1 - f) + p * (1 - t)) : NaN);
  const alarms = (t: number, f: number) => p * t + (1 - p) * f;
  if (rate === 'precision') return { low: precision(tpr.low, fpr.high), high: precision(tpr.high, fpr.low) };
  if (rate === 'npv') return { low: npv(tpr.low, fpr.high), high: npv(tpr.high, fpr.low) };
  return { low: alarms(tpr.low, fpr.low), high: alarms(tpr.high, fpr.high) };
}
