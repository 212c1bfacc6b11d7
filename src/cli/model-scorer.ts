/** Placeholder replaced below. */
import type { BatchScorer } from './apply';
import { InputError } from './errors';

export async function loadModelScorer(path: string): Promise<BatchScorer> {
  throw new InputError(`--model ${path}: scoring with a model is not available in this build`);
}
