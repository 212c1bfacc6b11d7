/**
 * Weighted positive/negative counts per score, gathered row by row in bounded memory and turned
 * into the page's ScoreCurve. Two kinds: one entry per distinct score (exact, memory grows with
 * the number of distinct scores up to a cap) and fixed-width bins on [0, 1] (fixed memory).
 */
import { ScoreCurve } from '../metrics/score-curve';

/** Most distinct scores kept exactly: 2e6 keep the table under 100 MB (24 bytes a slot, half full). */
export const MAX_DISTINCT_SCORES = 2_000_000;

export interface ScoreCounts {
  /** Adds `weight` to the positive or negative count of `score`; false when the table is full. */
  add(score: number, positive: boolean, weight: number): boolean;
  /** The ScoreCurve of what was added (n = rows added); null when nothing had weight. */
  curve(rows: number): ScoreCurve | null;
  /** (score, positives, negatives) for every score with weight, ascending. */
  entries(): { scores: Float64Array; pos: Float64Array; neg: Float64Array };
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

function hashOf(score: number): number {
  bits[0] = score;
  let h = Math.imul(words[0] ^ Math.imul(words[1], 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 16);
}

/** One entry per distinct score, in an open-addressing table of typed arrays. */
export class DistinctScores implements ScoreCounts {
  private keys = new Float64Array(1 << 12);
  private pos = new Float64Array(1 << 12);
  private neg = new Float64Array(1 << 12);
  private used = new Uint8Array(1 << 12);
  private size = 0;

  constructor(private readonly limit: number = MAX_DISTINCT_SCORES) {}

  get distinct(): number {
    return this.size;
  }

  add(score: number, positive: boolean, weight: number): boolean {
    const key = score === 0 ? 0 : score; // -0 and 0 are one threshold
    const mask = this.keys.length - 1;
    let slot = hashOf(key) & mask;
    while (this.used[slot] === 1 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    if (this.used[slot] === 0) {
      if (this.size >= this.limit) return false;
      this.used[slot] = 1;
      this.keys[slot] = key;
      this.size++;
      if (positive) this.pos[slot] += weight;
      else this.neg[slot] += weight;
      if (this.size * 2 > this.keys.length) this.grow();
      return true;
    }
    if (positive) this.pos[slot] += weight;
    else this.neg[slot] += weight;
    return true;
  }

  /** Frees the table (once it is full and no longer used); `distinct` keeps its count. */
  clear(): void {
    this.keys = new Float64Array(1);
    this.pos = new Float64Array(1);
    this.neg = new Float64Array(1);
    this.used = new Uint8Array(1);
  }

  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = hashOf(key) & mask;
    while (this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, pos, neg, used } = this;
    const capacity = keys.length * 2;
    this.keys = new Float64Array(capacity);
    this.pos = new Float64Array(capacity);
    this.neg = new Float64Array(capacity);
    this.used = new Uint8Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < keys.length; i++) {
      if (used[i] === 0) continue;
      let slot = hashOf(keys[i]) & mask;
      while (this.used[slot] === 1) slot = (slot + 1) & mask;
      this.used[slot] = 1;
      this.keys[slot] = keys[i];
      this.pos[slot] = pos[i];
      this.neg[slot] = neg[i];
    }
  }

  entries(): { scores: Float64Array; pos: Float64Array; neg: Float64Array } {
    // Keys sorted natively (a typed-array sort), then each one's counts looked up again.
    let m = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.used[i] === 1 && this.pos[i] + this.neg[i] > 0) m++;
    const scores = new Float64Array(m);
    for (let i = 0, k = 0; i < this.keys.length; i++) if (this.used[i] === 1 && this.pos[i] + this.neg[i] > 0) scores[k++] = this.keys[i];
    scores.sort();
    const pos = new Float64Array(m);
    const neg = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const slot = this.slotOf(scores[k]);
      pos[k] = this.pos[slot];
      neg[k] = this.neg[slot];
    }
    return { scores, pos, neg };
  }

  curve(rows: number): ScoreCurve | null {
    return curveOfEntries(this.entries(), rows);
  }
}

/**
 * Fixed-width bins on [0, 1]: a score s is counted at floor(s·N)/N, the same double the
 * printed SQL computes, so thresholds on the grid i/N give exact counts.
 */
export class BinnedScores implements ScoreCounts {
  private readonly pos: Float64Array;
  private readonly neg: Float64Array;

  constructor(readonly bins: number) {
    // One slot more for score 1 itself, which is its own bin edge.
    this.pos = new Float64Array(bins + 1);
    this.neg = new Float64Array(bins + 1);
  }

  /** The bin a score falls in; scores outside [0, 1] are clamped by the caller's choice. */
  static binOf(score: number, bins: number): number {
    return Math.floor(score * bins);
  }

  add(score: number, positive: boolean, weight: number): boolean {
    const bin = Math.min(this.bins, Math.max(0, Math.floor(score * this.bins)));
    if (positive) this.pos[bin] += weight;
    else this.neg[bin] += weight;
    return true;
  }

  entries(): { scores: Float64Array; pos: Float64Array; neg: Float64Array } {
    const kept: number[] = [];
    for (let b = 0; b <= this.bins; b++) if (this.pos[b] + this.neg[b] > 0) kept.push(b);
    return {
      scores: Float64Array.from(kept, (b) => b / this.bins),
      pos: Float64Array.from(kept, (b) => this.pos[b]),
      neg: Float64Array.from(kept, (b) => this.neg[b]),
    };
  }

  curve(rows: number): ScoreCurve | null {
    return curveOfEntries(this.entries(), rows);
  }
}

/** A ScoreCurve from ascending (score, pos, neg) entries: thresholds descending, counts cumulative. */
export function curveOfEntries(e: { scores: Float64Array; pos: Float64Array; neg: Float64Array }, rows: number): ScoreCurve | null {
  const m = e.scores.length;
  if (m === 0) return null;
  const thresholds = new Float64Array(m);
  const cumTp = new Float64Array(m);
  const cumFp = new Float64Array(m);
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < m; k++) {
    const i = m - 1 - k;
    tp += e.pos[i];
    fp += e.neg[i];
    thresholds[k] = e.scores[i];
    cumTp[k] = tp;
    cumFp[k] = fp;
  }
  return new ScoreCurve(rows, thresholds, cumTp, cumFp);
}

/**
 * How far ROC-AUC and AP computed on binned scores can be from the exact figures of the
 * unbinned scores, from the bins alone. Within a bin the true order is unknown: ROC-AUC counts
 * its positive–negative pairs as half-ordered, so it is off by at most half of them; for AP, the
 * precision at each positive inside a bin lies between the precisions the bin's ends allow.
 * Exact for count data (each row weight 1); with fractional weights a close approximation.
 */
export function binningErrorBound(curve: ScoreCurve): { rocAuc: number; averagePrecision: number } {
  const P = curve.positives;
  const N = curve.negatives;
  let pairs = 0;
  let ap = 0;
  let tp0 = 0;
  let fp0 = 0;
  for (let k = 0; k < curve.thresholds.length; k++) {
    const tp1 = curve.cumTp[k];
    const fp1 = curve.cumFp[k];
    const pb = tp1 - tp0;
    const nb = fp1 - fp0;
    pairs += pb * nb;
    if (pb > 0) {
      const binned = tp1 / (tp1 + fp1);
      const step = Math.min(1, pb);
      const low = (tp0 + step) / (tp0 + step + fp1);
      const high = tp1 / (tp1 + fp0);
      ap += (pb / P) * Math.max(high - binned, binned - low);
    }
    tp0 = tp1;
    fp0 = fp1;
  }
  return { rocAuc: P > 0 && N > 0 ? (0.5 * pairs) / (P * N) : 0, averagePrecision: P > 0 ? ap : 0 };
}
