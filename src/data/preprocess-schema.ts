/**
 * The preprocessing's schema, the one declaration of its shape: the types the fitting code
 * builds (z.infer) and the validation of a preprocessing JSON read back from an exported model,
 * so a hand-edited or foreign file fails with a message naming the bad field instead of scoring
 * garbage.
 */
import './zod-setup';
import { z } from 'zod';
import { DataError } from './errors';

const finite = z.number().finite();

/** A numeric column: `(value − mean) / std`, a missing value replaced by the training median first. */
const numericStep = z.object({
  kind: z.literal('numeric'),
  column: z.string(),
  /** False when the column is constant on the training rows: only its missing-indicator is an input. */
  useValue: z.boolean(),
  mean: finite,
  std: finite.positive(),
  median: finite,
  /** Adds an input that is 1 where the value was missing. */
  indicator: z.boolean(),
});
export type NumericStep = z.infer<typeof numericStep>;

/** A categorical column: one input per kept level, one for "other", and a missing-indicator. */
const categoricalStep = z.object({
  kind: z.literal('categorical'),
  column: z.string(),
  /** Levels with their own input, most frequent first. */
  levels: z.array(z.string()),
  /** True when some levels were folded into one "other" input; unseen levels go there too. */
  other: z.boolean(),
  /** Number of training levels folded into "other". */
  foldedCount: z.number().int().nonnegative(),
  /** The most frequent training level: a missing value counts as this level. */
  mode: z.string(),
  indicator: z.boolean(),
});
export type CategoricalStep = z.infer<typeof categoricalStep>;

/** One column's encoding. */
export type PreprocessStep = NumericStep | CategoricalStep;

/** The fitted preprocessing: steps in input order, the names of the inputs, and what was dropped. */
export const preprocessorSchema = z.object({
  version: z.literal(1),
  steps: z.array(z.discriminatedUnion('kind', [numericStep, categoricalStep])),
  /** One name per model input, in order ("age", "age (missing)", "city=Paris", "city=other"). */
  inputs: z.array(z.string()),
  dropped: z.array(z.object({ column: z.string(), reason: z.string() })),
  /** Sentences for the user about how the columns were encoded. */
  notes: z.array(z.string()),
});
export type Preprocessor = z.infer<typeof preprocessorSchema>;

/** The inputs one step produces, in order. */
export function stepInputs(step: PreprocessStep): string[] {
  if (step.kind === 'numeric') return [...(step.useValue ? [step.column] : []), ...(step.indicator ? [`${step.column} (missing)`] : [])];
  return [...step.levels.map((level) => `${step.column}=${level}`), ...(step.other ? [`${step.column}=other`] : []), ...(step.indicator ? [`${step.column} (missing)`] : [])];
}

/** Validates a preprocessor read from JSON; throws a DataError naming the first bad field. */
export function parsePreprocessor(value: unknown): Preprocessor {
  const result = preprocessorSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DataError(`Not a valid Cutoff preprocessing file: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  const p: Preprocessor = result.data;
  const expected = p.steps.flatMap(stepInputs);
  if (expected.length !== p.inputs.length || expected.some((name, i) => name !== p.inputs[i])) {
    throw new DataError('Not a valid Cutoff preprocessing file: its inputs do not match its steps.');
  }
  return p;
}
