/**
 * A fast trainer for the MLP that buildMlp() defines. All parameters live in
 * ONE flat tf.Variable, the backward pass is written out by hand, and Adam
 * updates the flat vector in a dozen ops. tfjs's generic path (layers apply,
 * tape autodiff, per-variable Adam) spends ~170 kernel launches per batch on
 * this tiny network; this one ~60, which is what per-batch time is made of on
 * WASM and WebGL for a model this small. Weights go back into the tf.layers
 * model with {@link FlatMlp.copyInto}, so the exported artefact is unchanged.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { logitGradient } from './losses';

/** Adam settings; defaults are tf.train.adam's. */
export interface AdamSettings {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

interface LayerSlot {
  inputs: number;
  units: number;
  kernelOffset: number;
  biasOffset: number;
}

/** Dense ReLU layers and a linear logit output, trained with the losses of losses.ts and Adam. */
export class FlatMlp {
  private readonly tf: typeof tfc;
  private readonly slots: LayerSlot[];
  private readonly theta: tfc.Variable<tfc.Rank.R1>;
  private readonly m: tfc.Variable<tfc.Rank.R1>;
  private readonly v: tfc.Variable<tfc.Rank.R1>;
  private readonly adam: Required<AdamSettings>;
  private step = 0;
  private readonly strategy: string;
  private readonly onesRows = new Map<number, tfc.Tensor2D>();
  // Constant scalars as tensors once, not converted from numbers on every step.
  private readonly beta1: tfc.Scalar;
  private readonly beta2: tfc.Scalar;

  /**
   * @param weights kernel, bias, kernel, bias, … as from `model.getWeights()`
   *   of a Dense stack (kernels [inputs, units]); copied, not kept.
   */
  constructor(tf: typeof tfc, weights: tfc.Tensor[], adam: AdamSettings) {
    if (weights.length < 2 || weights.length % 2 !== 0) throw new RangeError('expected kernel and bias pairs');
    this.tf = tf;
    this.strategy = tf.getBackend();
    this.adam = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7, ...adam };
    this.slots = [];
    let offset = 0;
    for (let i = 0; i < weights.length; i += 2) {
      const [inputs, units] = weights[i].shape;
      this.slots.push({ inputs, units, kernelOffset: offset, biasOffset: offset + inputs * units });
      offset += inputs * units + units;
    }
    // tf.variable() does not take ownership of its initial value: tidy frees it.
    this.theta = tf.tidy(() => tf.variable(tf.concat(weights.map((w) => tf.reshape<tfc.Rank.R1>(w, [-1]))), true));
    this.m = tf.tidy(() => tf.variable(tf.zeros<tfc.Rank.R1>([offset]), false));
    this.v = tf.tidy(() => tf.variable(tf.zeros<tfc.Rank.R1>([offset]), false));
    this.beta1 = tf.scalar(this.adam.beta1);
    this.beta2 = tf.scalar(this.adam.beta2);
  }

  /** Kernel and bias of each layer as views of the flat vector; call inside tf.tidy. */
  private params(): { kernel: tfc.Tensor2D; bias: tfc.Tensor1D }[] {
    const tf = this.tf;
    return this.slots.map((s) => ({
      kernel: tf.reshape(tf.slice(this.theta, [s.kernelOffset], [s.inputs * s.units]), [s.inputs, s.units]),
      bias: tf.slice(this.theta, [s.biasOffset], [s.units]),
    }));
  }

  /** Forward pass; returns every layer's output, the logits [n, 1] last. */
  private forward(x: tfc.Tensor2D, params: { kernel: tfc.Tensor2D; bias: tfc.Tensor1D }[]): tfc.Tensor2D[] {
    const outputs: tfc.Tensor2D[] = [x];
    params.forEach(({ kernel, bias }, i) => {
      const last = i === params.length - 1;
      outputs.push(this.tf.fused.matMul({ a: outputs[i], b: kernel, bias, activation: last ? 'linear' : 'relu' }) as tfc.Tensor2D);
    });
    return outputs;
  }

  /**
   * Resolves once queued GPU work is done (reads a few bytes), so a GPU
   * backend's command queue cannot grow without bound between epochs.
   */
  async sync(): Promise<void> {
    const probe = this.tf.slice(this.theta, [0], [1]);
    try {
      await probe.data();
    } finally {
      probe.dispose();
    }
  }

  /** Logits [n, 1] for standardised inputs [n, inputs]. */
  logits(x: tfc.Tensor2D): tfc.Tensor2D {
    return this.tf.tidy(() => {
      const outputs = this.forward(x, this.params());
      return outputs[outputs.length - 1];
    });
  }

  /**
   * One Adam step on a batch of encoded inputs x [n, inputs] with labels
   * y [n, 1] (1 = positive, 0 = negative, float32) and row weights c [n, 1]
   * ALREADY DIVIDED BY n (so the step minimises the mean loss without an extra
   * op). The backward pass starts from the loss's slope in the logit
   * ({@link logitGradient}): c·(σ(z) − y) for cross-entropy (γ = 0), the focal
   * form for γ > 0. No loss value is computed: the loop evaluates it per epoch.
   */
  trainStep(x: tfc.Tensor2D, y: tfc.Tensor2D, c: tfc.Tensor2D, gamma = 0): void {
    this.tf.tidy(() => this.applyAdam(this.gradient(x, y, c, gamma)));
  }

  /**
   * The gradient of the mean loss in the flat parameters (same layout as
   * {@link weights}), by the hand-written backward pass; arguments as for
   * {@link trainStep}.
   */
  gradient(x: tfc.Tensor2D, y: tfc.Tensor2D, c: tfc.Tensor2D, gamma = 0): tfc.Tensor1D {
    const tf = this.tf;
    return tf.tidy(() => {
      const params = this.params();
      const outputs = this.forward(x, params);
      const z = outputs[outputs.length - 1];
      let g = logitGradient(tf, y, z, c, gamma) as tfc.Tensor2D;

      const grads: tfc.Tensor[] = new Array(this.slots.length * 2);
      for (let l = this.slots.length - 1; l >= 0; l--) {
        grads[2 * l] = this.matMulTransposeA(outputs[l], g);
        grads[2 * l + 1] = this.sumRows(g);
        if (l > 0) {
          // ReLU passes the gradient where its output was positive.
          g = tf.mul(this.matMulTransposeB(g, params[l].kernel), tf.step(outputs[l]));
        }
      }
      return tf.concat(grads.map((t) => tf.reshape(t, [-1]))) as tfc.Tensor1D;
    });
  }

  /** The parameters as one vector (kernel, bias, kernel, bias, … in layer order), copied out. */
  async weights(): Promise<Float32Array> {
    return Float32Array.from(await this.theta.data());
  }

  /** Replaces the parameters with a vector from {@link weights} (restores the best epoch). */
  setWeights(flat: Float32Array): void {
    if (flat.length !== this.theta.size) throw new RangeError(`expected ${this.theta.size} parameters, got ${flat.length}`);
    this.tf.tidy(() => this.theta.assign(this.tf.tensor1d(flat)));
  }

  // The three helpers below pick, per backend, the fastest of equivalent
  // formulations (measured: on WASM a transposing matMul flag costs 3–4× an
  // explicit transpose; on the CPU backend it is the other way round; and a
  // column sum is 5× (WASM) to 8× (CPU) slower than a product with a row of ones).

  private matMulTransposeA(a: tfc.Tensor2D, b: tfc.Tensor2D): tfc.Tensor2D {
    const tf = this.tf;
    if (this.strategy !== 'wasm') return tf.matMul(a, b, true, false);
    const [n, p] = a.shape;
    const q = b.shape[1];
    // aᵀb = (bᵀa)ᵀ: transpose whichever of a, b is narrower. A one-column b
    // needs no transpose at all (its transpose is a reshape), nor does the
    // one-row or one-column result.
    if (q === 1) return tf.reshape<tfc.Rank.R2>(tf.matMul(tf.reshape<tfc.Rank.R2>(b, [1, n]), a), [p, 1]);
    if (q < p) return tf.transpose(tf.matMul(tf.transpose(b), a)) as tfc.Tensor2D;
    return tf.matMul(tf.transpose(a), b);
  }

  private matMulTransposeB(a: tfc.Tensor2D, b: tfc.Tensor2D): tfc.Tensor2D {
    const tf = this.tf;
    return this.strategy === 'wasm' ? tf.matMul(a, tf.transpose(b)) : tf.matMul(a, b, false, true);
  }

  private sumRows(g: tfc.Tensor2D): tfc.Tensor {
    const tf = this.tf;
    if (this.strategy === 'webgl') return tf.sum(g, 0);
    const n = g.shape[0];
    let ones = this.onesRows.get(n);
    if (!ones) {
      // Kept across steps (batches share a size), freed by dispose().
      ones = tf.keep(tf.ones<tfc.Rank.R2>([1, n]));
      this.onesRows.set(n, ones);
    }
    return tf.matMul(ones, g);
  }

  /**
   * Adam, algebraically as tf.train.adam, in 10 ops: the moments are kept
   * unnormalised (M = m/(1−β1), V = v/(1−β2), so M ← β1·M + g needs no
   * (1−β1)·g), and both bias corrections and those factors are folded into
   * one scalar step size and epsilon.
   */
  private applyAdam(gradient: tfc.Tensor1D): void {
    const tf = this.tf;
    const { learningRate, beta1, beta2, epsilon } = this.adam;
    const t = ++this.step;
    // m̂ = (1−β1)·M/(1−β1^t), √v̂ = √((1−β2)·V/(1−β2^t)); update = lr·m̂/(√v̂ + ε).
    const vScale = Math.sqrt((1 - beta2) / (1 - beta2 ** t));
    const stepSize = (learningRate * (1 - beta1)) / (1 - beta1 ** t) / vScale;
    const m = tf.add<tfc.Tensor1D>(tf.mul(this.m, this.beta1), gradient);
    const v = tf.add<tfc.Tensor1D>(tf.mul(this.v, this.beta2), tf.square(gradient));
    const theta = tf.sub<tfc.Tensor1D>(this.theta, tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilon / vScale)), stepSize));
    this.m.assign(m);
    this.v.assign(v);
    this.theta.assign(theta);
  }

  /** Writes the current weights into a tf.layers model of the same architecture. */
  copyInto(model: tfl.LayersModel): void {
    const tensors = this.tf.tidy(() => this.params().flatMap(({ kernel, bias }) => [kernel, bias]));
    try {
      model.setWeights(tensors);
    } finally {
      this.tf.dispose(tensors);
    }
  }

  /** Frees the parameters and Adam's moments. */
  dispose(): void {
    this.tf.dispose([this.theta, this.m, this.v, this.beta1, this.beta2, ...this.onesRows.values()]);
    this.onesRows.clear();
  }
}
