/**
 * The user's decisions as one serialisable object: what the views show and what the export
 * records. Data never goes in here, only choices about it.
 */
import { z } from 'zod';

export const settingsSchema = z.object({
  mode: z.enum(['train', 'scores']),
  labelColumn: z.string().nullable(),
  positiveValue: z.string().nullable(),
  scoreColumn: z.string().nullable(),
  weightColumn: z.string().nullable(),
  threshold: z.number().finite(),
  costFp: z.number().finite().min(0),
  costFn: z.number().finite().min(0),
  /** Assumed deployment prevalence; null means as observed in the data. */
  prevalence: z.number().gt(0).lt(1).nullable(),
  epochs: z.number().int().min(1).max(1000),
  /** null means neg/pos of the training split. */
  posWeight: z.number().positive().finite().nullable(),
  seed: z.number().int(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  mode: 'train',
  labelColumn: null,
  positiveValue: null,
  scoreColumn: null,
  weightColumn: null,
  threshold: 0.5,
  costFp: 1,
  costFn: 10,
  prevalence: null,
  epochs: 20,
  posWeight: null,
  seed: 42,
};
