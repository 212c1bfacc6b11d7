/**
 * A trained model as the worker keeps it between runs: plain arrays and JSON only, no
 * tensors, so holding it costs nothing against the tensor-count baseline.
 */
import type { Preprocessor } from '../data/preprocess';
import type { BackendName, TrainOptions } from './train-protocol';
import { createMlp, disposeMlp } from './mlp';
import type { Tf } from './tf';
import type * as tfl from '@tensorflow/tfjs-layers';

/** The settings a model was trained with, resolved (pos_weight is a number here). */
export interface TrainedSettings extends Omit<TrainOptions, 'posWeight' | 'epochs' | 'batchSize'> {
  posWeight: number;
  epochs: number;
  batchSize: number;
  lossDescription: string;
  backend: BackendName;
  epochsRun: number;
  bestEpoch: number;
}

/** Weights, architecture, preprocessing and settings of one trained MLP. */
export interface TrainedModel {
  inputDim: number;
  hiddenUnits: number[];
  /** Kernel, bias, kernel, bias, … flattened in layer order (FlatMlp's layout). */
  weights: Float32Array;
  preprocessor: Preprocessor;
  settings: TrainedSettings;
}

/**
 * Builds the tf.layers model with the trained weights (for export or prediction). The
 * caller disposes it with disposeMlp.
 */
export function toLayersModel(tf: Tf, model: Pick<TrainedModel, 'inputDim' | 'hiddenUnits' | 'weights'>): tfl.Sequential {
  const layers = createMlp(tf, { inputDim: model.inputDim, hiddenUnits: model.hiddenUnits, seed: 0 });
  try {
    const shapes = layers.getWeights().map((w) => w.shape);
    const tensors = [];
    let offset = 0;
    for (const shape of shapes) {
      const size = shape.reduce((a, b) => a * b, 1);
      tensors.push(tf.core.tensor(model.weights.subarray(offset, offset + size), shape));
      offset += size;
    }
    if (offset !== model.weights.length) {
      tf.core.dispose(tensors);
      throw new RangeError(`the model has ${offset} parameters but ${model.weights.length} were stored`);
    }
    layers.setWeights(tensors);
    tf.core.dispose(tensors);
    return layers;
  } catch (err) {
    disposeMlp(layers);
    throw err;
  }
}
