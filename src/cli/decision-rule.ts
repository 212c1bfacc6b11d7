/**
 * The exported decision applied to one row: the threshold (or its group's threshold), the
 * review band and the named risk bands. The same rule as the page: positive when
 * score >= threshold, review when lower <= score < upper.
 */
import type { OperatingPoint } from '../session/operating-point';
import { decide } from '../session/predictions-csv';

export interface RowDecision {
  threshold: number;
  decision: 'positive' | 'negative' | 'review';
}

export class DecisionRule {
  readonly groupColumn: string | null;
  private readonly byGroup = new Map<string, number>();
  private readonly otherThreshold: number;
  private readonly cuts: readonly number[];
  private readonly names: readonly string[];

  constructor(readonly point: OperatingPoint) {
    this.groupColumn = point.groups?.column ?? null;
    for (const g of point.groups?.thresholds ?? []) this.byGroup.set(g.value, g.threshold);
    this.otherThreshold = point.groups?.otherThreshold ?? point.threshold;
    this.cuts = point.bands?.cuts ?? [];
    this.names = point.bands?.names ?? [];
  }

  get hasBands(): boolean {
    return this.cuts.length > 0;
  }

  get hasReviewBand(): boolean {
    return this.point.band !== null;
  }

  /** The threshold that applies to a row of this group (the global one without groups). */
  thresholdFor(group: string | null): number {
    if (this.groupColumn === null || group === null) return this.point.threshold;
    return this.byGroup.get(group) ?? this.otherThreshold;
  }

  decide(score: number, group: string | null): RowDecision {
    const threshold = this.thresholdFor(group);
    return { threshold, decision: decide(score, { threshold, band: this.point.band }) };
  }

  /** Index of the named band a score falls in: band i holds cuts[i-1] <= score < cuts[i]. */
  bandIndex(score: number): number {
    let i = 0;
    while (i < this.cuts.length && score >= this.cuts[i]) i++;
    return i;
  }

  bandName(score: number): string {
    if (this.hasBands) return this.names[this.bandIndex(score)] ?? String(this.bandIndex(score));
    if (this.point.band) return score >= this.point.band.lower && score < this.point.band.upper ? 'inside' : 'outside';
    return '';
  }

  get bandNames(): readonly string[] {
    return this.names;
  }
}
