/**
 * Validation of a preprocessing JSON read back from an exported model, so a hand-edited or
 * foreign file fails with a message naming the bad field instead of scoring garbage.
 */
import './zod-setup';
import { z } from 'zod';
import { stepInputs, type Preprocessor } from './preprocess';
import { DataError } from './errors';

const finite = z.number().finite();

const numericStep = z.object({
  kind: z.literal('numeric'),
  column: z.string(),
  useValue: z.boolean(),
  mean: finite,
  std: finite.positive(),
  median: finite,
  indicator: z.boolean(),
});

const categoricalStep = z.object({
  kind: z.literal('categorical'),
  column: z.string(),
  levels: z.array(z.string()),
  other: z.boolean(),
  foldedCount: z.number().int().nonnegative(),
  mode: z.string(),
  indicator: z.boolean(),
});

/** The zod schema of a {@link Preprocessor} as JSON. */
export const preprocessorSchema = z.object({
  version: z.literal(1),
  steps: z.array(z.discriminatedUnion('kind', [numericStep, categoricalStep])),
  inputs: z.array(z.string()),
  dropped: z.array(z.object({ column: z.string(), reason: z.string() })),
  notes: z.array(z.string()),
});

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
