/**
 * The decision settings (group thresholds, row costs, risk bands, targets), spread into the
 * one settings schema in src/session/settings.ts; kept here so their declaration sits with the
 * decisions work and the settings module stays a list.
 */
import '../data/zod-setup';
import { z } from 'zod';
import { GROUP_STRATEGIES } from '../metrics/group-thresholds';
import { TARGET_KINDS } from '../metrics/targets';
import { CONFIDENCE_RANGE } from './confident-target';

/** A target's confidence: null holds it on these cases; C holds it on new cases with probability C. */
export const targetConfidence = z.number().min(CONFIDENCE_RANGE.min).max(CONFIDENCE_RANGE.max).nullable().default(null);

export const decisionFields = {
  /** A text or boolean column whose values get their own thresholds; null: one threshold for all. */
  groupColumn: z.string().nullable().default(null),
  groupStrategy: z.enum(GROUP_STRATEGIES).default('single'),
  /** Thresholds dragged per group (strategy 'manual'), by group value. */
  groupThresholds: z.array(z.object({ value: z.string(), threshold: z.number().finite() })).default([]),
  /** Numeric columns holding each row's cost of a miss / of a false alarm; null: the constant cost. */
  costFnColumn: z.string().nullable().default(null),
  costFpColumn: z.string().nullable().default(null),
  /** Ordered cut points of the named risk bands (empty: none) and the names given. */
  bandCuts: z
    .array(z.number().min(0).max(1))
    .refine((cuts) => cuts.every((c, i) => i === 0 || cuts[i - 1] < c))
    .default([]),
  bandNames: z.array(z.string()).default([]),
  /** The last target used to place the threshold, e.g. best recall at precision >= 0.8, on these cases or with a confidence. */
  target: z
    .object({ kind: z.enum(TARGET_KINDS), value: z.number().finite(), confidence: targetConfidence })
    .nullable()
    .default(null),
};
