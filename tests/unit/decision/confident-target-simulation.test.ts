/**
 * The confidence targets' guarantee, shown by simulation: 1,000 seeded samples of 1,000 cases
 * from a population whose figures are known in closed form (target-population.ts). For each
 * target, the population figure at the chosen cutoff must meet the target in at least C of
 * the runs (within the binomial bound), and the median population figure must not sit
 * needlessly far above the target; the grid-and-Hoeffding–Bentkus peer is printed beside it.
 * `npx vitest run tests/unit/decision/confident-target-simulation.test.ts` prints the table.
 */
import { describe, expect, test } from 'vitest';
import { solveConfidentTarget } from '../../../src/decision/confident-target';
import { binomialCdf } from '../../../src/metrics/binomial';
import { ScoreCurve } from '../../../src/metrics/score-curve';
import type { TargetKind } from '../../../src/metrics/targets';
import { peerPrecisionThreshold, peerRecallThreshold } from './grid-hb-peer';
import { populationAlarmRate, populationFpr, populationPrecision, populationRecall, samples } from './target-population';

const RUNS = 1000;
const CASES = 1000;

/** The fewest successes of RUNS runs at rate C that a correct procedure shows with probability 0.999. */
function coverageFloor(confidence: number): number {
  let x = 0;
  while (binomialCdf(x, RUNS, confidence) < 0.001) x++;
  return x;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Case {
  kind: TargetKind;
  value: number;
  confidence: number;
  population: (t: number) => number;
  /** Whether the population figure must be at least (floor) or at most (ceiling) the target. */
  floor: boolean;
  /** The median population figure must lie within this of the target. */
  slack: number;
  peer?: (scores: Float64Array, labels: Uint8Array) => number | null;
  /** Whether a higher population recall is the better outcome (precision) or a lower one (recall: fewer alarms). */
  moreRecallIsBetter?: boolean;
}

const CASES_TESTED: Case[] = [
  { kind: 'fewest-alarms-at-recall', value: 0.9, confidence: 0.95, population: populationRecall, floor: true, slack: 0.07, peer: (s, l) => peerRecallThreshold(s, l, 0.9, 0.95) },
  { kind: 'fewest-alarms-at-recall', value: 0.8, confidence: 0.9, population: populationRecall, floor: true, slack: 0.07 },
  {
    kind: 'best-recall-at-precision',
    value: 0.8,
    confidence: 0.95,
    population: populationPrecision,
    floor: true,
    slack: 0.12,
    peer: (s, l) => peerPrecisionThreshold(s, l, 0.8, 0.95),
    moreRecallIsBetter: true,
  },
  { kind: 'max-fpr', value: 0.05, confidence: 0.95, population: populationFpr, floor: false, slack: 0.02 },
  { kind: 'max-alarms-per-1000', value: 100, confidence: 0.99, population: (t) => populationAlarmRate(t) * 1000, floor: false, slack: 30 },
];

describe('confidence targets hold on new cases (1,000 samples of 1,000 cases)', () => {
  test.each(CASES_TESTED)('$kind $value at confidence $confidence', ({ kind, value, confidence, population, floor, slack, peer, moreRecallIsBetter }) => {
    const figures: number[] = [];
    const recalls: number[] = [];
    const peerRecalls: number[] = [];
    // A refusal ("no cutoff can be certified") breaks no promise: only a certified cutoff that misses does.
    let broken = 0;
    let refused = 0;
    for (const { scores, labels } of samples(20261206, RUNS, CASES)) {
      const outcome = solveConfidentTarget(ScoreCurve.from(scores, labels), { kind, value, confidence });
      if (!outcome.ok) {
        refused++;
        recalls.push(0);
      } else {
        const figure = population(outcome.result.threshold);
        figures.push(figure);
        recalls.push(populationRecall(outcome.result.threshold));
        if (floor ? figure < value : figure > value) broken++;
      }
      if (peer) {
        const t = peer(scores, labels);
        peerRecalls.push(t === null ? 0 : populationRecall(t));
      }
    }
    const met = RUNS - broken;
    console.log(
      `${kind} ${value} @ ${confidence}: held in ${met} of ${RUNS} (floor ${coverageFloor(confidence)}, ${refused} refused); ` +
        `median population figure ${median(figures).toFixed(4)}, median population recall ${median(recalls).toFixed(4)}` +
        (peer ? `; grid + Hoeffding–Bentkus peer's median population recall ${median(peerRecalls).toFixed(4)}` : ''),
    );
    expect(met).toBeGreaterThanOrEqual(coverageFloor(confidence));
    expect(refused).toBeLessThan(RUNS / 10);
    expect(Math.abs(median(figures) - value)).toBeLessThanOrEqual(slack);
    if (peer) {
      // Ours is never the more conservative: fewer alarms for a recall floor, more recall for a precision floor.
      if (moreRecallIsBetter) expect(median(recalls)).toBeGreaterThanOrEqual(median(peerRecalls));
      else expect(median(recalls)).toBeLessThanOrEqual(median(peerRecalls));
    }
  });

  test('without a confidence the target holds on these cases only: about half the runs miss it', () => {
    let met = 0;
    for (const { scores, labels } of samples(7, 200, CASES)) {
      const outcome = solveConfidentTarget(ScoreCurve.from(scores, labels), { kind: 'fewest-alarms-at-recall', value: 0.9, confidence: null });
      if (!outcome.ok) throw new Error(outcome.message);
      if (populationRecall(outcome.result.threshold) >= 0.9) met++;
    }
    expect(met).toBeLessThan(150);
  });
});
