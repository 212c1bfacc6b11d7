import type * as tfc from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { benchmarkCurrentBackend, chooseBackend, isSoftwareRenderer } from '../../../src/model/backend';
import { probeWebgl, webglSkipReason } from '../../../src/model/webgl-probe';
import { tf } from './helpers';

// Only the cpu backend is registered in these node tests: webgl and wasm are absent.
beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

describe('chooseBackend', () => {
  test('an explicit cpu choice is used as is', async () => {
    expect(await chooseBackend(tf.core, 'cpu')).toEqual({ backend: 'cpu', reason: 'CPU — chosen in settings', details: 'cpu: chosen in settings' });
  });

  test('a missing backend falls back down webgl → wasm → cpu and names each failure', async () => {
    const s = await chooseBackend(tf.core, 'webgl');
    expect(s.backend).toBe('cpu');
    expect(s.reason).toBe('CPU — fallback: WebGL did not start');
    expect(s.details).toBe('cpu: fallback; webgl is not available; wasm is not available');
  });

  test("'auto' ends on cpu when neither fast backend exists", async () => {
    const s = await chooseBackend(tf.core, 'auto');
    expect(s.backend).toBe('cpu');
    expect(tf.core.getBackend()).toBe('cpu');
    expect(s.reason).toBe('CPU — fallback, slow: neither WebGL nor WASM started');
    expect(s.details).toBe('webgl is not available; wasm is not available');
  });

  /** tf.core, recording the backends it is asked about. */
  const recordingTf = (tried: string[]): typeof tf.core =>
    new Proxy(tf.core, {
      get(target, key, receiver) {
        if (key === 'findBackendFactory') return (name: string) => (tried.push(name), target.findBackendFactory(name));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });

  test("'auto' does not even start WebGL on a software renderer", async () => {
    const tried: string[] = [];
    const s = await chooseBackend(recordingTf(tried), 'auto', { probe: () => ({ renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))', majorPerformanceCaveat: true }) });
    expect(tried).not.toContain('webgl');
    expect(s.backend).toBe('cpu');
    expect(s.details).toMatch(/^WebGL is software rendering here \(ANGLE .*SwiftShader.*\): not compiled; wasm is not available/);
  });

  test("'auto' skips WebGL that the browser flags with a major performance caveat", async () => {
    const tried: string[] = [];
    await chooseBackend(recordingTf(tried), 'auto', { probe: () => ({ renderer: null, majorPerformanceCaveat: true }) });
    expect(tried).not.toContain('webgl');
  });

  test("'auto' keeps the choice made earlier in the session without measuring again", async () => {
    const tried: string[] = [];
    let probed = false;
    const known = { backend: 'cpu' as const, reason: 'CPU — earlier', details: 'measured before' };
    const s = await chooseBackend(recordingTf(tried), 'auto', { probe: () => ((probed = true), null), known });
    expect(s).toEqual({ ...known, details: 'measured before; chosen earlier in this session, not measured again' });
    expect(tried).toEqual(['cpu']);
    expect(probed).toBe(false);
  });
});

describe('probeWebgl', () => {
  const gl = (renderer: string) => ({
    lost: 0,
    getExtension(name: string) {
      if (name === 'WEBGL_lose_context') return { loseContext: () => this.lost++ };
      return name === 'WEBGL_debug_renderer_info' ? {} : null;
    },
    getParameter: () => renderer,
  });

  test('reads the renderer and whether a fast context was refused, then releases the context', () => {
    const slow = gl('llvmpipe (LLVM 15)');
    const canvas = { getContext: (_: string, a: { failIfMajorPerformanceCaveat: boolean }) => (a.failIfMajorPerformanceCaveat ? null : slow) };
    const probe = probeWebgl(() => canvas);
    expect(probe).toEqual({ renderer: 'llvmpipe (LLVM 15)', majorPerformanceCaveat: true });
    expect(slow.lost).toBe(1);
    expect(webglSkipReason(probe)).toBe('WebGL is software rendering here (llvmpipe (LLVM 15))');
  });

  test('a real GPU is worth a benchmark; no WebGL at all is said so', () => {
    const fast = gl('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)');
    const probe = probeWebgl(() => ({ getContext: () => fast }));
    expect(probe?.majorPerformanceCaveat).toBe(false);
    expect(webglSkipReason(probe)).toBeNull();
    expect(probeWebgl(null)).toBeNull();
    expect(probeWebgl(() => ({ getContext: () => null }))).toBeNull();
    expect(webglSkipReason(null)).toBe('WebGL is not available');
  });
});

test('the benchmark is quick, positive and leak-free', async () => {
  const before = tf.core.memory().numTensors;
  const t0 = performance.now();
  const ms = await benchmarkCurrentBackend(tf.core);
  expect(ms).toBeGreaterThan(0);
  expect(Number.isFinite(ms)).toBe(true);
  expect(performance.now() - t0).toBeLessThan(1000);
  expect(tf.core.memory().numTensors).toBe(before);
});

test('the benchmark is in milliseconds per step: a backend made d ms slower per step measures at least d ms', async () => {
  // Every step runs in one tidy: holding each for d ms makes every step d ms slower. Lower
  // bounds only: the time of the work itself depends on how busy the machine is.
  const slowedBy = (ms: number): typeof tf.core =>
    new Proxy(tf.core, {
      get(target, key, receiver) {
        if (key !== 'tidy') return Reflect.get(target, key, receiver) as unknown;
        return (fn: () => tfc.TensorContainer) => {
          const until = performance.now() + ms;
          while (performance.now() < until);
          return target.tidy(fn);
        };
      },
    });
  expect(await benchmarkCurrentBackend(slowedBy(5))).toBeGreaterThanOrEqual(5);
  expect(await benchmarkCurrentBackend(slowedBy(20))).toBeGreaterThanOrEqual(20);
});

test('software renderers are recognised', () => {
  expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
  expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
  expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
});
