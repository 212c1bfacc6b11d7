/**
 * `cutoff check`'s one pass over the rows: each row counted once into the matrix (overall, per
 * group, with squared weights for Kish's effective size when there is a weight column), the bands,
 * the drift histogram and the score counts ROC-AUC and AP are read from. This is the command's
 * hot path: a row costs a few comparisons and additions, no allocation.
 */
import type { Confusion } from '../metrics';
import { histogramBinner } from '../decision/guardrails';
import { DecisionRule } from '../decision/decision-rule';
import { labelKey } from '../data/label-values';
import type { OperatingPoint } from '../session/operating-point';
import { LabelTally } from './label-check';
import { BinnedScores, DistinctScores } from './score-counts';

/**
 * Distinct scores kept for exact ROC-AUC and AP. Beyond, the bins below give them within a
 * stated bound (the matrix and floors stay exact): a table of millions of scores cost a
 * 10-million-row check more time than reading the file.
 */
export const EXACT_RANKING_SCORES = 1 << 18;

/** Bins for ROC-AUC and AP once a file has more distinct scores than are kept exactly. */
export const FALLBACK_BINS = 1 << 16;

export function emptyConfusion(): Confusion {
  return { tp: 0, fp: 0, tn: 0, fn: 0 };
}

function count(c: Confusion, predictedPositive: boolean, positive: boolean, weight: number): void {
  if (predictedPositive) {
    if (positive) c.tp += weight;
    else c.fp += weight;
  } else if (positive) c.fn += weight;
  else c.tn += weight;
}

export class CheckTally {
  readonly labels = new LabelTally();
  readonly rule: DecisionRule;
  readonly confusion = emptyConfusion();
  readonly byGroup = new Map<string, Confusion>();
  /** Squared weights in units of the first weight (`scale`), for Kish's effective sample size. */
  readonly squares = emptyConfusion();
  readonly squaresByGroup = new Map<string, Confusion>();
  readonly bandRows: { rows: number; positives: number }[];
  readonly driftCounts: number[] | null;
  readonly exact = new DistinctScores(EXACT_RANKING_SCORES);
  readonly binned = new BinnedScores(FALLBACK_BINS);
  exactOk = true;
  scale = 0;
  wholeWeights = true;
  review = 0;
  outside = 0;
  predicted = 0;
  total = 0;
  private readonly binOf: ((score: number) => number) | null;
  private readonly band: OperatingPoint['band'];
  private readonly positiveKey: string;
  /** Each spelling's answer: a row then costs one lookup, not a case fold. */
  private readonly positiveBySpelling = new Map<string, boolean>();
  /** The last label's answer: a label column alternates between a few spellings. */
  private lastLabel: string | null = null;
  private lastPositive = false;

  constructor(
    point: OperatingPoint,
    private readonly positiveLabel: string,
    private readonly weighted: boolean,
  ) {
    this.rule = new DecisionRule(point);
    this.band = point.band;
    this.positiveKey = labelKey(positiveLabel);
    this.bandRows = this.rule.bandNames.map(() => ({ rows: 0, positives: 0 }));
    const histogram = point.guardrails?.histogram ?? null;
    this.driftCounts = histogram ? new Array<number>(histogram.counts.length).fill(0) : null;
    this.binOf = histogram ? histogramBinner(histogram.edges) : null;
  }

  private isPositive(label: string): boolean {
    if (label === this.lastLabel) return this.lastPositive;
    let positive = this.positiveBySpelling.get(label);
    if (positive === undefined) {
      positive = label === this.positiveLabel || (label.length === this.positiveKey.length && labelKey(label) === this.positiveKey);
      if (this.positiveBySpelling.size < 256) this.positiveBySpelling.set(label, positive);
    }
    this.lastLabel = label;
    this.lastPositive = positive;
    return positive;
  }

  /** Counts one row (or a count table's bin): `label` null when the file has no labels. */
  visit(score: number, label: string | null, weight: number, group: string | null): void {
    const positive = label !== null && this.isPositive(label);
    const alarm = score >= this.rule.thresholdFor(group);
    this.total += weight;
    if (alarm) this.predicted += weight;
    const band = this.band;
    if (band !== null && score >= band.lower && score < band.upper) this.review += weight;
    if (this.rule.hasBands) {
      const b = this.bandRows[this.rule.bandIndex(score)];
      b.rows += weight;
      if (positive) b.positives += weight;
    }
    if (this.driftCounts && this.binOf) this.driftCounts[this.binOf(score)] += weight;
    if (score < 0 || score > 1) this.outside++;
    if (label === null) return;
    this.labels.add(label, weight);
    count(this.confusion, alarm, positive, weight);
    // Squared weights only matter with a weight column (Kish's effective size): every row pays otherwise.
    let square = 1;
    if (this.weighted) {
      if (this.scale === 0 && weight > 0) this.scale = weight;
      square = weight === this.scale ? 1 : this.scale > 0 ? (weight / this.scale) ** 2 : 0;
      if (this.wholeWeights && !Number.isInteger(weight)) this.wholeWeights = false;
      count(this.squares, alarm, positive, square);
    }
    if (group !== null) {
      let c = this.byGroup.get(group);
      if (!c) this.byGroup.set(group, (c = emptyConfusion()));
      count(c, alarm, positive, weight);
      if (this.weighted) {
        let q = this.squaresByGroup.get(group);
        if (!q) this.squaresByGroup.set(group, (q = emptyConfusion()));
        count(q, alarm, positive, square);
      }
    }
    if (this.exactOk && !this.exact.add(score, positive, weight)) {
      this.exactOk = false;
      this.exact.clear();
    }
    this.binned.add(score, positive, weight);
  }
}
