/**
 * The training settings: backends, losses, evaluation, and every option of a run with its
 * bounds and default. Declared here, beside the code that reads them, and composed into the
 * page's settings (src/session/settings.ts), so a model never reaches up into the session.
 */
import '../data/zod-setup';
import { z } from 'zod';

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
export const trainFields = {
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
export type TrainOptions = { [K in TrainSettingKey]: z.infer<(typeof trainFields)[K]> } & { threshold: number };

/** Every training setting at its default (the schema's), for runs the worker makes on its own. */
export const TRAIN_DEFAULTS: Omit<TrainOptions, 'threshold'> = z.object(trainFields).parse({});
