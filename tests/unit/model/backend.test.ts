import { beforeAll, describe, expect, test } from 'vitest';
import { benchmarkCurrentBackend, chooseBackend, isSoftwareRenderer } from '../../../src/model/backend';
import { tf } from './helpers';

// Only the cpu backend is registered in these node tests: webgl and wasm are absent.
beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

describe('chooseBackend', () => {
  test('an explicit cpu choice is used as is', async () => {
    expect(await chooseBackend(tf.core, 'cpu')).toEqual({ backend: 'cpu', reason: 'cpu: chosen in settings' });
  });

  test('a missing backend falls back down webgl → wasm → cpu and names each failure', async () => {
    const s = await chooseBackend(tf.core, 'webgl');
    expect(s.backend).toBe('cpu');
    expect(s.reason).toBe('cpu: fallback; webgl is not available; wasm is not available');
  });

  test("'auto' ends on cpu when neither fast backend exists", async () => {
    const s = await chooseBackend(tf.core, 'auto');
    expect(s.backend).toBe('cpu');
    expect(tf.core.getBackend()).toBe('cpu');
    expect(s.reason).toMatch(/^cpu: fallback, slow; webgl is not available; wasm is not available$/);
  });
});

test('the benchmark is quick, positive and leak-free', async () => {
  const before = tf.core.memory().numTensors;
  const t0 = performance.now();
  const ms = await benchmarkCurrentBackend(tf.core);
  expect(ms).toBeGreaterThan(0);
  expect(performance.now() - t0).toBeLessThan(1000);
  expect(tf.core.memory().numTensors).toBe(before);
});

test('software renderers are recognised', () => {
  expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
  expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
  expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
});
