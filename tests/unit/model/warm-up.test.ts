import { beforeAll, describe, expect, test } from 'vitest';
import { warmUp } from '../../../src/model/warm-up';
import { TRAIN_DEFAULTS, trainFields } from '../../../src/model/train-settings';
import { tf } from './helpers';

beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

describe('warmUp', () => {
  test('trains a small model and leaves nothing behind: no tensor, no event', async () => {
    const before = tf.core.memory().numTensors;
    await warmUp(tf, 'cpu');
    expect(tf.core.memory().numTensors).toBe(before);
  });

  test("runs on the settings' own defaults", () => {
    expect(Object.keys(TRAIN_DEFAULTS).sort()).toEqual(Object.keys(trainFields).sort());
    expect(TRAIN_DEFAULTS.hiddenUnits).toEqual([32, 16]);
  });
});
