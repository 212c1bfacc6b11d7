/**
 * The classifier: a small multilayer perceptron that outputs one logit.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Tf } from './tf';

/** Settings of {@link createMlp}. */
export interface MlpOptions {
  inputDim: number;
  /** Units of each hidden ReLU layer, input side first. */
  hiddenUnits?: number[];
  /** Same seed, same initial weights. */
  seed: number;
}

/**
 * Creates inputs → hidden ReLU layers → dense(1) with a linear output (a logit,
 * so the loss can stay in its stable form), with seeded Glorot-uniform kernels
 * and zero biases; not compiled (the trainer is FlatMlp, which only needs the
 * initial weights, and an exported model needs no optimizer).
 * The caller owns the model: dispose it with {@link disposeMlp}.
 */
export function createMlp(tf: Tf, options: MlpOptions): tfl.Sequential {
  const hidden = options.hiddenUnits ?? [32, 16];
  const model = tf.layers.sequential();
  const units = [...hidden, 1];
  units.forEach((u, i) => {
    if (!Number.isInteger(u) || u < 1) throw new RangeError(`hidden layer sizes must be positive integers, got ${u}`);
    model.add(
      tf.layers.layers.dense({
        units: u,
        activation: i < hidden.length ? 'relu' : 'linear',
        // Each layer gets its own seed: the same seed in every layer would
        // correlate layers of equal shape.
        kernelInitializer: tf.layers.initializers.glorotUniform({ seed: options.seed + 7919 * i }),
        biasInitializer: 'zeros',
        ...(i === 0 ? { inputShape: [options.inputDim] } : {}),
      }),
    );
  });
  return model;
}

/**
 * Frees the model's weights and its optimizer's state. tfjs-layers only
 * disposes optimizers it created from a name, so the Adam instance passed to
 * compile() must be disposed here.
 */
export function disposeMlp(model: tfl.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  optimizer?.dispose();
}
