/**
 * The paired tests in plain words, for the page's Compare view and `cutoff compare`. A model is
 * called better only when its test says so at the 5 % level; otherwise the sentence says there
 * is no evidence of a difference, whatever the point estimates.
 */
import type { DelongTest } from './delong';
import type { McNemarTest } from './mcnemar';

/** The level below which a difference is reported as real. */
export const SIGNIFICANCE = 0.05;

/** A p-value as people quote it: two significant digits, "< 0.001" below that. */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  if (p < 0.001) return '< 0.001';
  if (p >= 0.995) return '= 1';
  return `= ${p.toPrecision(2)}`;
}

/** A signed figure with a true minus sign, as in "−0.006". */
export function signed(x: number, digits = 3): string {
  const text = Math.abs(x).toFixed(digits);
  return x < 0 && Number(text) !== 0 ? `−${text}` : text;
}

/** A whole count with thousands separators ("1,200"), whatever the locale. */
export function countText(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/**
 * DeLong's result in one sentence, e.g. "A's ROC-AUC is 0.014 higher (95 % CI −0.006 to 0.035,
 * p = 0.17): no evidence of a difference on these 1,200 cases."
 */
export function describeDelong(test: DelongTest, names: { a: string; b: string } = { a: 'A', b: 'B' }): string {
  const { a, b } = names;
  const cases = countText(test.positives + test.negatives);
  const size = Math.abs(test.diff).toFixed(3);
  const level = Math.round(test.confidence * 100);
  const figures = `(${level} % CI ${signed(test.ciLow)} to ${signed(test.ciHigh)}, p ${formatP(test.p)})`;
  const head = Number(size) === 0 ? `${a}'s ROC-AUC is the same as ${b}'s to three decimals` : `${a}'s ROC-AUC is ${size} ${test.diff > 0 ? 'higher' : 'lower'}`;
  if (!(test.p < SIGNIFICANCE)) return `${head} ${figures}: no evidence of a difference on these ${cases} cases.`;
  const better = test.diff > 0 ? a : b;
  const worse = test.diff > 0 ? b : a;
  return `${head} ${figures}: ${better} ranks these ${cases} cases better than ${worse}, by more than chance alone explains.`;
}

/**
 * McNemar's result on one class in one sentence, e.g. "Recall: A 0.812, B 0.790 on 117
 * positives; 9 caught only by A, 6 only by B (exact p = 0.61): no evidence of a difference."
 */
export function describeMcnemar(test: McNemarTest, kind: 'recall' | 'specificity', names: { a: string; b: string } = { a: 'A', b: 'B' }): string {
  const { a, b } = names;
  const what = kind === 'recall' ? 'Recall' : 'Specificity';
  const cases = `${countText(test.cases)} ${kind === 'recall' ? 'positives' : 'negatives'}`;
  const right = kind === 'recall' ? 'caught' : 'cleared';
  const figures = `${what}: ${a} ${test.rateA.toFixed(3)}, ${b} ${test.rateB.toFixed(3)} on ${cases}; ${countText(test.b)} ${right} only by ${a}, ${countText(test.c)} only by ${b} (exact p ${formatP(test.p)})`;
  if (!(test.p < SIGNIFICANCE) || test.b === test.c) return `${figures}: no evidence of a difference.`;
  const better = test.b > test.c ? a : b;
  return `${figures}: ${better}'s ${kind} is higher, by more than chance alone explains.`;
}
