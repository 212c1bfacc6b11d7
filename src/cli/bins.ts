/**
 * `--bins N` (curve, sql, and check's binned-output note): equal-width score bins on [0, 1].
 * One declaration of its bounds, which the option parser, `curve`, `sql` and the note read.
 */
import '../data/zod-setup';
import { z } from 'zod';
import { InputError } from './errors';

/** A grid finer than this would hold more cells than a scores file has rows worth binning. */
export const binsSchema = z.number().int().min(1).max(10_000_000);

/** The bounds of `--bins`, read off the schema. */
export const BINS_RANGE: [number, number] = [binsSchema.minValue ?? 1, binsSchema.maxValue ?? 10_000_000];

/** Throws the one message for a bin count outside the schema; undefined (exact) passes. */
export function checkBins(bins: number | undefined): void {
  if (bins !== undefined && !binsSchema.safeParse(bins).success) throw new InputError(`--bins must be a whole number from ${BINS_RANGE[0]} to ${BINS_RANGE[1]}, not ${bins}`);
}
