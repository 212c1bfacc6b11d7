import { costOptimal, expectedCostAt, impliedCostRatio, type Confusion, type ScoreCurve, type ThresholdMetrics } from '.';
import { metricsAtPrevalence } from './prevalence';
import { modelCostAt, modelCostOptimal, type CostModel } from './row-costs';

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

/**
 * Evaluates a threshold on a curve; O(log n) apart from the implied-ratio lookup. With an
 * assumed prevalence the metrics (precision, NPV, accuracy, alarm rate…) are re-weighted to
 * it; the confusion matrix stays the counts of the data. With a cost model (row costs) the
 * expected cost is that model's.
 */
export function evaluateThreshold(
  curve: ScoreCurve,
  threshold: number,
  costs: { costFp: number; costFn: number },
  prevalence: number | null,
  costModel?: CostModel | null,
): ThresholdEvaluation {
  const index = curve.indexAt(threshold);
  const confusion = curve.confusionAtIndex(index);
  const metrics = metricsAtPrevalence(confusion, costs, prevalence);
  const expectedCost = costModel ? modelCostAt(curve, costModel, index, prevalence ?? undefined) : expectedCostAt(curve, index, costs, prevalence ?? undefined);
  return {
    index,
    confusion,
    metrics: { ...metrics, expectedCost },
    expectedCost,
    impliedCostRatio: impliedCostRatio(curve, index, prevalence ?? undefined),
  };
}

/**
 * The operating point of least expected cost: with a cost model holding costs per row, that
 * model's optimum; otherwise the constant costs'. O(size) — once per change of the costs.
 */
export function cheapestOperatingPoint(
  curve: ScoreCurve,
  costs: { costFp: number; costFn: number },
  prevalence: number | null,
  costModel?: CostModel | null,
): { index: number; threshold: number; expectedCost: number } {
  return costModel?.perRow ? modelCostOptimal(curve, costModel, prevalence ?? undefined) : costOptimal(curve, costs, prevalence ?? undefined);
}
