/**
 * Where the exported scores came from, as the export records it: a model Cutoff trained, a
 * score column of the file, or a model loaded from an archive.
 */
import '../data/zod-setup';
import { z } from 'zod';
import { appliedTransformSchema } from '../data/score-transform';
import { BACKEND_NAMES } from '../model/train-settings';

const count = z.number().finite().min(0);
/** null where undefined (e.g. AUC with one class). */
const metric = z.number().finite().nullable();

const trainedSource = z.object({
  kind: z.literal('trained'),
  model: z.object({
    layers: z.array(z.number().int().positive()),
    loss: z.string(),
    posWeight: z.number().positive().finite(),
    epochs: z.number().int().nonnegative(),
    learningRate: z.number().positive(),
    batchSize: z.number().int().positive(),
    seed: z.number().int(),
    backend: z.enum(BACKEND_NAMES),
    validationFraction: z.number().gt(0).lt(1),
    features: z.array(z.string()),
    /** Out-of-fold evaluation (evaluatedOn "out-of-fold"): the folds' figures; the model itself was refit on every labelled row. */
    crossValidation: z
      .object({
        folds: z.number().int().min(2),
        /** The refit's epochs: the median of the folds' best epochs. */
        refitEpochs: z.number().int().positive(),
        refitRows: count,
        perFold: z.array(
          z.object({ fold: z.number().int().positive(), rows: count, positives: count, rocAuc: metric, averagePrecision: metric, bestEpoch: z.number().int().nonnegative() }),
        ),
      })
      .optional(),
  }),
});

const scoresSource = z.object({
  kind: z.literal('scores'),
  scoreColumn: z.string(),
  weightColumn: z.string().nullable(),
  /**
   * How the column's raw scores were mapped onto [0, 1] before the threshold was chosen, so a
   * deployment can apply it (or map the threshold back); absent or null when used as they are.
   */
  scoreTransform: appliedTransformSchema.nullable().optional(),
});

/**
 * A model loaded from an exported archive and used to score the file: recorded with its own
 * training settings and features (from its preprocessing.json), not the page's defaults.
 */
const importedModelSource = z.object({
  kind: z.literal('imported-model'),
  model: z.object({
    /** The archive (or model.json) the user picked. */
    fileName: z.string(),
    layers: z.array(z.number().int().positive()).optional(),
    loss: z.string(),
    posWeight: z.number().positive().finite().nullable(),
    epochs: z.number().int().nonnegative().nullable(),
    learningRate: z.number().positive().nullable().optional(),
    batchSize: z.number().int().positive().nullable().optional(),
    seed: z.number().int().nullable().optional(),
    features: z.array(z.string()),
    /** The data the model was trained on, as its preprocessing.json says. */
    trainedOn: z.object({
      fileName: z.string(),
      labelColumn: z.string(),
      positiveValue: z.string(),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable()
        .optional(),
    }),
    /** True when the scored file is the one the model was trained on: the metrics are then optimistic. */
    scoredOwnTrainingRows: z.boolean().optional(),
  }),
});

export const sourceSchema = z.discriminatedUnion('kind', [trainedSource, scoresSource, importedModelSource]);
