/**
 * Where FlatMlp's parameters live and how Adam updates them. Per step, tfjs pays a fixed
 * cost for every kernel it launches, and for this small network that cost, not arithmetic,
 * is most of the time. So:
 * - on WASM and CPU, whose tensors live in main memory, the parameters and Adam's moments are
 *   plain arrays: each step uploads the six weight tensors, reads the six gradients back (a
 *   memory copy on these backends) and runs Adam in a JavaScript loop — ~20 fewer kernels;
 * - on WebGL, where a read-back stalls the GPU pipeline, everything stays on the GPU: one flat
 *   tf.Variable sliced into layers, and Adam in 10 tensor ops.
 * Both compute Adam as tf.train.adam does.
 */
import type * as tfc from '@tensorflow/tfjs-core';

/** Adam settings; defaults are tf.train.adam's. */
export interface AdamSettings {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/** One dense layer's place in the flat parameter vector (kernel [inputs, units], then bias). */
export interface LayerSlot {
  inputs: number;
  units: number;
  kernelOffset: number;
  biasOffset: number;
}

/** Kernel and bias tensors of one layer. */
export interface LayerParams {
  kernel: tfc.Tensor2D;
  bias: tfc.Tensor1D;
}

/** The parameters of a FlatMlp and their optimiser. */
export interface ParamStore {
  readonly size: number;
  /** Each layer's kernel and bias as tensors; call inside tf.tidy, which frees them. */
  tensors(): LayerParams[];
  /** One Adam step with the gradient given as parts (kernel, bias, … per layer, in flat order). */
  update(parts: tfc.Tensor[]): void;
  /** The parameters as one flat vector, copied. */
  read(): Promise<Float32Array>;
  write(flat: Float32Array): void;
  /** Resolves once queued device work is done. */
  sync(): Promise<void>;
  dispose(): void;
}

type Adam = Required<AdamSettings>;

/**
 * Adam's step size and epsilon at step t for the unnormalised moments
 * M = m/(1−β1), V = v/(1−β2): update = stepSize · M / (√V + eps).
 */
function adamScales(a: Adam, t: number): { stepSize: number; eps: number } {
  const vScale = Math.sqrt((1 - a.beta2) / (1 - a.beta2 ** t));
  return { stepSize: (a.learningRate * (1 - a.beta1)) / (1 - a.beta1 ** t) / vScale, eps: a.epsilon / vScale };
}

/** Parameters in a Float32Array, moments in float64, Adam in a loop: for WASM and CPU. */
export class HostParams implements ParamStore {
  readonly size: number;
  private readonly theta: Float32Array;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private readonly grad: Float32Array;
  private t = 0;

  constructor(
    private readonly tf: typeof tfc,
    private readonly slots: LayerSlot[],
    initial: Float32Array,
    private readonly adam: Adam,
  ) {
    this.size = initial.length;
    this.theta = initial.slice();
    this.m = new Float64Array(this.size);
    this.v = new Float64Array(this.size);
    this.grad = new Float32Array(this.size);
  }

  tensors(): LayerParams[] {
    // Fresh copies: the CPU backend keeps the array a tensor is made from, and theta changes.
    return this.slots.map((s) => ({
      kernel: this.tf.tensor2d(this.theta.slice(s.kernelOffset, s.kernelOffset + s.inputs * s.units), [s.inputs, s.units]),
      bias: this.tf.tensor1d(this.theta.slice(s.biasOffset, s.biasOffset + s.units)),
    }));
  }

  update(parts: tfc.Tensor[]): void {
    let offset = 0;
    for (const part of parts) {
      this.grad.set(part.dataSync(), offset);
      offset += part.size;
    }
    const { beta1, beta2 } = this.adam;
    const { stepSize, eps } = adamScales(this.adam, ++this.t);
    const { theta, m, v, grad } = this;
    for (let i = 0; i < theta.length; i++) {
      const g = grad[i];
      m[i] = beta1 * m[i] + g;
      v[i] = beta2 * v[i] + g * g;
      theta[i] -= (stepSize * m[i]) / (Math.sqrt(v[i]) + eps);
    }
  }

  async read(): Promise<Float32Array> {
    return this.theta.slice();
  }

  write(flat: Float32Array): void {
    if (flat.length !== this.size) throw new RangeError(`expected ${this.size} parameters, got ${flat.length}`);
    this.theta.set(flat);
  }

  async sync(): Promise<void> {}

  dispose(): void {}
}

/** Parameters in one flat tf.Variable, Adam in 10 tensor ops: for WebGL. */
export class DeviceParams implements ParamStore {
  readonly size: number;
  private readonly theta: tfc.Variable<tfc.Rank.R1>;
  private readonly m: tfc.Variable<tfc.Rank.R1>;
  private readonly v: tfc.Variable<tfc.Rank.R1>;
  // Constant scalars as tensors once, not converted from numbers on every step.
  private readonly beta1: tfc.Scalar;
  private readonly beta2: tfc.Scalar;
  private t = 0;

  constructor(
    private readonly tf: typeof tfc,
    private readonly slots: LayerSlot[],
    initial: Float32Array,
    private readonly adam: Adam,
  ) {
    this.size = initial.length;
    // tf.variable() does not take ownership of its initial value: tidy frees it.
    this.theta = tf.tidy(() => tf.variable(tf.tensor1d(initial), true));
    this.m = tf.tidy(() => tf.variable(tf.zeros<tfc.Rank.R1>([this.size]), false));
    this.v = tf.tidy(() => tf.variable(tf.zeros<tfc.Rank.R1>([this.size]), false));
    this.beta1 = tf.scalar(adam.beta1);
    this.beta2 = tf.scalar(adam.beta2);
  }

  tensors(): LayerParams[] {
    const tf = this.tf;
    return this.slots.map((s) => ({
      kernel: tf.reshape(tf.slice(this.theta, [s.kernelOffset], [s.inputs * s.units]), [s.inputs, s.units]),
      bias: tf.slice(this.theta, [s.biasOffset], [s.units]),
    }));
  }

  /** Adam as tf.train.adam, with the moments kept unnormalised and both bias corrections folded into two scalars. */
  update(parts: tfc.Tensor[]): void {
    const tf = this.tf;
    tf.tidy(() => {
      const gradient = tf.concat(parts.map((p) => tf.reshape(p, [-1]))) as tfc.Tensor1D;
      const { stepSize, eps } = adamScales(this.adam, ++this.t);
      const m = tf.add<tfc.Tensor1D>(tf.mul(this.m, this.beta1), gradient);
      const v = tf.add<tfc.Tensor1D>(tf.mul(this.v, this.beta2), tf.square(gradient));
      this.theta.assign(tf.sub<tfc.Tensor1D>(this.theta, tf.mul(tf.div(m, tf.add(tf.sqrt(v), eps)), stepSize)));
      this.m.assign(m);
      this.v.assign(v);
    });
  }

  async read(): Promise<Float32Array> {
    return Float32Array.from(await this.theta.data());
  }

  write(flat: Float32Array): void {
    if (flat.length !== this.size) throw new RangeError(`expected ${this.size} parameters, got ${flat.length}`);
    this.tf.tidy(() => this.theta.assign(this.tf.tensor1d(flat)));
  }

  /** Reads a few bytes, so a GPU backend's command queue cannot grow without bound. */
  async sync(): Promise<void> {
    const probe = this.tf.slice(this.theta, [0], [1]);
    try {
      await probe.data();
    } finally {
      probe.dispose();
    }
  }

  dispose(): void {
    this.tf.dispose([this.theta, this.m, this.v, this.beta1, this.beta2]);
  }
}
