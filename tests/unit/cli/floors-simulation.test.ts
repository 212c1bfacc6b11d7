/**
 * The guardrail as a hypothesis test, measured: seeded samples from the distribution a point
 * was exported from (healthy) fail `cutoff check`'s default floors at most at the stated
 * false-alarm rate, and a real recall drop is caught at the stated power. The figures are
 * printed: npx vitest run tests/unit/cli/floors-simulation.test.ts
 */
import { describe, expect, it } from 'vitest';
import { floorsOf } from '../../../src/cli/floors';
import { mulberry32, type Random } from '../../../src/data/random';
import { defaultGuardrails } from '../../../src/decision/guardrails';
import type { Confusion } from '../../../src/metrics';
import { buildOperatingPoint } from '../../../src/session/operating-point';
import { baseInput } from './fixtures';

const RUNS = Number(process.env.FLOOR_RUNS ?? 400);
const ALPHA = 0.01;

/** A binomial draw as a sum of Bernoulli trials: exact, and fast enough at these sizes. */
function binomial(random: Random, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k++;
  return k;
}

/** One sample's matrix: prevalence, recall (TPR) and false-alarm rate (FPR) at the threshold. */
function sample(random: Random, rows: number, prevalence: number, recall: number, fpr: number): Confusion {
  const positives = binomial(random, rows, prevalence);
  const tp = binomial(random, positives, recall);
  const fp = binomial(random, rows - positives, fpr);
  return { tp, fn: positives - tp, fp, tn: rows - positives - fp };
}

/** Smallest k with P(X > k) <= 0.001 for X ~ Binomial(n, p): the count a healthy rate stays within. */
function binomialBound(n: number, p: number): number {
  let cdf = 0;
  let pmf = (1 - p) ** n;
  for (let k = 0; k <= n; k++) {
    cdf += pmf;
    if (1 - cdf <= 0.001) return k;
    pmf *= ((n - k) / (k + 1)) * (p / (1 - p));
  }
  return n;
}

function failures(seed: number, rows: number, recallNow: number): { failed: number; detectable: number } {
  const random = mulberry32(seed);
  let failed = 0;
  let detectable = 0;
  for (let run = 0; run < RUNS; run++) {
    const exported = sample(random, rows, 0.1, 0.7, 0.05);
    const point = buildOperatingPoint({ ...baseInput, confusion: exported, guardrails: { ...defaultGuardrails(), maxDrift: null, alpha: ALPHA } });
    const now = sample(random, rows, 0.1, recallNow, 0.05);
    const { floors } = floorsOf(point, {}, { confusion: now, groups: [], drift: null });
    if (floors.some((f) => !f.ok)) failed++;
    detectable += floors.find((f) => f.name === 'recall')?.test?.detectableDrop ?? Number.NaN;
  }
  return { failed, detectable: detectable / RUNS };
}

describe('the default floors: false-alarm rate and power, by seeded simulation', () => {
  const bound = binomialBound(RUNS, ALPHA);

  for (const [size, rows] of [
    ['small (2,000 rows, about 200 positives)', 2_000],
    ['large (50,000 rows, about 5,000 positives)', 50_000],
  ] as const) {
    it(`healthy samples, ${size}, fail at most at alpha = ${ALPHA}`, () => {
      const { failed } = failures(rows, rows, 0.7);
      console.log(`[floors] healthy ${size}: ${failed} of ${RUNS} runs failed (${((100 * failed) / RUNS).toFixed(2)}%; alpha ${ALPHA * 100}%, binomial bound ${bound})`);
      expect(failed).toBeLessThanOrEqual(bound);
    });
  }

  it('a recall drop of 0.05 at 5,000 positives is caught at least 90% of the time', () => {
    const { failed, detectable } = failures(7, 50_000, 0.65);
    console.log(
      `[floors] recall 0.70 → 0.65, 50,000 rows: caught in ${failed} of ${RUNS} runs (${((100 * failed) / RUNS).toFixed(1)}%); stated detectable drop ${detectable.toFixed(4)}`,
    );
    expect(failed / RUNS).toBeGreaterThanOrEqual(0.9);
    expect(detectable).toBeLessThan(0.05);
  });

  it('at 200 positives the report says a 0.05 drop is below what it detects, and the drop it states is caught at about 90%', () => {
    const small = failures(11, 2_000, 0.65);
    expect(small.detectable).toBeGreaterThan(0.05);
    const stated = failures(13, 2_000, 0.7 - small.detectable);
    console.log(
      `[floors] 2,000 rows: a 0.05 drop caught in ${small.failed} of ${RUNS}; the stated detectable drop ${small.detectable.toFixed(4)} caught in ${stated.failed} of ${RUNS} (${((100 * stated.failed) / RUNS).toFixed(1)}%)`,
    );
    // 90% power, within sampling error of 400 runs (and the normal approximation at this size).
    expect(stated.failed / RUNS).toBeGreaterThanOrEqual(0.82);
  });
});
