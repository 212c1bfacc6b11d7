/**
 * McNemar's exact test of two models' decisions on the same cases, each at its own threshold
 * (score >= t is positive). On the positives it compares recall, on the negatives specificity:
 * only the discordant cases count, b (A right, B wrong) and c (A wrong, B right), and under
 * "equally good" each discordant case is A's or B's with probability 1/2, so the exact
 * two-sided p-value is min(1, 2·P(Bin(b + c, 1/2) ≤ min(b, c))).
 */
import { binomialCdf } from './binomial';
import { rateOf } from './rates';
import type { PairedCases } from './delong';
import { describeNumber, MetricsInputError } from './errors';

/** McNemar's test on one class. */
export interface McNemarTest {
  /** Cases of the class (counted with their weights). */
  cases: number;
  /** The share each model gets right: recall on the positives, specificity on the negatives. */
  rateA: number;
  rateB: number;
  /** Discordant cases: b = A right and B wrong, c = A wrong and B right. */
  b: number;
  c: number;
  /** Exact two-sided p-value; 1 when there is no discordant case. */
  p: number;
}

export interface McNemarTests {
  thresholdA: number;
  thresholdB: number;
  /** Recall: right = flagged. */
  positives: McNemarTest;
  /** Specificity: right = not flagged. */
  negatives: McNemarTest;
}

/** The exact two-sided McNemar p-value from the discordant counts b and c. */
export function mcnemarExactP(b: number, c: number): number {
  return Math.min(1, 2 * binomialCdf(Math.min(b, c), b + c, 0.5));
}

function testOf(cases: number, rightA: number, rightB: number, b: number, c: number): McNemarTest {
  return { cases, rateA: rateOf(rightA, cases) ?? NaN, rateB: rateOf(rightB, cases) ?? NaN, b, c, p: mcnemarExactP(b, c) };
}

/**
 * McNemar's exact tests at thresholds tA (model A) and tB (model B), on the positives and on
 * the negatives. Weights are whole counts, as in {@link delongTest}. O(N).
 * @throws MetricsInputError on mismatched lengths, a non-finite threshold or a fractional weight.
 */
export function mcnemarTests(cases: PairedCases, thresholdA: number, thresholdB: number): McNemarTests {
  const { scoresA, scoresB, labels } = cases;
  const weights = cases.weights ?? null;
  const total = labels.length;
  if (scoresA.length !== total || scoresB.length !== total || (weights !== null && weights.length !== total)) {
    throw new MetricsInputError('The two score sets, the labels and the weights must have one value per case.');
  }
  if (!Number.isFinite(thresholdA) || !Number.isFinite(thresholdB)) {
    throw new MetricsInputError(`The thresholds must be finite numbers, not ${describeNumber(thresholdA)} and ${describeNumber(thresholdB)}.`);
  }
  // [cases, A right, B right, b, c] for the positives and for the negatives.
  const pos = [0, 0, 0, 0, 0];
  const neg = [0, 0, 0, 0, 0];
  for (let i = 0; i < total; i++) {
    const w = weights === null ? 1 : weights[i];
    if (!Number.isInteger(w) || w < 0) {
      throw new MetricsInputError(`Weight in row ${i + 1} is ${describeNumber(w)}: McNemar's test counts cases, so weights must be whole counts.`, i);
    }
    if (w === 0) continue;
    if (!Number.isFinite(scoresA[i]) || !Number.isFinite(scoresB[i])) {
      throw new MetricsInputError(`Score in row ${i + 1} is ${describeNumber(Number.isFinite(scoresA[i]) ? scoresB[i] : scoresA[i])}; every score must be a finite number.`, i);
    }
    const positive = labels[i] !== 0;
    const rightA = scoresA[i] >= thresholdA === positive;
    const rightB = scoresB[i] >= thresholdB === positive;
    const tally = positive ? pos : neg;
    tally[0] += w;
    if (rightA) tally[1] += w;
    if (rightB) tally[2] += w;
    if (rightA && !rightB) tally[3] += w;
    if (!rightA && rightB) tally[4] += w;
  }
  return {
    thresholdA,
    thresholdB,
    positives: testOf(pos[0], pos[1], pos[2], pos[3], pos[4]),
    negatives: testOf(neg[0], neg[1], neg[2], neg[3], neg[4]),
  };
}
