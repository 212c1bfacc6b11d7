/**
 * The operating-point export: the chosen threshold with everything needed to defend and
 * deploy it. One zod schema validates what Cutoff writes and what it (or anyone) reads back.
 */
import './zod-setup';
import { z } from 'zod';

export const OPERATING_POINT_SCHEMA_VERSION = 1;

const probability = z.number().min(0).max(1);
const count = z.number().finite().min(0);
/** A metric that may be undefined for the data (e.g. AUC with one class) is written as null. */
const metric = z.number().finite().nullable();

const interval = z.object({ low: z.number().finite(), high: z.number().finite(), level: probability, method: z.string() });

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
    backend: z.enum(['webgl', 'wasm', 'cpu']),
    validationFraction: z.number().gt(0).lt(1),
    features: z.array(z.string()),
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
  scoreTransform: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('min-max'), min: z.number().finite(), max: z.number().finite() }),
      z.object({ kind: z.literal('sigmoid') }),
    ])
    .nullable()
    .optional(),
});

export const operatingPointSchema = z
  .object({
    schemaVersion: z.literal(OPERATING_POINT_SCHEMA_VERSION),
    createdAt: z.iso.datetime(),
    tool: z.object({ name: z.literal('Cutoff'), version: z.string() }),
    dataset: z.object({
      fileName: z.string(),
      rows: z.number().int().nonnegative(),
      positives: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
    label: z.object({ column: z.string(), positive: z.string() }),
    source: z.discriminatedUnion('kind', [trainedSource, scoresSource]),
    /** Cases with score >= threshold are predicted positive. */
    threshold: z.number().finite(),
    rule: z.literal('score >= threshold'),
    band: z.object({ lower: probability, upper: probability }).nullable(),
    costs: z.object({ falsePositive: count, falseNegative: count, unit: z.string() }),
    prevalence: z.object({ observed: probability, assumed: probability.nullable() }),
    evaluatedOn: z.enum(['validation', 'all rows']),
    confusion: z.object({ tp: count, fp: count, tn: count, fn: count }),
    metrics: z.object({
      tpr: metric,
      fpr: metric,
      precision: metric,
      recall: metric,
      specificity: metric,
      npv: metric,
      f1: metric,
      mcc: metric,
      accuracy: metric,
      expectedCostPerCase: metric,
      rocAuc: metric,
      averagePrecision: metric,
      intervals: z.record(z.string(), interval).optional(),
    }),
    /** C_FN / C_FP range for which this threshold is cost-optimal on the evaluated data. */
    impliedCostRatio: z.object({ low: z.number().min(0), high: z.number().min(0).nullable() }).nullable(),
    /** The evaluated ROC and PR curves, decimated to about 200 points, for a report or a second look. */
    curves: z
      .object({
        roc: z.object({ fpr: z.array(probability), tpr: z.array(probability), threshold: z.array(z.number().finite()) }),
        pr: z.object({ recall: z.array(probability), precision: z.array(probability), threshold: z.array(z.number().finite()) }),
      })
      .optional(),
  })
  .refine((p) => p.band === null || p.band.lower <= p.band.upper, { message: 'band.lower must not exceed band.upper' });

export type OperatingPoint = z.infer<typeof operatingPointSchema>;

/** Validates an operating point; throws an Error naming the first bad field. */
export function parseOperatingPoint(value: unknown): OperatingPoint {
  const result = operatingPointSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the file';
  throw new Error(`Not a valid Cutoff operating point: ${where}: ${issue.message}`);
}

/** Serialises a validated operating point as pretty JSON; refuses to write an invalid one. */
export function serializeOperatingPoint(point: OperatingPoint): string {
  return `${JSON.stringify(parseOperatingPoint(point), null, 2)}\n`;
}

/** What the page knows when the user exports; assembled into the versioned format. */
export interface OperatingPointInput {
  toolVersion: string;
  createdAt: Date;
  dataset: OperatingPoint['dataset'];
  label: OperatingPoint['label'];
  source: OperatingPoint['source'];
  threshold: number;
  band: OperatingPoint['band'];
  costs: { falsePositive: number; falseNegative: number };
  prevalence: OperatingPoint['prevalence'];
  evaluatedOn: OperatingPoint['evaluatedOn'];
  confusion: OperatingPoint['confusion'];
  metrics: {
    tpr: number;
    fpr: number;
    precision: number;
    recall: number;
    specificity: number;
    npv: number;
    f1: number;
    mcc: number;
    accuracy: number;
    expectedCostPerCase: number;
    rocAuc: number;
    averagePrecision: number;
  };
  impliedCostRatio: { low: number; high: number } | null;
  /** Confidence intervals by metric name, where computed. */
  intervals?: Record<string, { low: number; high: number; level: number; method: string }>;
  curves?: OperatingPoint['curves'];
}

/** Builds and validates the export; undefined figures (NaN) become null, an unbounded ratio's high end too. */
export function buildOperatingPoint(input: OperatingPointInput): OperatingPoint {
  const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);
  const metrics = Object.fromEntries(
    Object.entries(input.metrics).map(([name, value]) => [name, finiteOrNull(value)]),
  ) as Record<keyof OperatingPointInput['metrics'], number | null>;
  return parseOperatingPoint({
    schemaVersion: OPERATING_POINT_SCHEMA_VERSION,
    createdAt: input.createdAt.toISOString(),
    tool: { name: 'Cutoff', version: input.toolVersion },
    dataset: input.dataset,
    label: input.label,
    source: input.source,
    threshold: input.threshold,
    rule: 'score >= threshold',
    band: input.band,
    costs: { ...input.costs, unit: 'user-defined' },
    prevalence: input.prevalence,
    evaluatedOn: input.evaluatedOn,
    confusion: input.confusion,
    metrics: input.intervals ? { ...metrics, intervals: input.intervals } : metrics,
    ...(input.curves ? { curves: input.curves } : {}),
    impliedCostRatio:
      input.impliedCostRatio === null
        ? null
        : { low: input.impliedCostRatio.low, high: finiteOrNull(input.impliedCostRatio.high) },
  });
}
