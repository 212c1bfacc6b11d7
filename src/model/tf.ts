/**
 * The TensorFlow.js namespaces the model code runs on, passed in rather than
 * imported so that the caller (the worker, or a node test) decides which
 * backends are registered, and src/ stays free of bundler-specific imports.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/** tfjs-core and tfjs-layers, as imported by the caller. */
export interface Tf {
  core: typeof tfc;
  layers: typeof tfl;
}
