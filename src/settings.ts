/**
 * The user's decisions as one serialisable object: what the views show and what the export
 * records. Data never goes in here, only choices about it.
 */
import './zod-setup';
import { z } from 'zod';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from './protocol';

export const settingsSchema = z.object({
  mode: z.enum(['train', 'scores']),
  labelColumn: z.string().nullable(),
  positiveValue: z.string().nullable(),
  scoreColumn: z.string().nullable(),
  weightColumn: z.string().nullable(),
  /** How a score column outside [0, 1] is mapped onto it (scores mode); 'none' refuses it. */
  scoreTransform: z.enum(['none', 'min-max', 'sigmoid']),
  /** Columns the user left out of the model's features (train mode). */
  excludedColumns: z.array(z.string()),
  /** A second score column drawn on the same axes (scores mode). */
  compareColumn: z.string().nullable(),
  /** A categorical column whose values split the metrics table into slices. */
  sliceColumn: z.string().nullable(),
  threshold: z.number().finite(),
  costFp: z.number().finite().min(0),
  costFn: z.number().finite().min(0),
  /** Assumed deployment prevalence; null means as observed in the data. */
  prevalence: z.number().gt(0).lt(1).nullable(),
  /** Three-way mode: scores in [lower, upper) go to human review; null when off. */
  band: z
    .object({ lower: z.number().min(0).max(1), upper: z.number().min(0).max(1) })
    .refine((b) => b.lower <= b.upper)
    .nullable(),
  epochs: z.number().int().min(1).max(1000),
  /** null means neg/pos of the training split. */
  posWeight: z.number().positive().finite().nullable(),
  seed: z.number().int(),
  /** Training objective (see README, "Losses"). */
  loss: z.enum(['weighted-bce', 'class-weights', 'focal', 'oversample']),
  focalGamma: z.number().min(0).max(10),
  focalAlpha: z.number().gt(0).lt(1),
  learningRate: z.number().positive().max(1),
  batchSize: z.number().int().min(1).max(65536),
  validationFraction: z.number().min(0.05).max(0.5),
  /** Epochs without a lower validation loss before stopping; 0 turns early stopping off. */
  patience: z.number().int().min(0).max(1000),
  backend: z.enum(['auto', 'webgl', 'wasm', 'cpu']),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  mode: 'train',
  labelColumn: null,
  positiveValue: null,
  scoreColumn: null,
  weightColumn: null,
  scoreTransform: 'none',
  excludedColumns: [],
  compareColumn: null,
  sliceColumn: null,
  threshold: 0.5,
  costFp: 1,
  costFn: 10,
  prevalence: null,
  band: null,
  epochs: DEFAULT_TRAIN_OPTIONS.epochs,
  posWeight: DEFAULT_TRAIN_OPTIONS.posWeight,
  seed: DEFAULT_TRAIN_OPTIONS.seed,
  loss: DEFAULT_TRAIN_OPTIONS.loss,
  focalGamma: DEFAULT_TRAIN_OPTIONS.focalGamma,
  focalAlpha: DEFAULT_TRAIN_OPTIONS.focalAlpha,
  learningRate: DEFAULT_TRAIN_OPTIONS.learningRate,
  batchSize: DEFAULT_TRAIN_OPTIONS.batchSize,
  validationFraction: DEFAULT_TRAIN_OPTIONS.validationFraction,
  patience: DEFAULT_TRAIN_OPTIONS.patience,
  backend: DEFAULT_TRAIN_OPTIONS.backend,
};

/**
 * Reads settings saved earlier (local storage or a shared link), keeping every field that is
 * valid and dropping the rest, so an old or hand-edited link never breaks the page.
 */
export function restoreSettings(saved: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (typeof saved !== 'object' || saved === null) return base;
  const restored: Settings = { ...base };
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    if (!Object.prototype.hasOwnProperty.call(saved, key)) continue;
    const parsed = shape[key].safeParse((saved as Record<string, unknown>)[key]);
    if (parsed.success) Object.assign(restored, { [key]: parsed.data });
  }
  return restored;
}

const FRAGMENT_KEY = 'settings=';

/** The settings as a URL fragment: a link that reproduces the view without any data. */
export function settingsToFragment(settings: Settings): string {
  return `#${FRAGMENT_KEY}${encodeURIComponent(JSON.stringify(settings))}`;
}

/** Settings from a URL fragment made by settingsToFragment, or null when it holds none. */
export function settingsFromFragment(hash: string, base: Settings = DEFAULT_SETTINGS): Settings | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text.startsWith(FRAGMENT_KEY)) return null;
  try {
    return restoreSettings(JSON.parse(decodeURIComponent(text.slice(FRAGMENT_KEY.length))), base);
  } catch {
    return null;
  }
}

/** The training options the settings describe (architecture from the defaults). */
export function trainOptionsOf(settings: Settings): TrainOptions {
  const { epochs, posWeight, loss, focalGamma, focalAlpha, learningRate, batchSize, validationFraction, patience, seed, backend, threshold } = settings;
  return { ...DEFAULT_TRAIN_OPTIONS, epochs, posWeight, loss, focalGamma, focalAlpha, learningRate, batchSize, validationFraction, patience, seed, backend, threshold };
}

/** The settings about the data's columns: what the data panel shows and edits. */
export const DATA_SETTING_KEYS = ['mode', 'labelColumn', 'positiveValue', 'scoreColumn', 'weightColumn', 'scoreTransform', 'excludedColumns'] as const;
export type DataSettings = Pick<Settings, (typeof DATA_SETTING_KEYS)[number]>;
