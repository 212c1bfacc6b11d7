/**
 * Turns the loss the user picked, and the class balance of the training split, into the
 * numbers the trainer uses: the objective's row weights (what losses are reported and early
 * stopping compares), the weights applied to training batches, and the oversampling factor.
 */
import type { LossName, TrainOptions } from './train-protocol';
import type { LossWeights } from './losses';

/** A resolved loss for one run. */
export interface LossSpec {
  name: LossName;
  /** The pos_weight in effect (neg/pos when the user left it blank). */
  posWeight: number;
  /** The objective: reported training and validation losses use these weights. */
  objective: LossWeights;
  /** The weights of rows inside a training batch (1 and 1 when oversampling supplies the weight). */
  batch: LossWeights;
  /** Expected copies of each training positive per epoch; 1 means no oversampling. */
  oversample: number;
  /** The loss in words, with its numbers. */
  description: string;
}

/** Thrown for settings the user must change; the message is shown as is. */
export class LossSettingsError extends Error {}

/** Resolves `options` for a training split with `positives` and `negatives` rows. */
export function resolveLoss(options: Pick<TrainOptions, 'loss' | 'posWeight' | 'focalGamma' | 'focalAlpha'>, positives: number, negatives: number): LossSpec {
  const w = options.posWeight ?? negatives / positives;
  if (!(w > 0) || !Number.isFinite(w)) throw new LossSettingsError(`pos_weight must be positive, got ${w}`);
  const fixed = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));
  switch (options.loss) {
    case 'weighted-bce': {
      const objective = { positive: w, negative: 1, gamma: 0 };
      return { name: options.loss, posWeight: w, objective, batch: objective, oversample: 1, description: `weighted BCE on logits, pos_weight ${fixed(w)}` };
    }
    case 'class-weights': {
      // Same ratio as pos_weight, scaled so that the average row weight over the split is 1.
      const k = (positives + negatives) / (w * positives + negatives);
      const objective = { positive: w * k, negative: k, gamma: 0 };
      return {
        name: options.loss,
        posWeight: w,
        objective,
        batch: objective,
        oversample: 1,
        description: `BCE with class weights ${fixed(w * k)} (positive) and ${fixed(k)} (negative)`,
      };
    }
    case 'focal': {
      const { focalGamma: gamma, focalAlpha: alpha } = options;
      if (!(gamma >= 0 && gamma <= 10)) throw new LossSettingsError(`focal γ must be between 0 and 10, got ${gamma}`);
      if (!(alpha > 0 && alpha < 1)) throw new LossSettingsError(`focal α must be between 0 and 1 (exclusive), got ${alpha}`);
      const objective = { positive: alpha, negative: 1 - alpha, gamma };
      return {
        name: options.loss,
        posWeight: alpha / (1 - alpha),
        objective,
        batch: objective,
        oversample: 1,
        description: `focal loss, γ ${fixed(gamma)}, α ${fixed(alpha)}`,
      };
    }
    case 'oversample': {
      if (w < 1) throw new LossSettingsError(`oversampling repeats positives pos_weight times, so pos_weight must be at least 1 (got ${fixed(w)})`);
      return {
        name: options.loss,
        posWeight: w,
        // The oversampled plain BCE has, in expectation, the weighted BCE as its objective.
        objective: { positive: w, negative: 1, gamma: 0 },
        batch: { positive: 1, negative: 1, gamma: 0 },
        oversample: w,
        description: `BCE on training data with positives repeated ${fixed(w)}× (random oversampling)`,
      };
    }
  }
}

/** The focal α whose class-weight ratio α / (1 − α) equals `posWeight`. */
export function alphaForWeight(posWeight: number): number {
  return posWeight / (1 + posWeight);
}
