/**
 * The operating-point export: the chosen threshold with everything needed to defend and
 * deploy it. One zod schema validates what Cutoff writes and what it (or anyone) reads back.
 */
import '../data/zod-setup';
import { z } from 'zod';
import { GROUP_STRATEGIES } from '../metrics/group-thresholds';
import { appliedTransformSchema } from '../data/score-transform';
import { sourceSchema } from './point-sources';
import { COMPARED_METRICS, floorsSchema } from '../decision/guardrails';
import { TARGET_METHODS } from '../decision/confident-target';
import { comparisonSchema, reportFiguresSchema } from './report-figures';

/** Which rows the exported figures were computed on. */
export const EVALUATED_ON = ['validation', 'all rows', 'out-of-fold'] as const;
export type EvaluatedOn = (typeof EVALUATED_ON)[number];

/** The version written; version 1 files (no decision extras) still read. */
export const OPERATING_POINT_SCHEMA_VERSION = 2;
export const READABLE_SCHEMA_VERSIONS = [1, 2] as const;

const probability = z.number().min(0).max(1);
const count = z.number().finite().min(0);
/** A metric that may be undefined for the data (e.g. AUC with one class) is written as null. */
const metric = z.number().finite().nullable();

const interval = z.object({ low: z.number().finite(), high: z.number().finite(), level: probability, method: z.string() });

/** How raw scores were brought onto [0, 1] before the threshold was chosen. */
export const scoreTransformSchema = appliedTransformSchema;

const confusionSchema = z.object({ tp: count, fp: count, tn: count, fn: count });
const spread = z.object({ low: z.number().finite(), high: z.number().finite(), mean: z.number().finite().optional(), sd: z.number().finite().min(0).optional() });

/** How much the chosen threshold and its figures move across folds or bootstrap resamples. */
const stabilitySchema = z.object({
  method: z.enum(['k-fold', 'bootstrap']),
  /** k folds or B resamples. */
  resamples: z.number().int().positive(),
  seed: z.number().int().optional(),
  /** For each rule (cost-optimal, f1, a target), the threshold found on each resample and its range. */
  thresholds: z.array(z.object({ rule: z.string(), values: z.array(z.number().finite()), spread })),
  /** Figures at the chosen threshold across the resamples, by metric name (recall, precision, …). */
  atChosen: z.record(z.string(), spread).optional(),
});

// Declared with the solver that implements them (src/metrics/group-thresholds.ts).
export { GROUP_STRATEGIES };

/** Thresholds per group (a text or boolean column) under a strategy. */
const groupsSchema = z.object({
  column: z.string(),
  strategy: z.enum(GROUP_STRATEGIES),
  thresholds: z.array(
    z.object({
      value: z.string(),
      threshold: probability,
      confusion: confusionSchema.optional(),
      metrics: z.record(z.string(), metric).optional(),
    }),
  ),
  /** Threshold for rows whose group is missing or not listed; the global threshold when absent. */
  otherThreshold: probability.optional(),
});

/** Per-row cost columns; null means the constant cost in `costs`. */
const rowCostsSchema = z.object({ falseNegativeColumn: z.string().nullable(), falsePositiveColumn: z.string().nullable() });

/** k ordered cut points naming k + 1 risk bands: band i holds cuts[i-1] <= score < cuts[i]. */
const bandsSchema = z
  .object({ cuts: z.array(probability), names: z.array(z.string()) })
  .refine((b) => b.cuts.every((c, i) => i === 0 || b.cuts[i - 1] <= c), { message: 'band cut points must be in increasing order', path: ['cuts'] })
  .refine((b) => b.names.length === b.cuts.length + 1, { message: 'there must be one more band name than cut points', path: ['names'] });

/**
 * The targets the user set (e.g. recall at least 0.9, at most 5% alarms): with the confidence
 * they hold with on new cases (null: on these cases), the method that guaranteed it, and the
 * sentence the page showed.
 */
const targetsSchema = z.array(
  z.object({
    kind: z.string(),
    value: z.number().finite().nullable(),
    threshold: z.number().finite().nullable().optional(),
    confidence: z.number().gt(0).lt(1).nullable().optional(),
    method: z.enum(TARGET_METHODS).optional(),
    statement: z.string().optional(),
  }),
);

/** A score histogram on fixed edges, to compare new scores' distribution against. */
const histogramSchema = z
  .object({ edges: z.array(z.number().finite()).min(2), counts: z.array(count) })
  .refine((h) => h.counts.length === h.edges.length - 1, { message: 'a histogram needs one count per pair of edges', path: ['counts'] })
  .refine((h) => h.edges.every((e, i) => i === 0 || h.edges[i - 1] < e), { message: 'histogram edges must increase', path: ['edges'] });

/** Floors `cutoff check` enforces by default; null = not checked. */
const guardrailsSchema = z.object({
  minRecall: floorsSchema.shape.minRecall.nullable().optional(),
  minPrecision: floorsSchema.shape.minPrecision.nullable().optional(),
  maxAlarmRate: floorsSchema.shape.maxAlarmRate.nullable().optional(),
  /** Largest population stability index (PSI) of new scores against `histogram`. */
  maxDrift: floorsSchema.shape.maxDrift.nullable().optional(),
  /** How the defaults were set, e.g. "recall and precision compared with the export, 1% false alarms". */
  basis: z.string().optional(),
  /** Metrics compared with the exported figures by a one-sided two-sample test (no absolute floor). */
  compare: z.array(z.enum(COMPARED_METRICS)).optional(),
  /** The false-alarm rate the family of tests is held at: the chance a healthy sample fails the check. */
  alpha: z.number().gt(0).lt(0.5).optional(),
  histogram: histogramSchema.optional(),
});

export const operatingPointSchema = z
  .object({
    schemaVersion: z.union([z.literal(1), z.literal(2)]),
    createdAt: z.iso.datetime(),
    tool: z.object({ name: z.literal('Cutoff'), version: z.string() }),
    dataset: z.object({
      fileName: z.string(),
      rows: z.number().int().nonnegative(),
      positives: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
    label: z.object({ column: z.string(), positive: z.string() }),
    source: sourceSchema,
    /** Cases with score >= threshold are predicted positive; a probability, as on the page. */
    threshold: probability,
    rule: z.literal('score >= threshold'),
    band: z.object({ lower: probability, upper: probability }).nullable(),
    costs: z.object({ falsePositive: count, falseNegative: count, unit: z.string() }),
    prevalence: z.object({ observed: probability, assumed: probability.nullable() }),
    evaluatedOn: z.enum(EVALUATED_ON),
    confusion: confusionSchema,
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
    /**
     * C_FN / C_FP range for which this threshold is cost-optimal on the evaluated data; null
     * bounds are infinite (low null: optimal only if false alarms cost nothing).
     */
    impliedCostRatio: z.object({ low: z.number().min(0).nullable(), high: z.number().min(0).nullable() }).nullable(),
    /** The evaluated ROC and PR curves, decimated to about 200 points, for a report or a second look. */
    curves: z
      .object({
        roc: z.object({ fpr: z.array(probability), tpr: z.array(probability), threshold: z.array(z.number().finite()) }),
        pr: z.object({ recall: z.array(probability), precision: z.array(probability), threshold: z.array(z.number().finite()) }),
      })
      .optional(),
    // Schema version 2 additions, all optional.
    stability: stabilitySchema.optional(),
    groups: groupsSchema.nullable().optional(),
    rowCosts: rowCostsSchema.nullable().optional(),
    bands: bandsSchema.nullable().optional(),
    targets: targetsSchema.optional(),
    guardrails: guardrailsSchema.optional(),
    /** The mapping applied to raw scores before thresholding (also under source for scores). */
    scoreTransform: scoreTransformSchema.nullable().optional(),
    /** What the report draws beyond the fields above (scores by class, calibration, decision curve). */
    figures: reportFiguresSchema.optional(),
    /** A second model compared on the same cases, when one was. */
    comparison: comparisonSchema.optional(),
  })
  .refine((p) => p.band === null || p.band.lower <= p.band.upper, { message: 'band.lower must not exceed band.upper' });

export type OperatingPoint = z.infer<typeof operatingPointSchema>;

/** Validates an operating point; throws an Error naming the first bad field. */
export function parseOperatingPoint(value: unknown): OperatingPoint {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('Not a valid Cutoff operating point: the file is not a JSON object');
  const version: unknown = (value as { schemaVersion?: unknown }).schemaVersion;
  if (!READABLE_SCHEMA_VERSIONS.some((v) => v === version)) {
    throw new Error(
      `Not a valid Cutoff operating point: schemaVersion ${JSON.stringify(version) ?? 'is missing'}; this Cutoff reads versions ${READABLE_SCHEMA_VERSIONS.join(' and ')}`,
    );
  }
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
  stability?: OperatingPoint['stability'];
  groups?: OperatingPoint['groups'];
  rowCosts?: OperatingPoint['rowCosts'];
  bands?: OperatingPoint['bands'];
  targets?: OperatingPoint['targets'];
  guardrails?: OperatingPoint['guardrails'];
  scoreTransform?: OperatingPoint['scoreTransform'];
  figures?: OperatingPoint['figures'];
  comparison?: OperatingPoint['comparison'];
}

/** The optional version-2 fields, copied only when set so the document stays minimal. */
const EXTRA_FIELDS = ['stability', 'groups', 'rowCosts', 'bands', 'targets', 'guardrails', 'scoreTransform', 'figures', 'comparison'] as const;

/** Builds and validates the export; undefined figures (NaN) become null, an unbounded ratio's high end too. */
export function buildOperatingPoint(input: OperatingPointInput): OperatingPoint {
  const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);
  const metrics = Object.fromEntries(Object.entries(input.metrics).map(([name, value]) => [name, finiteOrNull(value)])) as Record<
    keyof OperatingPointInput['metrics'],
    number | null
  >;
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
    ...Object.fromEntries(EXTRA_FIELDS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])),
    impliedCostRatio: input.impliedCostRatio === null ? null : { low: finiteOrNull(input.impliedCostRatio.low), high: finiteOrNull(input.impliedCostRatio.high) },
  });
}
