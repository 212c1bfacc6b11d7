/**
 * tfjs's own training path for the same network: the tf.Sequential's variables, the loss in
 * plain differentiable ops and optimizer.minimize (tf.variableGrads under the hood). It has
 * FlatMlp's interface, so fit() can train with either and the bench can compare them in one run.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { meanLoss } from './losses';
import { createMlp, disposeMlp, trainableVariables } from './mlp';
import type { Tf } from './tf';

/** Which implementation trains the network (a bench choice; the page always uses the default). */
export type TrainerName = 'flat-mlp' | 'tfjs-minimize';

export class LayersTrainer {
  private readonly model: tfl.Sequential;
  private readonly optimizer: tfc.AdamOptimizer;
  private readonly variables: tfc.Variable[];

  constructor(
    private readonly tf: Tf,
    options: { inputDim: number; hiddenUnits: number[]; seed: number; learningRate: number },
  ) {
    this.model = createMlp(tf, options);
    // The same Adam constants as FlatMlp.
    this.optimizer = tf.core.train.adam(options.learningRate, 0.9, 0.999, 1e-7);
    this.variables = trainableVariables(this.model);
  }

  /** One Adam step; c holds row weights already divided by the batch size (as for FlatMlp). */
  trainStep(x: tfc.Tensor2D, y: tfc.Tensor2D, c: tfc.Tensor2D, gamma = 0): void {
    const tc = this.tf.core;
    const n = x.shape[0];
    const cost = this.optimizer.minimize(() => tc.mul(meanLoss(tc, y, this.model.apply(x) as tfc.Tensor2D, c, gamma), n) as tfc.Scalar, false, this.variables);
    cost?.dispose();
  }

  logits(x: tfc.Tensor2D): tfc.Tensor2D {
    return this.model.apply(x) as tfc.Tensor2D;
  }

  async sync(): Promise<void> {
    // Reading one value waits for every queued kernel on a GPU backend.
    await this.variables[0].data();
  }

  /** Kernel, bias, kernel, bias, … flattened in layer order (FlatMlp's layout). */
  async weights(): Promise<Float32Array> {
    const parts = await Promise.all(this.model.getWeights().map((w) => w.data() as Promise<Float32Array>));
    const flat = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of parts) {
      flat.set(p, at);
      at += p.length;
    }
    return flat;
  }

  dispose(): void {
    this.optimizer.dispose();
    disposeMlp(this.model);
  }
}
