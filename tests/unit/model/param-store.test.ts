import { beforeAll, expect, test } from 'vitest';
import { DeviceParams, HostParams, type LayerSlot } from '../../../src/model/param-store';
import { tf } from './helpers';

beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

const tc = tf.core;
// One 3 → 2 layer: kernel of 6 at offset 0, bias of 2 at offset 6.
const slots: LayerSlot[] = [{ inputs: 3, units: 2, kernelOffset: 0, biasOffset: 6 }];
const adam = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

test('host (WASM/CPU) and device (WebGL) stores lay out layers alike and take the same Adam steps as tf.train.adam', async () => {
  const initial = Float32Array.from([1, 2, 3, 4, 5, 6, 0.5, -0.5]);
  const host = new HostParams(tc, slots, initial, adam);
  const device = new DeviceParams(tc, slots, initial, adam);
  const reference = tc.variable(tc.tensor1d(initial));
  const optimizer = tc.train.adam(adam.learningRate, adam.beta1, adam.beta2, adam.epsilon);
  const [layer] = tc.tidy(() => host.tensors().map((p) => [Array.from(p.kernel.dataSync()), p.kernel.shape, Array.from(p.bias.dataSync())]));
  expect(layer).toEqual([
    [1, 2, 3, 4, 5, 6],
    [3, 2],
    [0.5, -0.5],
  ]);
  for (let step = 1; step <= 4; step++) {
    const g = Float32Array.from({ length: 8 }, (_, i) => Math.sin(step * 3 + i) * (i + 1));
    const parts = [tc.tensor2d(g.slice(0, 6), [3, 2]), tc.tensor1d(g.slice(6))];
    host.update(parts);
    device.update(parts);
    optimizer.applyGradients([{ name: reference.name, tensor: tc.tensor1d(g) }]);
    tc.dispose(parts);
  }
  const want = Array.from(reference.dataSync());
  Array.from(await host.read()).forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
  Array.from(await device.read()).forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
  host.write(new Float32Array(8).fill(2));
  device.write(new Float32Array(8).fill(2));
  expect(Array.from(await host.read())).toEqual(Array.from(await device.read()));
  device.dispose();
  host.dispose();
  optimizer.dispose();
  reference.dispose();
});

test('the stores free everything they made', () => {
  const before = tc.memory().numTensors;
  const initial = new Float32Array(8).fill(1);
  for (const store of [new HostParams(tc, slots, initial, adam), new DeviceParams(tc, slots, initial, adam)]) {
    tc.tidy(() => {
      store.tensors();
    });
    const parts = [tc.ones([3, 2]), tc.ones([2])];
    store.update(parts);
    tc.dispose(parts);
    store.dispose();
  }
  expect(tc.memory().numTensors).toBe(before);
});
