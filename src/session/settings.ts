/**
 * The user's decisions as one serialisable object: what the views show and what the export
 * records. Data never goes in here, only choices about it.
 */
import '../data/zod-setup';
import { z } from 'zod';
import { decisionFields } from '../decision/decision-settings';
import { SCORE_TRANSFORMS } from '../data/score-transform';
import { trainFields, TRAIN_SETTING_KEYS, type TrainOptions, type TrainSettingKey } from '../model/train-settings';

// The training settings are the model's to declare; the page's menus read them through here.
export { BACKEND_CHOICES, BACKEND_NAMES, EVALUATION_NAMES, LOSS_NAMES, TRAIN_SETTING_KEYS, trainFieldBounds } from '../model/train-settings';
export type { BackendChoice, BackendName, EvaluationName, FieldBounds, LossName, TrainOptions, TrainSettingKey } from '../model/train-settings';

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
