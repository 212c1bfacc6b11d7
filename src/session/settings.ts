/**
 * The user's decisions as one serialisable object: what the views show and what the export
 * records. Data never goes in here, only choices about it.
 */
import './zod-setup';
import { z } from 'zod';
import { decisionFields } from '../decision/decision-settings';
import { SCORE_TRANSFORMS } from '../data/score-transform';

/** The tfjs backends Cutoff can run on, fastest first where hardware allows. */
export const BACKEND_NAMES = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
/** What the backend menu offers: a backend, or 'auto' (measured, see src/model/backend.ts). */
export const BACKEND_CHOICES = ['auto', ...BACKEND_NAMES] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/**
 * The training objectives, in the order the loss menu lists them: weighted BCE with pos_weight,
 * class weights (the same ratio, rescaled so the average row weight is 1), focal loss (γ, α),
 * or plain BCE on a training set where positives are randomly repeated pos_weight times.
 */
export const LOSS_NAMES = ['weighted-bce', 'class-weights', 'focal', 'oversample'] as const;
export type LossName = (typeof LOSS_NAMES)[number];

/** How the scores on screen are obtained: one held-out split, or out-of-fold over k folds. */
export const EVALUATION_NAMES = ['holdout', 'cv'] as const;
export type EvaluationName = (typeof EVALUATION_NAMES)[number];

/**
 * Every training setting with its default: the one declaration the worker's options
 * (TrainOptions), the menus and the defaults derive from. Adding an option means adding it
 * here and to the view that edits it.
 */
const trainFields = {
  /** null: enough epochs for a few hundred optimizer steps (src/model/schedule.ts). */
  epochs: z.number().int().min(1).max(1000).nullable().default(null),
  /** null means neg/pos of the training split. */
  posWeight: z.number().positive().finite().nullable().default(null),
  seed: z.number().int().default(42),
  /** Training objective (see README, "Losses"). */
  loss: z.enum(LOSS_NAMES).default('weighted-bce'),
  focalGamma: z.number().min(0).max(10).default(2),
  focalAlpha: z.number().gt(0).lt(1).default(0.25),
  learningRate: z.number().positive().max(1).default(0.001),
  /** null: a power of two near n/50, within 32–512 (src/model/schedule.ts). */
  batchSize: z.number().int().min(1).max(65536).nullable().default(null),
  /** Share of rows held out for validation (holdout), stratified by class. */
  validationFraction: z.number().min(0.05).max(0.5).default(0.2),
  /** Epochs without a lower validation loss before stopping; 0 turns early stopping off. */
  patience: z.number().int().min(0).max(1000).default(5),
  backend: z.enum(BACKEND_CHOICES).default('auto'),
  /** Hidden layer widths of the MLP (not edited in the page; recorded in exports). */
  hiddenUnits: z.array(z.number().int().min(1).max(1024)).min(1).max(4).default([32, 16]),
  /** 'cv': k stratified, seeded folds; every labelled row is scored by the model that did not see it. */
  evaluation: z.enum(EVALUATION_NAMES).default('holdout'),
  folds: z.number().int().min(2).max(20).default(5),
};

export const settingsSchema = z.object({
  mode: z.enum(['train', 'scores']).default('train'),
  labelColumn: z.string().nullable().default(null),
  positiveValue: z.string().nullable().default(null),
  scoreColumn: z.string().nullable().default(null),
  weightColumn: z.string().nullable().default(null),
  /** How a score column outside [0, 1] is mapped onto it (scores mode); 'none' refuses it. */
  scoreTransform: z.enum(SCORE_TRANSFORMS).default('none'),
  /** Columns the user left out of the model's features (train mode). */
  excludedColumns: z.array(z.string()).default([]),
  /** A second score column drawn on the same axes (scores mode). */
  compareColumn: z.string().nullable().default(null),
  /** A categorical column whose values split the metrics table into slices. */
  sliceColumn: z.string().nullable().default(null),
  threshold: z.number().finite().default(0.5),
  /** The scores file the threshold was chosen on (hash and columns): after a reload, the same file keeps it. */
  thresholdScoreSet: z.string().nullable().default(null),
  costFp: z.number().finite().min(0).default(1),
  costFn: z.number().finite().min(0).default(10),
  /** Assumed deployment prevalence; null means as observed in the data. */
  prevalence: z.number().gt(0).lt(1).nullable().default(null),
  /** Three-way mode: scores in [lower, upper) go to human review; null when off. */
  band: z
    .object({ lower: z.number().min(0).max(1), upper: z.number().min(0).max(1) })
    .refine((b) => b.lower <= b.upper)
    .nullable()
    .default(null),
  ...decisionFields,
  ...trainFields,
});

export type Settings = z.infer<typeof settingsSchema>;

/** Every field at its schema default. */
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** The settings a training run reads. */
export type TrainSettingKey = keyof typeof trainFields;

/** A numeric training setting's bounds as the schema declares them, for the form that edits it. */
export interface FieldBounds {
  min: number;
  max: number;
  integer: boolean;
  /** True when the schema takes the value (exclusive bounds included). */
  accepts(value: number): boolean;
}

type NumericTrainKey = 'epochs' | 'posWeight' | 'focalGamma' | 'focalAlpha' | 'learningRate' | 'batchSize' | 'validationFraction' | 'patience' | 'folds';

/** The bounds of a numeric training field, read from its zod schema: forms repeat no number. */
export function trainFieldBounds(key: NumericTrainKey): FieldBounds {
  let inner: z.ZodType = trainFields[key];
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  const number = inner as z.ZodNumber;
  return {
    min: Number.isFinite(number.minValue) ? (number.minValue as number) : 0,
    max: Number.isFinite(number.maxValue) ? (number.maxValue as number) : Number.MAX_SAFE_INTEGER,
    integer: number.isInt,
    accepts: (value) => number.safeParse(value).success,
  };
}
export const TRAIN_SETTING_KEYS = Object.keys(trainFields) as TrainSettingKey[];

/**
 * Options of one training run, as the train worker receives them: the training settings
 * (batch size and epochs still null where they follow the data: the worker resolves them
 * from the rows it trains on), and the threshold at which each epoch's validation recall and
 * precision are reported.
 */
export type TrainOptions = Pick<Settings, TrainSettingKey> & { threshold: number };

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

/** The training options the settings describe. */
export function trainOptionsOf(settings: Settings): TrainOptions {
  const picked = Object.fromEntries(TRAIN_SETTING_KEYS.map((key) => [key, settings[key]])) as Pick<Settings, TrainSettingKey>;
  return { ...picked, threshold: settings.threshold };
}

/** The training options of the default settings (tests, benches, fallbacks). */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = trainOptionsOf(DEFAULT_SETTINGS);

/** The settings about the data's columns: what the data panel shows and edits. */
export const DATA_SETTING_KEYS = ['mode', 'labelColumn', 'positiveValue', 'scoreColumn', 'weightColumn', 'scoreTransform', 'excludedColumns'] as const;
export type DataSettings = Pick<Settings, (typeof DATA_SETTING_KEYS)[number]>;

/** The data settings of `settings`, in DATA_SETTING_KEYS order. */
export function dataSettingsOf(settings: Settings): DataSettings {
  return Object.fromEntries(DATA_SETTING_KEYS.map((key) => [key, settings[key]])) as DataSettings;
}
