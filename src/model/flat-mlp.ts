/**
 * A fast trainer for the MLP that createMlp() defines. The backward pass is
 * written out by hand and the parameters sit in one flat vector (see
 * param-store.ts for where it lives per backend). tfjs's generic path (layers
 * apply, tape autodiff, per-variable Adam) spends ~170 kernel launches per
 * batch on this tiny network; this one ~35 on WASM and CPU, ~55 on WebGL, and
 * launches are what per-batch time is made of for a model this small. The
 * trained vector ({@link FlatMlp.weights}) has the layout of a layers model's
 * getWeights(), so toLayersModel() turns it back into an ordinary layers model.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { logitGradient } from './losses';
import { DeviceParams, HostParams, type AdamSettings, type LayerParams, type LayerSlot, type ParamStore } from './param-store';

export type { AdamSettings } from './param-store';

/** Dense ReLU layers and a linear logit output, trained with the losses of losses.ts and Adam. */
export class FlatMlp {
  private readonly tf: typeof tfc;
  private readonly slots: LayerSlot[];
  private readonly store: ParamStore;
  private readonly strategy: string;
  private readonly onesRows = new Map<number, tfc.Tensor2D>();

  /**
   * @param weights kernel, bias, kernel, bias, … as from `model.getWeights()`
   *   of a Dense stack (kernels [inputs, units]); copied, not kept.
   */
  constructor(tf: typeof tfc, weights: tfc.Tensor[], adam: AdamSettings) {
    if (weights.length < 2 || weights.length % 2 !== 0) throw new RangeError('expected kernel and bias pairs');
    this.tf = tf;
    this.strategy = tf.getBackend();
    this.slots = [];
    let offset = 0;
    for (let i = 0; i < weights.length; i += 2) {
      const [inputs, units] = weights[i].shape;
      this.slots.push({ inputs, units, kernelOffset: offset, biasOffset: offset + inputs * units });
      offset += inputs * units + units;
    }
    const initial = new Float32Array(offset);
    let at = 0;
    for (const w of weights) {
      initial.set(w.dataSync(), at);
      at += w.size;
    }
    const settings = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7, ...adam };
    this.store = this.strategy === 'webgl' ? new DeviceParams(tf, this.slots, initial, settings) : new HostParams(tf, this.slots, initial, settings);
  }

  /** Kernel and bias of each layer as tensors; call inside tf.tidy. */
  private params(): LayerParams[] {
    return this.store.tensors();
  }

  /** Forward pass; returns every layer's output, the logits [n, 1] last. */
  private forward(x: tfc.Tensor2D, params: LayerParams[]): tfc.Tensor2D[] {
    const outputs: tfc.Tensor2D[] = [x];
    params.forEach(({ kernel, bias }, i) => {
      const last = i === params.length - 1;
      outputs.push(this.tf.fused.matMul({ a: outputs[i], b: kernel, bias, activation: last ? 'linear' : 'relu' }) as tfc.Tensor2D);
    });
    return outputs;
  }

  /** Resolves once queued GPU work is done, so a GPU backend's command queue cannot grow without bound between epochs. */
  sync(): Promise<void> {
    return this.store.sync();
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
    const parts = this.tf.tidy(() => this.gradientParts(x, y, c, gamma));
    try {
      this.store.update(parts);
    } finally {
      this.tf.dispose(parts);
    }
  }

  /**
   * The gradient of the mean loss in the flat parameters (same layout as
   * {@link weights}), by the hand-written backward pass; arguments as for
   * {@link trainStep}.
   */
  gradient(x: tfc.Tensor2D, y: tfc.Tensor2D, c: tfc.Tensor2D, gamma = 0): tfc.Tensor1D {
    const tf = this.tf;
    return tf.tidy(() => tf.concat(this.gradientParts(x, y, c, gamma).map((t) => tf.reshape(t, [-1]))) as tfc.Tensor1D);
  }

  /** The gradient as kernel, bias, kernel, bias, … tensors; call inside tf.tidy. */
  private gradientParts(x: tfc.Tensor2D, y: tfc.Tensor2D, c: tfc.Tensor2D, gamma: number): tfc.Tensor[] {
    const tf = this.tf;
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
    return grads;
  }

  /** The parameters as one vector (kernel, bias, kernel, bias, … in layer order), copied out. */
  weights(): Promise<Float32Array> {
    return this.store.read();
  }

  /** Replaces the parameters with a vector from {@link weights} (restores the best epoch). */
  setWeights(flat: Float32Array): void {
    this.store.write(flat);
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

  /** Frees the parameters and Adam's moments. */
  dispose(): void {
    this.store.dispose();
    this.tf.dispose([...this.onesRows.values()]);
    this.onesRows.clear();
  }
}
