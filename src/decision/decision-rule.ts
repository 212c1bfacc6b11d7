/**
 * The one decision rule for a row, shared by the page's predictions.csv, `cutoff apply`,
 * `cutoff check` and `cutoff sql --apply`: from a score and a group, the decision
 * (`score >= threshold`, or review inside the review band), whether the row is in the review
 * band, its named risk band and its group's threshold. The columns they write are chosen here
 * once, so one column name means one thing in every file Cutoff writes.
 */
import { numberCell, textCell } from '../data/csv-writer';
import { bandIndexOf } from '../metrics/risk-bands';

export type Decision = 'positive' | 'negative' | 'review';

/**
 * What a rule is built from. An OperatingPoint is one as it is; the page builds one from its
 * settings and its groups' solution (src/session/predictions-csv).
 */
export interface DecisionRuleSpec {
  /** Cases with score >= threshold are positive (the threshold of a row without a group). */
  threshold: number;
  /** Inconclusive band [lower, upper): cases there go to review. */
  band: { lower: number; upper: number } | null;
  groups?: { column: string; thresholds: readonly { value: string; threshold: number }[]; otherThreshold?: number } | null;
  /** Named risk bands: band i holds cuts[i−1] <= score < cuts[i]. */
  bands?: { cuts: readonly number[]; names: readonly string[] } | null;
}

/**
 * The decision columns, in the order written; a file carries those that apply to its rule:
 * `review` with a review band, `risk_band` with named bands, `group_threshold` with groups.
 */
export const DECISION_COLUMNS = ['decision', 'review', 'risk_band', 'group_threshold'] as const;
export type DecisionColumn = (typeof DECISION_COLUMNS)[number];

/** The `review` column's values: the score is inside the review band, or outside it. */
export const REVIEW_IN = 'in';
export const REVIEW_OUT = 'out';

export interface RowDecision {
  decision: Decision;
  /** True when the score lies in the review band [lower, upper). */
  review: boolean;
  /** The named risk band the score falls in; null without bands. */
  riskBand: string | null;
  /** The threshold that applied: the row's group's, or the overall one. */
  threshold: number;
}

export class DecisionRule {
  /** The column whose value picks a row's threshold; null without groups. */
  readonly groupColumn: string | null;
  /** The decision columns this rule's files carry (see DECISION_COLUMNS). */
  readonly columns: readonly DecisionColumn[];
  readonly threshold: number;
  readonly band: { lower: number; upper: number } | null;
  /** A listed group's threshold, by the group's value. */
  readonly groupThresholds: ReadonlyMap<string, number>;
  /** The threshold of a row whose group is missing or not listed. */
  readonly otherThreshold: number;
  readonly cuts: readonly number[];
  /** One name per risk band (cuts.length + 1 of them), or none without bands. */
  readonly bandNames: readonly string[];

  constructor(spec: DecisionRuleSpec) {
    this.threshold = spec.threshold;
    this.band = spec.band;
    this.groupColumn = spec.groups?.column ?? null;
    this.groupThresholds = new Map((spec.groups?.thresholds ?? []).map((g) => [g.value, g.threshold]));
    this.otherThreshold = spec.groups?.otherThreshold ?? spec.threshold;
    this.cuts = spec.bands?.cuts ?? [];
    this.bandNames = this.cuts.length > 0 ? (spec.bands?.names ?? []) : [];
    this.columns = DECISION_COLUMNS.filter(
      (c) => c === 'decision' || (c === 'review' && this.hasReviewBand) || (c === 'risk_band' && this.hasBands) || (c === 'group_threshold' && this.groupColumn !== null),
    );
  }

  get hasBands(): boolean {
    return this.cuts.length > 0;
  }

  get hasReviewBand(): boolean {
    return this.band !== null;
  }

  /**
   * The threshold for a row of this group: a listed group's, the other threshold for any other
   * (a missing one is ''); null (rows read without their group, such as a threshold table's) the
   * overall threshold.
   */
  thresholdFor(group: string | null): number {
    if (this.groupColumn === null || group === null) return this.threshold;
    return this.groupThresholds.get(group) ?? this.otherThreshold;
  }

  /** Index of the named band a score falls in (the one declaration in src/metrics/risk-bands). */
  bandIndex(score: number): number {
    return bandIndexOf(score, this.cuts);
  }

  /** The band's name; its number when the export names fewer bands than it cuts. */
  bandName(score: number): string {
    const i = this.bandIndex(score);
    return this.bandNames[i] ?? String(i);
  }

  decide(score: number, group: string | null): RowDecision {
    const threshold = this.thresholdFor(group);
    const review = this.band !== null && score >= this.band.lower && score < this.band.upper;
    return {
      decision: review ? 'review' : score >= threshold ? 'positive' : 'negative',
      review,
      riskBand: this.hasBands ? this.bandName(score) : null,
      threshold,
    };
  }

  /** A row's decision columns as CSV cells, in `columns` order (text escaped as the CSV writer escapes it). */
  cells(row: RowDecision): string[] {
    return this.columns.map((c) => {
      if (c === 'decision') return row.decision;
      if (c === 'review') return row.review ? REVIEW_IN : REVIEW_OUT;
      if (c === 'risk_band') return textCell(row.riskBand ?? '');
      return numberCell(row.threshold);
    });
  }
}
