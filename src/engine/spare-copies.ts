/**
 * Copies of scored cases made off the main thread, waiting to be handed to a metrics worker.
 * Every request to a metrics worker sends the cases as a copy it may transfer (the page keeps
 * its own); at 10,000,000 rows that copy takes the page 50 ms and more. The parse worker makes
 * the copies beside the cases instead, and the page offers them here, keyed by the arrays they
 * copy; a runner takes one instead of copying, or copies when none is left.
 */
import type { ScoredCases } from './protocol';

/** The arrays a copy was made of: a copy is only handed out for these very arrays. */
interface Source {
  scores: ArrayLike<number>;
  labels: Uint8Array;
  weights: Float64Array | null;
}

const spares = new WeakMap<object, { source: Source; copies: ScoredCases[] }>();

/** Leaves copies of `source` for the next requests that send it. */
export function offerCopies(source: Source, copies: ScoredCases[]): void {
  if (copies.length > 0) spares.set(source.scores, { source, copies: [...copies] });
}

/** A copy of these arrays when one is waiting (and was not sent already); null otherwise. */
export function takeCopy(scores: ArrayLike<number>, labels: Uint8Array, weights: Float64Array | null): ScoredCases | null {
  const waiting = spares.get(scores);
  if (!waiting || waiting.source.labels !== labels || waiting.source.weights !== weights) return null;
  let copy = waiting.copies.shift();
  // A copy already transferred has lost its buffer (length 0): it cannot be sent again.
  while (copy && copy.scores.length !== scores.length) copy = waiting.copies.shift();
  return copy ?? null;
}
