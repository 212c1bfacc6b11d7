/**
 * The pos_weight sweep: the same split, preprocessing, seed and settings, one model per
 * weight, each reported by its best epoch's validation PR-AUC, ROC-AUC and recall and
 * precision at the threshold — evidence for choosing the weight.
 */
import type { SweepPoint, TrainOptions, TrainRequest } from './train-protocol';
import { fit, type TrainHooks } from './fit';
import { alphaForWeight, resolveLoss } from './loss-spec';
import { prepareRun } from './prepare';
import { describeError, type Emit } from './train-loop';
import type { Tf } from './tf';

/** The 'sweep' request of the protocol. */
export type SweepRun = Extract<TrainRequest, { type: 'sweep' }>;

/** 1, √r, r and 2r for a neg/pos ratio r, ascending, without near-duplicates. */
export function sweepWeights(ratio: number): number[] {
  const candidates = [1, Math.sqrt(ratio), ratio, 2 * ratio].filter((w) => w > 0 && Number.isFinite(w)).sort((a, b) => a - b);
  const kept: number[] = [];
  // Weights within 5% of one already kept would train nearly the same model.
  for (const w of candidates) if (kept.every((k) => Math.abs(w - k) > 0.05 * k)) kept.push(w);
  return kept;
}

/**
 * The options of the sweep's run at `weight`: the user's loss with that pos_weight; for the
 * focal loss, the α with the same class-weight ratio α / (1 − α) = weight.
 */
export function optionsForWeight(options: TrainOptions, weight: number): TrainOptions {
  if (options.loss === 'focal') return { ...options, focalAlpha: alphaForWeight(weight) };
  return { ...options, posWeight: weight };
}

/** Runs a sweep request; emits one 'sweep-point' per weight, then 'done' (or 'error'). Never throws. */
export async function sweep(tf: Tf, run: SweepRun, emit: Emit, isCancelled: () => boolean, hooks: TrainHooks = {}): Promise<void> {
  const { runId, options } = run;
  let completed = 0;
  let cancelled = false;
  try {
    const prepared = prepareRun(run.data, options);
    const weights = run.weights ?? sweepWeights(prepared.trainNegatives / prepared.trainPositives);
    for (let index = 0; index < weights.length && !cancelled; index++) {
      const weighted = optionsForWeight(options, weights[index]);
      const spec = resolveLoss(weighted, prepared.trainPositives, prepared.trainNegatives);
      const outcome = await fit(tf, prepared, spec, { ...weighted, ...prepared.schedule, showEveryMs: Infinity }, isCancelled, () => undefined, hooks);
      if (outcome.reason === 'cancelled') cancelled = true;
      if (outcome.reason === 'diverged') throw new Error(`at pos_weight ${weights[index].toPrecision(3)}, ${outcome.message ?? 'training diverged'}`);
      if (!outcome.bestFigures) continue;
      const point: SweepPoint = {
        posWeight: weights[index],
        focalAlpha: options.loss === 'focal' ? weighted.focalAlpha : null,
        bestEpoch: outcome.bestEpoch,
        epochsRun: outcome.epochsRun,
        ...outcome.bestFigures,
      };
      emit({ type: 'sweep-point', runId, index, total: weights.length, point });
      completed++;
    }
    emit({
      type: 'done',
      runId,
      reason: cancelled ? 'cancelled' : 'completed',
      epochsRun: completed,
      bestEpoch: 0,
      bestScores: null,
      numTensors: tf.core.memory().numTensors,
    });
  } catch (err) {
    emit({ type: 'error', runId, message: describeError(err).replace(/^training failed/, 'the sweep failed'), numTensors: tf.core.memory().numTensors });
  }
}
