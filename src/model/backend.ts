/**
 * Picks the tfjs backend a run trains on. For 'auto' it measures rather than
 * trusts: WebGL in headless or GPU-less browsers is a software renderer
 * (SwiftShader, llvmpipe) that is many times slower than WASM, and for a
 * model this small even a real GPU can lose to WASM on per-op overhead.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type { BackendChoice, BackendName } from '../protocol';

/** The backend in use and why it was chosen, for the training panel. */
export interface BackendSelection {
  backend: BackendName;
  reason: string;
}

/** Tries each backend in this order when the preferred one fails. */
export const FALLBACK_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** Longest time, in ms, the benchmark of one backend may take (after warm-up). */
const BENCH_BUDGET_MS = 60;
const BENCH_MAX_ITERATIONS = 20;

async function trySet(tf: typeof tfc, name: BackendName): Promise<string | null> {
  if (tf.findBackendFactory(name) === null) return `${name} is not available`;
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return `${name} failed to start`;
    await tf.ready();
    return null;
  } catch (err) {
    return `${name} failed to start (${err instanceof Error ? err.message : String(err)})`;
  }
}

/** Minimal shape of a WebGL context, to read the renderer's name without DOM types in src/. */
interface GlLike {
  getExtension(name: string): unknown;
  getParameter(parameter: number): unknown;
}
const UNMASKED_RENDERER_WEBGL = 0x9246;

/** The WebGL renderer's name (e.g. "SwiftShader"), or null when it cannot be read. */
export function webglRenderer(tf: typeof tfc): string | null {
  try {
    const backend = tf.backend() as unknown as { gpgpu?: { gl?: GlLike } };
    const gl = backend.gpgpu?.gl;
    if (!gl || !gl.getExtension('WEBGL_debug_renderer_info')) return null;
    const name = gl.getParameter(UNMASKED_RENDERER_WEBGL);
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

/** True for renderers that run WebGL on the CPU. */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}

/**
 * Milliseconds per step of a workload shaped like one training step of the
 * MLP (batch 256, layers of 32), on the current backend. The first step is
 * a warm-up: it compiles shaders / allocates, which a run pays only once.
 */
export async function benchmarkCurrentBackend(tf: typeof tfc): Promise<number> {
  const [x, w1, w2] = tf.tidy(() => [tf.randomUniform([256, 32], -1, 1, 'float32', 1), tf.randomUniform([32, 32], -1, 1, 'float32', 2), tf.randomUniform([32, 16], -1, 1, 'float32', 3)]);
  const step = async (): Promise<void> => {
    const out = tf.tidy(() => {
      const h = tf.relu(tf.matMul(tf.relu(tf.matMul(x, w1)), w2));
      // A transposed product stands in for the backward pass.
      return tf.sum(tf.matMul(h, h, true, false));
    });
    await out.data();
    out.dispose();
  };
  try {
    await step();
    const start = performance.now();
    let iterations = 0;
    while (iterations < BENCH_MAX_ITERATIONS && performance.now() - start < BENCH_BUDGET_MS) {
      await step();
      iterations++;
    }
    return (performance.now() - start) / iterations;
  } finally {
    tf.dispose([x, w1, w2]);
  }
}

/**
 * Sets the tfjs backend for `choice` and says why. An explicit choice is used
 * if it starts; otherwise, and for failures along the way, the next in
 * webgl → wasm → cpu is tried, and every failure is named in `reason`.
 * 'auto' starts WebGL and WASM, times both, and keeps the faster.
 */
export async function chooseBackend(tf: typeof tfc, choice: BackendChoice): Promise<BackendSelection> {
  const selection = await pickBackend(tf, choice);
  if (selection.backend !== 'wasm') return selection;
  return { ...selection, reason: `${selection.reason} [${await wasmFeatures(tf)}]` };
}

/** Whether the WASM backend runs its SIMD build and with how many threads, for the reason line. */
export async function wasmFeatures(tf: typeof tfc): Promise<string> {
  const flag = async (name: string): Promise<boolean | null> => {
    try {
      return Boolean(await tf.env().getAsync(name));
    } catch {
      return null;
    }
  };
  const simd = await flag('WASM_HAS_SIMD_SUPPORT');
  const threads = await flag('WASM_HAS_MULTITHREAD_SUPPORT');
  const simdText = simd === null ? 'SIMD unknown' : simd ? 'SIMD on' : 'no SIMD';
  // Threads need SharedArrayBuffer, i.e. a cross-origin-isolated page.
  const threadText = threads ? 'multithreaded' : 'single thread (the page is not cross-origin isolated)';
  return `${simdText}, ${threadText}`;
}

async function pickBackend(tf: typeof tfc, choice: BackendChoice): Promise<BackendSelection> {
  const failures: string[] = [];
  const withFailures = (text: string): string => (failures.length ? `${text}; ${failures.join('; ')}` : text);

  if (choice !== 'auto') {
    for (const name of FALLBACK_ORDER.slice(FALLBACK_ORDER.indexOf(choice))) {
      const failure = await trySet(tf, name);
      if (failure === null) {
        return { backend: name, reason: withFailures(name === choice ? `${name}: chosen in settings` : `${name}: fallback`) };
      }
      failures.push(failure);
    }
    throw new Error(`no tfjs backend could start: ${failures.join('; ')}`);
  }

  const timings: { name: BackendName; ms: number; note: string }[] = [];
  for (const name of ['webgl', 'wasm'] as const) {
    const failure = await trySet(tf, name);
    if (failure !== null) {
      failures.push(failure);
      continue;
    }
    try {
      const ms = await benchmarkCurrentBackend(tf);
      let note = '';
      if (name === 'webgl') {
        const renderer = webglRenderer(tf);
        if (renderer !== null && isSoftwareRenderer(renderer)) note = `software rendering: ${renderer}`;
      }
      timings.push({ name, ms, note });
    } catch (err) {
      failures.push(`${name} failed its benchmark (${err instanceof Error ? err.message : String(err)})`);
    }
  }

  if (timings.length === 2) {
    const [a, b] = timings[0].ms <= timings[1].ms ? [timings[0], timings[1]] : [timings[1], timings[0]];
    await tf.setBackend(a.name);
    const ratio = b.ms / Math.max(a.ms, 1e-6);
    const note = b.note || a.note;
    return {
      backend: a.name,
      reason: withFailures(`${a.name}: ${ratio.toFixed(1)}× faster than ${b.name} in a quick benchmark${note ? ` (${note})` : ''}`),
    };
  }
  if (timings.length === 1) {
    const only = timings[0];
    await tf.setBackend(only.name);
    return { backend: only.name, reason: withFailures(`${only.name}: the only fast backend that started`) };
  }
  const failure = await trySet(tf, 'cpu');
  if (failure === null) return { backend: 'cpu', reason: withFailures('cpu: fallback, slow') };
  failures.push(failure);
  throw new Error(`no tfjs backend could start: ${failures.join('; ')}`);
}
