/**
 * tfjs's own training path for the same network: the tf.Sequential's variables, the loss in
 * plain differentiable ops and optimizer.minimize (tf.variableGrads under the hood). It is a
 * {@link Network}, so fit() trains with it when a host passes it (TrainHooks.network): the
 * trainer-paths bench compares it with FlatMlp, and a unit test checks they agree. Not product
 * code: the page and the command always train with FlatMlp.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Network, NetworkSettings } from '../../src/model/fit';
import { meanLoss } from '../../src/model/losses';
import { createMlp, disposeMlp } from '../../src/model/mlp';
import type { Tf } from '../../src/model/tf';

/** The tf.Variables the optimizer updates, in layer order. */
export function trainableVariables(model: tfl.LayersModel): tfc.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tfc.Variable);
}

/** TrainHooks.network for tfjs's own path. */
export const layersNetwork = (tf: Tf, settings: NetworkSettings): Network => new LayersTrainer(tf, settings);

export class LayersTrainer implements Network {
  private readonly model: tfl.Sequential;
  private readonly optimizer: tfc.AdamOptimizer;
  private readonly variables: tfc.Variable[];

  constructor(
    private readonly tf: Tf,
    options: NetworkSettings,
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
