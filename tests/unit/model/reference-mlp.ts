import type * as tfl from '@tensorflow/tfjs-layers';
import { weightedBceWithLogits } from '../../../src/model/losses';
import { createMlp, type MlpOptions } from '../../../src/model/mlp';
import type { Tf } from '../../../src/model/tf';

/**
 * The test oracle of the fast trainer: {@link createMlp}'s network compiled with Adam and
 * weighted BCE on logits, trained by tfjs-layers with autodiff. The app trains with FlatMlp.
 */
export function buildMlp(tf: Tf, options: MlpOptions & { learningRate: number; posWeight: number }): tfl.Sequential {
  const model = createMlp(tf, options);
  model.compile({
    optimizer: tf.core.train.adam(options.learningRate),
    loss: weightedBceWithLogits(tf.core, options.posWeight),
  });
  return model;
}
