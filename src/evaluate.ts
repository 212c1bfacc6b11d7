import { expectedCostAt, impliedCostRatio, metricsFromConfusion, type Confusion, type ScoreCurve, type ThresholdMetrics } from './metrics';

/** Everything the page shows, and the export writes, about one threshold. */
export interface ThresholdEvaluation {
  /** Operating point: how many distinct scores are at or above the threshold. */
  index: number;
  confusion: Confusion;
  metrics: ThresholdMetrics;
  /** Expected cost per case, at the assumed prevalence when one is given. */
  expectedCost: number;
  impliedCostRatio: { low: number; high: number } | null;
}

/** Evaluates a threshold on a curve; O(log n) apart from the implied-ratio lookup. */
export function evaluateThreshold(
  curve: ScoreCurve,
  threshold: number,
  costs: { costFp: number; costFn: number },
  prevalence: number | null,
): ThresholdEvaluation {
  const index = curve.indexAt(threshold);
  const confusion = curve.confusionAtIndex(index);
  return {
    index,
    confusion,
    metrics: metricsFromConfusion(confusion, costs),
    expectedCost: expectedCostAt(curve, index, costs, prevalence ?? undefined),
    impliedCostRatio: impliedCostRatio(curve, index, prevalence ?? undefined),
  };
}
